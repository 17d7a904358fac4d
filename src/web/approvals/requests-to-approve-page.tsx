/**
 * Requests to Approve (spec §19.5): the signed-in user's open approval entries. Several are selected
 * and approved, rejected or delegated at once, with an optional comment.
 */
import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { useSession } from '../session/session-store.ts';
import {
  actionCaptions, actionOutcome, documentTypeCaptions, entryActionBody, keepListed, requestDocumentPath, type EntryAction, type EntryToApprove,
} from './approval-model.ts';
import { caption, useCaptions } from '../i18n/captions.ts';

export function RequestsToApprovePage() {
  const t = useCaptions();
  const { locale, username } = useSession();
  const client = useQueryClient();
  const requests = useQuery({ queryKey: ['approvalRequests', username], queryFn: () => api.get<{ items: EntryToApprove[] }>('/approvalRequests') });
  const entries = requests.data?.items ?? [];
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const selected = keepListed(picked, entries);
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: EntryAction) => api.post<{ items: Array<{ documentNo: string; documentStatus: string }> }>(`/approvalRequests/${action}`, entryActionBody(selected, comment)),
    onMutate: () => setOutcome(null),
    onSuccess: (result, action) => {
      setOutcome(actionOutcome(action, selected.size, result.items, caption));
      setPicked(new Set());
      setComment('');
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['approvalRequests'] }),
  });
  const toggle = (entryNo: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(entryNo); else next.delete(entryNo);
    setPicked(next);
  };
  const allSelected = entries.length > 0 && selected.size === entries.length;
  return (
    <Stack gap="sm">
      <Title order={2}>{t('Requests to Approve')}</Title>
      {requests.error && <Alert color="red" role="alert">{messageOf(requests.error)}</Alert>}
      {act.error && <Alert color="red" role="alert">{messageOf(act.error)}</Alert>}
      {outcome && <Alert color="teal" role="status">{outcome}</Alert>}
      <Group align="flex-end" gap="xs">
        <TextInput label={t('Comment')} value={comment} maxLength={250} w="30rem" onChange={(event) => setComment(event.currentTarget.value)} />
        {(['approve', 'reject', 'delegate'] as const).map((action) => (
          <Button key={action} variant={action === 'approve' ? 'filled' : 'default'} disabled={selected.size === 0} loading={act.isPending && act.variables === action}
            onClick={() => act.mutate(action)}>{t(actionCaptions[action])}</Button>
        ))}
      </Group>
      {requests.isSuccess && entries.length === 0 && <Text c="dimmed">{t('No requests are waiting for your approval.')}</Text>}
      <Table striped aria-label={t('Requests to Approve')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th><Checkbox aria-label={t('Select all')} checked={allSelected} indeterminate={selected.size > 0 && !allSelected}
              onChange={(event) => setPicked(event.currentTarget.checked ? new Set(entries.map((entry) => entry.entryNo)) : new Set())} /></Table.Th>
            <Table.Th>{t('Document Type')}</Table.Th><Table.Th>{t('Document No.')}</Table.Th><Table.Th>{t('Customer No.')}</Table.Th><Table.Th ta="right">{t('Amount')}</Table.Th>
            <Table.Th ta="right">{t('Amount (LCY)')}</Table.Th><Table.Th>{t('Sender ID')}</Table.Th><Table.Th>{t('Sequence No.')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.entryNo} data-entry={entry.entryNo}>
              <Table.Td><Checkbox aria-label={t('Select {{no}}', { no: entry.request.documentNo })} checked={selected.has(entry.entryNo)} onChange={(event) => toggle(entry.entryNo, event.currentTarget.checked)} /></Table.Td>
              <Table.Td>{t(documentTypeCaptions[entry.request.documentType])}</Table.Td>
              <Table.Td><Link to={requestDocumentPath(entry.request)}>{entry.request.documentNo}</Link></Table.Td>
              <Table.Td>{entry.request.customerNo}</Table.Td>
              <Table.Td ta="right">{formatAmount(entry.request.amount, locale)}{entry.request.currencyCode ? ` ${entry.request.currencyCode}` : ''}</Table.Td>
              <Table.Td ta="right">{formatAmount(entry.request.amountLcy, locale)}</Table.Td>
              <Table.Td>{entry.request.senderId}</Table.Td>
              <Table.Td>{entry.sequenceNo}</Table.Td>
              <Table.Td>{formatDate(entry.dueDate, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
