import type { Customer } from '../api/types.ts';
import { formatAmount } from '../format/numbers.ts';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { blockedCaptions } from './customer-fields.ts';
import { NewFromTemplateButton } from './new-from-template.tsx';
import { caption, useCaptions } from '../i18n/captions.ts';

/** A list row: the customer with its Balance (LCY), a FlowField the list answers beside the columns. */
type CustomerRow = Customer & { balanceLcy?: string };

const columns: ReadonlyArray<ListColumn<CustomerRow>> = [
  { key: 'no', label: 'No.', render: (row) => row.no, sortValue: (row) => row.no },
  { key: 'name', label: 'Name', render: (row) => row.name, sortValue: (row) => row.name },
  { key: 'city', label: 'City', render: (row) => row.city, sortValue: (row) => row.city },
  { key: 'phoneNo', label: 'Phone No.', render: (row) => row.phoneNo, sortValue: (row) => row.phoneNo },
  { key: 'contact', label: 'Contact', render: (row) => row.contact, sortValue: (row) => row.contact },
  { key: 'salespersonCode', label: 'Salesperson', render: (row) => row.salespersonCode, sortValue: (row) => row.salespersonCode ?? '' },
  { key: 'balanceLcy', label: 'Balance (LCY)', numeric: true, render: (row, locale) => formatAmount(row.balanceLcy ?? '0', locale), sortValue: (row) => row.balanceLcy ?? '0' },
  { key: 'creditLimitLcy', label: 'Credit Limit (LCY)', numeric: true, render: (row, locale) => formatAmount(row.creditLimitLcy, locale), sortValue: (row) => row.creditLimitLcy },
  { key: 'blocked', label: 'Blocked', render: (row) => (row.blocked === 'none' ? '' : caption(blockedCaptions[row.blocked])), sortValue: (row) => row.blocked },
];

const blockedFilter = {
  field: 'blocked',
  label: 'Blocked',
  options: Object.entries(blockedCaptions).map(([value, label]) => ({ value, label })),
};

export function CustomerListPage() {
  const t = useCaptions();
  return (
    <ListPage title={t('Customers')} resource="/customers" columns={columns} rowKey={(row) => row.no} rowLink={(row) => `/customers/${encodeURIComponent(row.no)}`}
      filters={[blockedFilter]} newLink="/customers/new" actions={<NewFromTemplateButton />} />
  );
}
