import { useParams } from 'react-router';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import type { ListFilter } from '../lists/list-filters.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { postedDocumentPath } from '../posted/posted-document-kinds.ts';
import { PostedPurchaseStatus } from './posted-purchase-status.tsx';
import { textColumn } from '../sales/sales-document-list-page.tsx';
import { vendorNumberFields } from './posted-purchase-fields.ts';
import { postedPurchaseKindByPath, type PostedPurchaseKind } from './purchase-kinds.ts';
import type { PostedPurchaseHeader } from './purchase-types.ts';

/** Invoices and credit memos also carry what is left of them (from their vendor ledger entry) and whether that entry is closed. */
type Row = PostedPurchaseHeader;

// Every column is a stored field of the posted header or one the API computes and sorts on (Remaining
// Amount, Status), so a header click sorts the whole list on the server.
const dateColumn = (key: 'postingDate' | 'dueDate', label: string): ListColumn<Row> =>
  ({ key, label, render: (row, locale) => formatDate(row[key], locale) });
const amountColumn = (key: 'amount' | 'amountIncludingVat' | 'remainingAmount', label: string): ListColumn<Row> =>
  ({ key, label, numeric: true, render: (row, locale) => (row[key] === null || row[key] === undefined ? '' : formatAmount(row[key], locale)) });

/**
 * Open / Partly paid / Paid / Overdue, with the posted sales lists' badges; the API orders by the same
 * status at the work date. Purchase documents are never prepayments, cancelled or corrective here.
 */
const statusColumn: ListColumn<Row> = { key: 'status', label: 'Status', render: (row) => <PostedPurchaseStatus header={row} /> };

function columnsFor(kind: PostedPurchaseKind): ListColumn<Row>[] {
  const vendorNumber = vendorNumberFields[kind.type];
  return [
    textColumn('no', 'No.'),
    textColumn('buyFromVendorNo', 'Buy-from Vendor No.'),
    textColumn('buyFromName', 'Buy-from Vendor Name'),
    dateColumn('postingDate', 'Posting Date'),
    textColumn('sourceDocumentNo', kind.sign === 1 ? 'Order No.' : 'Source Document No.'),
    textColumn(vendorNumber.field, vendorNumber.caption),
    ...(kind.billed
      ? [
        dateColumn('dueDate', 'Due Date'), amountColumn('amount', 'Amount'), amountColumn('amountIncludingVat', 'Amount Including VAT'),
        amountColumn('remainingAmount', 'Remaining Amount'), statusColumn,
      ]
      : []),
  ];
}

// The search box looks in the number, the vendor names and the vendor's own document numbers.
const filters: ListFilter[] = [
  { field: 'buyFromVendorNo', label: 'Buy-from Vendor No.', kind: 'text' },
  { field: 'payToVendorNo', label: 'Pay-to Vendor No.', kind: 'text' },
  { field: 'sourceDocumentNo', label: 'Source Document No.', kind: 'text' },
  { field: 'postingDateFrom', label: 'Posting Date from', kind: 'date' },
  { field: 'postingDateTo', label: 'Posting Date to', kind: 'date' },
];

/** Posted Purchase Receipts, Invoices, Credit Memos and Return Shipments: sorted, filtered and paged by the API, all of it kept in the page address. */
export function PostedPurchaseListPage() {
  const kind = postedPurchaseKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={kind.plural} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => postedDocumentPath(kind, row.no)} filters={filters} />
  );
}
