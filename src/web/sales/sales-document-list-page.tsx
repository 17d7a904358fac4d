import { Badge } from '@mantine/core';
import { useParams } from 'react-router';
import type { SalesDocumentListItem } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { NotFoundPage } from '../layout/not-found-page.tsx';
import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { dateFieldCaptions, documentKindByPath, documentPath, statusCaptions, type DocumentKind } from './document-kinds.ts';

function columnsFor(kind: DocumentKind): ListColumn<SalesDocumentListItem>[] {
  const dates = kind.dateFields.filter((field) => field !== 'postingDate' && field !== 'shipmentDate');
  return [
    { key: 'no', label: 'No.', render: (row) => row.no, sortValue: (row) => row.no },
    { key: 'sellToCustomerNo', label: 'Sell-to Customer No.', render: (row) => row.sellToCustomerNo, sortValue: (row) => row.sellToCustomerNo },
    { key: 'sellToName', label: 'Sell-to Customer Name', render: (row) => row.sellToName, sortValue: (row) => row.sellToName },
    ...dates.map((field): ListColumn<SalesDocumentListItem> => ({
      key: field, label: dateFieldCaptions[field], render: (row, locale) => formatDate(row[field], locale), sortValue: (row) => row[field] ?? '',
    })),
    { key: 'externalDocumentNo', label: 'External Document No.', render: (row) => row.externalDocumentNo, sortValue: (row) => row.externalDocumentNo },
    { key: 'status', label: 'Status', render: (row) => <Badge variant="light" color={row.status === 'open' ? 'gray' : 'teal'}>{statusCaptions[row.status]}</Badge>, sortValue: (row) => row.status },
    { key: 'amount', label: 'Amount', numeric: true, render: (row, locale) => formatAmount(row.amount, locale), sortValue: (row) => row.amount },
    { key: 'amountIncludingVat', label: 'Amount Including VAT', numeric: true, render: (row, locale) => formatAmount(row.amountIncludingVat, locale), sortValue: (row) => row.amountIncludingVat },
  ];
}

const statusFilter = {
  field: 'status',
  label: 'Status',
  options: Object.entries(statusCaptions).map(([value, label]) => ({ value, label })),
};

export function SalesDocumentListPage() {
  const kind = documentKindByPath(useParams().kind);
  if (!kind) return <NotFoundPage />;
  return (
    <ListPage key={kind.path} title={kind.plural} resource={`/${kind.resource}`} columns={columnsFor(kind)} rowKey={(row) => row.no}
      rowLink={(row) => documentPath(kind, row.no)} filters={[statusFilter]} newLink={`/sales/${kind.path}/new`} />
  );
}
