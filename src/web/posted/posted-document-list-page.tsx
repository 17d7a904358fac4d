import { useParams } from 'react-router';
import type { PostedSalesHeader } from '../api/posting-types.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import type { ListFilter } from '../lists/list-filters.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { postedDocumentKindByPath, postedDocumentPath, type PostedDocumentKind } from './posted-document-kinds.ts';
import { PostedStatusBadges } from './posted-status-badges.tsx';

const text = (key: keyof PostedSalesHeader, label: string): ListColumn<PostedSalesHeader> =>
  ({ key, label, render: (row) => String(row[key] ?? ''), sortValue: (row) => String(row[key] ?? '') });
const amount = (key: 'amount' | 'amountIncludingVat' | 'remainingAmount', label: string): ListColumn<PostedSalesHeader> =>
  ({ key, label, numeric: true, render: (row, locale) => formatAmount(row[key] ?? '0', locale), sortValue: (row) => row[key] ?? '0' });

function columnsFor(kind: PostedDocumentKind): ListColumn<PostedSalesHeader>[] {
  return [
    text('no', 'No.'),
    text('sellToCustomerNo', 'Sell-to Customer No.'),
    text('sellToName', 'Sell-to Customer Name'),
    { key: 'postingDate', label: 'Posting Date', render: (row, locale) => formatDate(row.postingDate, locale), sortValue: (row) => row.postingDate },
    text('sourceDocumentNo', kind.direction === 'inbound' ? 'Source Document No.' : 'Order No.'),
    text('externalDocumentNo', 'External Document No.'),
    ...(kind.billed
      ? [
        { key: 'dueDate', label: 'Due Date', render: (row, locale) => formatDate(row.dueDate, locale), sortValue: (row) => row.dueDate ?? '' } satisfies ListColumn<PostedSalesHeader>,
        amount('amount', 'Amount'), amount('amountIncludingVat', 'Amount Including VAT'), amount('remainingAmount', 'Remaining Amount'),
        // The API orders by status as of the work date: Overdue, Open, Partly paid, Paid, Cancelled, then none.
        { key: 'status', label: 'Status', render: (row) => <PostedStatusBadges header={row} />, sortValue: (row) => `${row.cancelled}${row.closed}` } satisfies ListColumn<PostedSalesHeader>,
      ]
      : []),
  ];
}

const filters: ListFilter[] = [
  { field: 'sellToCustomerNo', label: 'Sell-to Customer No.', kind: 'text' },
  { field: 'billToCustomerNo', label: 'Bill-to Customer No.', kind: 'text' },
  { field: 'postingDateFrom', label: 'Posting Date from', kind: 'date' },
  { field: 'postingDateTo', label: 'Posting Date to', kind: 'date' },
];

export function PostedDocumentListPage() {
  const t = useCaptions();
  const kind = postedDocumentKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={t(kind.plural)} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => postedDocumentPath(kind, row.no)} filters={filters} />
  );
}
