import { Alert, Anchor, Badge, Fieldset, Loader, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SalesDocumentStatus } from '../../core/sales/types.ts';
import { api, withQuery } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { Page } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentPath, statusCaptions, type AnyDocumentKind } from '../sales/document-kinds.ts';
import { useSession } from '../session/session-store.ts';

/** What the panel reads of a document list row, sales or purchase. */
interface OpenDocumentRow { no: string; status: SalesDocumentStatus; documentDate?: string | null; amountIncludingVat: string }

interface PartyDocumentsPanelProps {
  /** The document types listed, in this order. */
  kinds: readonly AnyDocumentKind[];
  /** "customer", "vendor": names the table. */
  noun: string;
  /** The list filter naming the party, e.g. sellToCustomerNo. */
  partyField: string;
  partyNo: string;
}

/** A customer's (vendor's) documents not yet posted, of every type, with their status and amount. */
export function PartyDocumentsPanel({ kinds, noun, partyField, partyNo }: PartyDocumentsPanelProps) {
  const { locale } = useSession();
  const t = useCaptions();
  const lists = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ['list', `/${kind.resource}`, noun, partyNo],
      queryFn: () => api.get<Page<OpenDocumentRow>>(withQuery(`/${kind.resource}`, { [partyField]: partyNo, limit: 100 })),
    })),
  });
  const failed = lists.find((list) => list.error);
  const rows = kinds.flatMap((kind, index) => (lists[index]?.data?.items ?? []).map((document) => ({ kind, document })));
  return (
    <Fieldset legend={t('Open documents')} aria-label={t('Open documents')}>
      {failed && <Alert color="red" role="alert">{messageOf(failed.error)}</Alert>}
      {lists.some((list) => list.isPending) ? <Loader size="sm" /> : rows.length === 0 ? <Text size="sm" c="dimmed">{t('No open documents.')}</Text> : (
        <Table striped withTableBorder fz="sm" aria-label={t('Open documents of the {{party}}', { party: t(noun) })}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('No.')}</Table.Th><Table.Th>{t('Status')}</Table.Th><Table.Th>{t('Document Date')}</Table.Th><Table.Th ta="right">{t('Amount Including VAT')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ kind, document }) => (
              <Table.Tr key={`${kind.type}-${document.no}`}>
                <Table.Td>{t(kind.caption)}</Table.Td>
                <Table.Td><Anchor component={Link} to={documentPath(kind, document.no)} size="sm">{document.no}</Anchor></Table.Td>
                <Table.Td><Badge variant="light" color={document.status === 'open' ? 'gray' : 'teal'}>{t(statusCaptions[document.status])}</Badge></Table.Td>
                <Table.Td>{formatDate(document.documentDate ?? null, locale)}</Table.Td>
                <Table.Td ta="right">{formatAmount(document.amountIncludingVat, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Fieldset>
  );
}
