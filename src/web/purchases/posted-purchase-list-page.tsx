import { useParams } from 'react-router';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import type { ListFilter } from '../lists/list-filters.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { postedDocumentPath } from '../posted/posted-document-kinds.ts';
import { textColumn } from '../sales/sales-document-list-page.tsx';
import { vendorNumberFields } from './posted-purchase-fields.ts';
import { postedPurchaseKindByPath, type PostedPurchaseKind } from './purchase-kinds.ts';
import type { PostedPurchaseHeader } from './purchase-types.ts';

type Row = PostedPurchaseHeader;

const dateColumn = (key: 'postingDate' | 'dueDate', label: string): ListColumn<Row> =>
  ({ key, label, render: (row, locale) => formatDate(row[key], locale), sortValue: (row) => row[key] ?? '' });
const amountColumn = (key: 'amount' | 'amountIncludingVat', label: string): ListColumn<Row> =>
  ({ key, label, numeric: true, render: (row, locale) => formatAmount(row[key], locale), sortValue: (row) => row[key] });

function columnsFor(kind: PostedPurchaseKind): ListColumn<Row>[] {
  const vendorNumber = vendorNumberFields[kind.type];
  return [
    textColumn('no', 'No.'),
    textColumn('buyFromVendorNo', 'Buy-from Vendor No.'),
    textColumn('buyFromName', 'Buy-from Vendor Name'),
    dateColumn('postingDate', 'Posting Date'),
    textColumn('sourceDocumentNo', kind.sign === 1 ? 'Order No.' : 'Source Document No.'),
    textColumn(vendorNumber.field, vendorNumber.caption),
    ...(kind.billed ? [dateColumn('dueDate', 'Due Date'), amountColumn('amount', 'Amount'), amountColumn('amountIncludingVat', 'Amount Including VAT')] : []),
  ];
}

// What the posted purchase lists filter on (the API takes no search there).
const filters: ListFilter[] = [
  { field: 'payToVendorNo', label: 'Pay-to Vendor No.', kind: 'text' },
  { field: 'sourceDocumentNo', label: 'Source Document No.', kind: 'text' },
];

/** Posted Purchase Receipts, Invoices, Credit Memos and Return Shipments. */
export function PostedPurchaseListPage() {
  const kind = postedPurchaseKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={kind.plural} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => postedDocumentPath(kind, row.no)} filters={filters} searchable={false} sortOn="page" />
  );
}
