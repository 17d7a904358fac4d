import { Alert, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { itemSchemas } from '../../core/master-data/item.schemas.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Item } from '../api/types.ts';
import type { RecordCardSpec } from '../components/record-card.ts';
import { RecordCardForm, useCardRecord } from '../components/record-card-form.tsx';
import { useSession } from '../session/session-store.ts';
import { EntriesPanel } from '../ledgers/entries-panel.tsx';
import { ledgerSpecs } from '../ledgers/ledger-specs.ts';
import { itemFieldGroups, newItemDefaults, newItemFieldGroups } from './item-fields.ts';
import { ItemAvailabilityPanel } from './item-availability-panel.tsx';
import { ItemInventoryPanel } from './item-inventory-panel.tsx';
import { ItemLineDiscountsPanel, ItemSalesPricesPanel } from './item-prices-panel.tsx';
import { ItemUnitsPanel } from './item-units-panel.tsx';
import { ItemAssemblyLinks } from '../assembly/item-assembly-links.tsx';
import { ItemAssemblyBomPanel } from './item-assembly-bom-panel.tsx';
import { SalesPrepaymentPercentsPanel } from './sales-prepayment-percents-panel.tsx';

/** An item as the card form edits it: its Description is the card's title, as a customer's Name is. */
type ItemRecord = Item & { name: string };

const itemCard: RecordCardSpec<ItemRecord> = {
  caption: 'Item', resource: '/items', queryKey: 'item', schemas: itemSchemas,
  fieldGroups: itemFieldGroups, newFieldGroups: newItemFieldGroups, newDefaults: newItemDefaults as Partial<ItemRecord>,
};

export function ItemCardPage() {
  const { no } = useParams();
  const { locale } = useSession();
  return no ? <ExistingItemCard key={no} no={no} /> : <RecordCardForm key={locale} spec={itemCard} />;
}

function ExistingItemCard({ no }: { no: string }) {
  const { locale } = useSession();
  const item = useCardRecord(itemCard, no);
  if (item.error) return <Alert color="red" role="alert">{messageOf(item.error)}</Alert>;
  if (!item.data) return <Loader />;
  const record = { ...item.data, name: item.data.description };
  return (
    <Stack gap="sm">
      {/* The form holds decimals as the locale writes them: another locale starts it afresh. */}
      <RecordCardForm key={locale} spec={itemCard} record={record} />
      <ItemUnitsPanel itemNo={record.no} baseUnitOfMeasure={record.baseUnitOfMeasure} />
      <ItemAssemblyBomPanel itemNo={record.no} />
      <ItemAssemblyLinks itemNo={record.no} />
      <ItemSalesPricesPanel itemNo={record.no} />
      <ItemLineDiscountsPanel itemNo={record.no} />
      <ItemInventoryPanel itemNo={record.no} />
      <ItemAvailabilityPanel itemNo={record.no} />
      <SalesPrepaymentPercentsPanel itemNo={record.no} />
      <EntriesPanel spec={ledgerSpecs.itemLedgerEntries} filters={{ itemNo: record.no }} />
    </Stack>
  );
}
