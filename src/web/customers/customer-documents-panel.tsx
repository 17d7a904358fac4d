import { Alert, Anchor, Badge, Fieldset, Loader, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page, SalesDocumentListItem } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { documentKindList, documentPath, statusCaptions } from '../sales/document-kinds.ts';
import { useSession } from '../session/session-store.ts';

/** The customer's documents not yet posted: quotes, orders, invoices, credit memos and return orders. */
export function CustomerDocumentsPanel({ customerNo }: { customerNo: string }) {
  const { locale } = useSession();
  const lists = useQueries({
    queries: documentKindList.map((kind) => ({
      queryKey: ['list', `/${kind.resource}`, 'customer', customerNo],
      queryFn: () => api.get<Page<SalesDocumentListItem>>(withQuery(`/${kind.resource}`, { sellToCustomerNo: customerNo, limit: 100 })),
    })),
  });
  const failed = lists.find((list) => list.error);
  const rows = documentKindList.flatMap((kind, index) => (lists[index]?.data?.items ?? []).map((document) => ({ kind, document })));
  return (
    <Fieldset legend="Open documents" aria-label="Open documents">
      {failed && <Alert color="red" role="alert">{messageOf(failed.error)}</Alert>}
      {lists.some((list) => list.isPending) ? <Loader size="sm" /> : rows.length === 0 ? <Text size="sm" c="dimmed">No open documents.</Text> : (
        <Table striped withTableBorder fz="sm" aria-label="Open documents of the customer">
          <Table.Thead>
            <Table.Tr><Table.Th>Document</Table.Th><Table.Th>No.</Table.Th><Table.Th>Status</Table.Th><Table.Th>Document Date</Table.Th><Table.Th ta="right">Amount Including VAT</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ kind, document }) => (
              <Table.Tr key={`${kind.type}-${document.no}`}>
                <Table.Td>{kind.caption}</Table.Td>
                <Table.Td><Anchor component={Link} to={documentPath(kind, document.no)} size="sm">{document.no}</Anchor></Table.Td>
                <Table.Td><Badge variant="light" color={document.status === 'open' ? 'gray' : 'teal'}>{statusCaptions[document.status]}</Badge></Table.Td>
                <Table.Td>{formatDate(document.documentDate, locale)}</Table.Td>
                <Table.Td ta="right">{formatAmount(document.amountIncludingVat, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Fieldset>
  );
}
