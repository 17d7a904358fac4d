import { Alert, Fieldset, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, encodeKey } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Item, ItemUnitOfMeasure, Page } from '../api/types.ts';
import { ReadOnlyFields, type ReadOnlyGroup } from '../components/read-only-fields.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { formatQuantity, formatUnitPrice } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import { EntriesPanel } from '../ledgers/entries-panel.tsx';
import { ledgerSpecs } from '../ledgers/ledger-specs.ts';
import { itemTypeCaptions } from './item-captions.ts';
import { ItemInventoryPanel } from './item-inventory-panel.tsx';
import { SalesPrepaymentPercentsPanel } from './sales-prepayment-percents-panel.tsx';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function itemGroups(item: Item, locale: SupportedLocale): ReadOnlyGroup[] {
  return [
    {
      title: 'Item',
      fields: [
        { label: 'Description', value: item.description },
        { label: 'Description 2', value: item.description2 },
        { label: 'Type', value: itemTypeCaptions[item.type] },
        { label: 'Base Unit of Measure', value: item.baseUnitOfMeasure },
        { label: 'Sales Unit of Measure', value: item.salesUnitOfMeasure },
        { label: 'GTIN', value: item.gtin },
        { label: 'Blocked', value: yesNo(item.blocked) },
        { label: 'Sales Blocked', value: yesNo(item.salesBlocked) },
      ],
    },
    {
      title: 'Prices & Sales',
      fields: [
        { label: 'Unit Price', value: formatUnitPrice(item.unitPrice, locale) },
        { label: 'Price Includes VAT', value: yesNo(item.priceIncludesVat) },
        { label: 'Unit Cost', value: formatUnitPrice(item.unitCost, locale) },
        { label: 'Costing Method', value: item.costingMethod },
        { label: 'Item Disc. Group', value: item.itemDiscountGroup },
        { label: 'Allow Invoice Disc.', value: yesNo(item.allowInvoiceDiscount) },
      ],
    },
    {
      title: 'Posting & Replenishment',
      fields: [
        { label: 'Gen. Prod. Posting Group', value: item.genProdPostingGroup },
        { label: 'VAT Prod. Posting Group', value: item.vatProdPostingGroup },
        { label: 'Inventory Posting Group', value: item.inventoryPostingGroup },
        { label: 'Vendor No.', value: item.vendorNo },
        { label: 'Vendor Item No.', value: item.vendorItemNo },
      ],
    },
  ];
}

export function ItemCardPage() {
  const { no = '' } = useParams();
  const { locale } = useSession();
  const item = useQuery({ queryKey: ['item', no], queryFn: () => api.get<Item>(`/items/${encodeKey(no)}`) });
  const units = useQuery({ queryKey: ['itemUnits', no], queryFn: () => api.get<Page<ItemUnitOfMeasure>>(`/items/${encodeKey(no)}/unitsOfMeasure?limit=100`) });
  if (item.error) return <Alert color="red" role="alert">{messageOf(item.error)}</Alert>;
  if (!item.data) return <Loader />;
  return (
    <Stack gap="sm" aria-label="Item card">
      <Title order={2}>{item.data.no} · {item.data.description}</Title>
      <ReadOnlyFields groups={itemGroups(item.data, locale)} />
      <Fieldset legend="Units of Measure">
        <Table withTableBorder maw={420}>
          <Table.Thead><Table.Tr><Table.Th>Code</Table.Th><Table.Th ta="right">Qty. per Unit of Measure</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(units.data?.items ?? []).map((unit) => (
              <Table.Tr key={unit.code}><Table.Td>{unit.code}</Table.Td><Table.Td ta="right">{formatQuantity(unit.quantityPerUnitOfMeasure, locale)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Fieldset>
      <ItemInventoryPanel itemNo={item.data.no} />
      <SalesPrepaymentPercentsPanel itemNo={item.data.no} />
      <EntriesPanel spec={ledgerSpecs.itemLedgerEntries} filters={{ itemNo: item.data.no }} />
    </Stack>
  );
}
