import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { vendorBlockedCaptions } from './vendor-fields.ts';
import type { Vendor } from './vendor-types.ts';
import { caption, useCaptions } from '../i18n/captions.ts';

const columns: ReadonlyArray<ListColumn<Vendor>> = [
  { key: 'no', label: 'No.', render: (row) => row.no, sortValue: (row) => row.no },
  { key: 'name', label: 'Name', render: (row) => row.name, sortValue: (row) => row.name },
  { key: 'city', label: 'City', render: (row) => row.city, sortValue: (row) => row.city },
  { key: 'phoneNo', label: 'Phone No.', render: (row) => row.phoneNo, sortValue: (row) => row.phoneNo },
  { key: 'contact', label: 'Contact', render: (row) => row.contact, sortValue: (row) => row.contact },
  { key: 'vendorPostingGroup', label: 'Vendor Posting Group', render: (row) => row.vendorPostingGroup, sortValue: (row) => row.vendorPostingGroup ?? '' },
  { key: 'currencyCode', label: 'Currency Code', render: (row) => row.currencyCode, sortValue: (row) => row.currencyCode ?? '' },
  { key: 'blocked', label: 'Blocked', render: (row) => (row.blocked === 'none' ? '' : caption(vendorBlockedCaptions[row.blocked])), sortValue: (row) => row.blocked },
];

const blockedFilter = {
  field: 'blocked',
  label: 'Blocked',
  options: Object.entries(vendorBlockedCaptions).map(([value, label]) => ({ value, label })),
};

export function VendorListPage() {
  const t = useCaptions();
  return (
    <ListPage title={t('Vendors')} resource="/vendors" columns={columns} rowKey={(row) => row.no} rowLink={(row) => `/vendors/${encodeURIComponent(row.no)}`}
      filters={[blockedFilter]} newLink="/vendors/new" />
  );
}
