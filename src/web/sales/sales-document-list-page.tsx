import { Badge } from '@mantine/core';
import { useParams } from 'react-router';
import type { SalesDocumentListItem } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { BlanketDeleteInvoiced } from './blanket-delete-invoiced.tsx';
import { DeleteExpiredSalesQuotes, DeleteInvoicedSalesOrders } from './list-tidy-actions.tsx';
import { UpdatePendingPrepaymentOrders } from './prepayment-actions.tsx';
import {
  dateFieldCaptions, documentKindByPath, documentListPath, documentPath, statusCaptions, type AnyDocumentKind, type DocumentKind, type HeaderDateField,
} from './document-kinds.ts';

/** What every document list row carries, of either family: its dates, status and amounts. */
export type DocumentListRow = Pick<SalesDocumentListItem, 'no' | 'status' | 'amount' | 'amountIncludingVat'> & Partial<Record<HeaderDateField, string | null>>;

/** A text column: its value is what it sorts on. */
export function textColumn<T>(key: keyof T & string, label: string): ListColumn<T> {
  return { key, label, render: (row) => String(row[key] ?? ''), sortValue: (row) => String(row[key] ?? '') };
}

/** The columns of a document list: No., the family's party columns, the dates, its reference columns, status and amounts. */
export function documentListColumns<T extends DocumentListRow>(kind: AnyDocumentKind, party: ListColumn<T>[], references: ListColumn<T>[]): ListColumn<T>[] {
  const dates = kind.dateFields.filter((field) => field !== 'postingDate' && field !== 'shipmentDate');
  return [
    { key: 'no', label: 'No.', render: (row) => row.no, sortValue: (row) => row.no },
    ...party,
    ...dates.map((field): ListColumn<T> => ({
      key: field, label: dateFieldCaptions[field], render: (row, locale) => formatDate(row[field] ?? null, locale), sortValue: (row) => row[field] ?? '',
    })),
    ...references,
    { key: 'status', label: 'Status', render: (row) => <StatusBadge status={row.status} />, sortValue: (row) => row.status },
    // Summed from the lines; the API sorts on the sums across all documents.
    { key: 'amount', label: 'Amount', numeric: true, render: (row, locale) => formatAmount(row.amount, locale) },
    { key: 'amountIncludingVat', label: 'Amount Including VAT', numeric: true, render: (row, locale) => formatAmount(row.amountIncludingVat, locale) },
  ];
}

/** A document's status in a list, in the user's language. */
function StatusBadge({ status }: { status: DocumentListRow['status'] }) {
  const t = useCaptions();
  return <Badge variant="light" color={status === 'open' ? 'gray' : 'teal'}>{t(statusCaptions[status])}</Badge>;
}

const yesColumn = (key: 'shipped' | 'invoiced' | 'completelyShipped', label: string): ListColumn<SalesDocumentListItem> =>
  ({ key, label, render: (row) => (row[key] ? caption('Yes') : '') });

/** Sales Orders also say how far each order has come (BC: Shipped, Completely Shipped, Amt. Ship. Not Inv.). */
const orderIndicators: ListColumn<SalesDocumentListItem>[] = [
  yesColumn('shipped', 'Shipped'),
  yesColumn('completelyShipped', 'Completely Shipped'),
  yesColumn('invoiced', 'Invoiced'),
  {
    key: 'amountShippedNotInvoiced', label: 'Amount Shipped Not Invoiced', numeric: true,
    render: (row, locale) => formatAmount(row.amountShippedNotInvoiced, locale),
  },
];

const columnsFor = (kind: DocumentKind) => [
  ...documentListColumns<SalesDocumentListItem>(
    kind,
    [textColumn('sellToCustomerNo', 'Sell-to Customer No.'), textColumn('sellToName', 'Sell-to Customer Name')],
    [textColumn('externalDocumentNo', 'External Document No.')],
  ),
  ...(kind.type === 'order' ? orderIndicators : []),
];

export const statusFilter = {
  field: 'status',
  label: 'Status',
  options: Object.entries(statusCaptions).map(([value, label]) => ({ value, label })),
};

function listActions(kind: DocumentKind) {
  if (kind.type === 'blanketOrder') return <BlanketDeleteInvoiced kind={kind} />;
  if (kind.type === 'order') return <><UpdatePendingPrepaymentOrders /><DeleteInvoicedSalesOrders /></>;
  if (kind.type === 'quote') return <DeleteExpiredSalesQuotes />;
  return undefined;
}

export function SalesDocumentListPage() {
  const t = useCaptions();
  const kind = documentKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={t(kind.plural)} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => documentPath(kind, row.no)} filters={[statusFilter]} newLink={`${documentListPath(kind)}/new`}
      actions={listActions(kind)} />
  );
}
