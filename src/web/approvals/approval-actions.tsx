/**
 * Approval on a sales document's page (spec §19.5): Send Approval Request while it is Open, Cancel
 * Approval Request while it is Pending Approval, and its approval history (every request, newest
 * first, with its entries and their comments).
 */
import { Alert, Badge, Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import type { SalesDocument } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import type { DocumentKind } from '../sales/document-kinds.ts';
import type { DocumentChange } from '../sales/use-sales-document.ts';
import { approvalActionsOf, entriesInSequence, entryStatusCaptions, isApprovalDocumentType, requestStatusCaptions, type HistoryRequest } from './approval-model.ts';
import { useCaptions } from '../i18n/captions.ts';

interface ApprovalActionsProps {
  kind: DocumentKind;
  document: SalesDocument;
  busy: boolean;
  send: (change: DocumentChange) => Promise<SalesDocument>;
  onError: (error: unknown) => void;
  locale: SupportedLocale;
}

export function ApprovalActions({ kind, document, busy, send, onError, locale }: ApprovalActionsProps) {
  const t = useCaptions();
  const [historyOpen, setHistoryOpen] = useState(false);
  if (!isApprovalDocumentType(kind.type)) return null;
  const actions = approvalActionsOf(kind.type, document.status);
  const act = (path: string) => send({ method: 'POST', path }).catch(onError);
  return (
    <>
      <Button variant="default" onClick={() => act('/sendApprovalRequest')} disabled={busy || !actions.send}>{t('Send Approval Request')}</Button>
      <Button variant="default" onClick={() => act('/cancelApprovalRequest')} disabled={busy || !actions.cancel}>{t('Cancel Approval Request')}</Button>
      <Button variant="default" onClick={() => setHistoryOpen(true)}>{t('Approvals…')}</Button>
      {historyOpen && <ApprovalHistoryDialog resource={kind.resource} no={document.no} version={document.version} locale={locale} onClose={() => setHistoryOpen(false)} />}
    </>
  );
}

/** The approval history of a document, open or posted (Posted Approval Entries, §19.6): `resource` is its API resource. */
export function ApprovalHistoryDialog({ resource, no, version, locale, onClose }: { resource: string; no: string; version: number; locale: SupportedLocale; onClose: () => void }) {
  const t = useCaptions();
  const history = useQuery({
    queryKey: ['approvalEntries', resource, no, version],
    queryFn: () => api.get<{ items: HistoryRequest[] }>(`/${resource}/${encodeURIComponent(no)}/approvalEntries`),
  });
  const requests = history.data?.items ?? [];
  return (
    <Modal opened onClose={onClose} title={t('Approval Entries')} size="80rem">
      <Stack gap="sm">
        {history.error && <Alert color="red" role="alert">{messageOf(history.error)}</Alert>}
        {history.isSuccess && requests.length === 0 && <Text c="dimmed">{t('This document has not been sent for approval.')}</Text>}
        {requests.length > 0 && (
          <Table striped aria-label={t('Approval Entries')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('Request')}</Table.Th><Table.Th>{t('Sequence No.')}</Table.Th><Table.Th>{t('Approver ID')}</Table.Th><Table.Th>{t('Status')}</Table.Th>
                <Table.Th>{t('Sender ID')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th><Table.Th ta="right">{t('Amount')}</Table.Th><Table.Th>{t('Comments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.flatMap((request) => entriesInSequence(request.entries).map((entry, index) => (
                <Table.Tr key={entry.entryNo} data-entry={entry.entryNo}>
                  <Table.Td>{index === 0 && <Badge variant="light" color={request.status === 'approved' ? 'teal' : request.status === 'pending' ? 'blue' : 'gray'}>{t(requestStatusCaptions[request.status])}</Badge>}</Table.Td>
                  <Table.Td>{entry.sequenceNo}</Table.Td>
                  <Table.Td>{entry.approverId}</Table.Td>
                  <Table.Td>{t(entryStatusCaptions[entry.status])}</Table.Td>
                  <Table.Td>{request.senderId}</Table.Td>
                  <Table.Td>{formatDate(entry.dueDate, locale)}</Table.Td>
                  <Table.Td ta="right">{formatAmount(request.amount, locale)}{request.currencyCode ? ` ${request.currencyCode}` : ''}</Table.Td>
                  <Table.Td>{entry.comments.map((comment) => <div key={comment.id}>{comment.userId}: {comment.comment}</div>)}</Table.Td>
                </Table.Tr>
              )))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
