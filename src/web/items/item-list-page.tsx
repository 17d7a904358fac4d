import type { Item } from '../api/types.ts';
import { formatUnitPrice } from '../format/numbers.ts';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { itemTypeCaptions } from './item-captions.ts';
import { useCaptions } from '../i18n/captions.ts';
import { caption } from '../i18n/captions.ts';

const columns: ReadonlyArray<ListColumn<Item>> = [
  { key: 'no', label: 'No.', render: (row) => row.no, sortValue: (row) => row.no },
  { key: 'description', label: 'Description', render: (row) => row.description, sortValue: (row) => row.description },
  { key: 'type', label: 'Type', render: (row) => caption(itemTypeCaptions[row.type]), sortValue: (row) => itemTypeCaptions[row.type] },
  { key: 'baseUnitOfMeasure', label: 'Base Unit of Measure', render: (row) => row.baseUnitOfMeasure, sortValue: (row) => row.baseUnitOfMeasure },
  { key: 'unitPrice', label: 'Unit Price', numeric: true, render: (row, locale) => formatUnitPrice(row.unitPrice, locale), sortValue: (row) => row.unitPrice },
  { key: 'unitCost', label: 'Unit Cost', numeric: true, render: (row, locale) => formatUnitPrice(row.unitCost, locale), sortValue: (row) => row.unitCost },
  { key: 'vendorNo', label: 'Vendor No.', render: (row) => row.vendorNo, sortValue: (row) => row.vendorNo ?? '' },
  { key: 'blocked', label: 'Blocked', render: (row) => (row.blocked ? caption('Yes') : ''), sortValue: (row) => String(row.blocked) },
];

const filters = [
  { field: 'type', label: 'Type', options: Object.entries(itemTypeCaptions).map(([value, label]) => ({ value, label })) },
  { field: 'blocked', label: 'Blocked', options: [{ value: 'false', label: 'No' }, { value: 'true', label: 'Yes' }] },
];

export function ItemListPage() {
  const t = useCaptions();
  return <ListPage title={t('Items')} resource="/items" columns={columns} rowKey={(row) => row.no} rowLink={(row) => `/items/${encodeURIComponent(row.no)}`} filters={filters} newLink="/items/new" />;
}
