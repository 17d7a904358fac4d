/**
 * The email outbox (spec §21.1): Sent items, Failed items with their error text (Retry, Cancel) and
 * the Queue of emails waiting for their next attempt. The email worker sends queued emails every
 * few seconds; "Send Now" does it at once.
 */
import { Alert, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { cancelEmail, deliverNow, listOutbox, retryEmail, type EmailMessageView } from './email-api.ts';
import { useCaptions } from '../i18n/captions.ts';

const tabs = [
  { value: 'failed', label: 'Failed', status: 'failed' },
  { value: 'queued', label: 'Outbox', status: 'queued,sending' },
  { value: 'sent', label: 'Sent', status: 'sent' },
  { value: 'cancelled', label: 'Cancelled', status: 'cancelled' },
] as const;

const documentCaptions: Record<EmailMessageView['documentType'], string> = {
  quote: 'Sales Quote', order: 'Order Confirmation', invoice: 'Sales Invoice (draft)', postedInvoice: 'Posted Sales Invoice', postedCreditMemo: 'Posted Sales Credit Memo',
  // Only approval notices (§19.7) concern these.
  creditMemo: 'Sales Credit Memo', returnOrder: 'Sales Return Order', blanketOrder: 'Blanket Sales Order',
};

const timeOf = (value: string | null) => (value ? value.replace('T', ' ').slice(0, 19) : '');

export function EmailOutboxPage() {
  const t = useCaptions();
  const [tab, setTab] = useState<(typeof tabs)[number]['value']>('failed');
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useQueryClient();
  const status = tabs.find((entry) => entry.value === tab)!.status;
  const messages = useQuery({ queryKey: ['emailOutbox', status], queryFn: () => listOutbox(status), refetchInterval: 5000 });
  const refresh = () => client.invalidateQueries({ queryKey: ['emailOutbox'] });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'cancel' }) => (action === 'retry' ? retryEmail(id) : cancelEmail(id)),
    onSuccess: (message) => { setNotice(message.status === 'queued' ? t('The email to {{to}} is queued again.', { to: message.to }) : t('The email is cancelled.')); void refresh(); },
    // Trying again clears the last refusal, as the mutation's own error is cleared.
    onMutate: () => setFailure(null),
    onError: setFailure,
  });
  const deliver = useMutation({
    mutationFn: deliverNow,
    onSuccess: (report) => { setNotice(t('Sent {{sent}}, failed {{failed}}, retrying later {{retrying}}.', { sent: report.sent, failed: report.failed, retrying: report.retrying })); void refresh(); },
    onMutate: () => setFailure(null),
    onError: setFailure,
  });
  const rows = messages.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('Email Outbox')}</Title>
        <Button variant="default" onClick={() => deliver.mutate()} loading={deliver.isPending}>{t('Send Now')}</Button>
      </Group>
      {failure !== null && <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>{messageOf(failure)}</Alert>}
      {notice && <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>{notice}</Alert>}
      <Tabs value={tab} onChange={(value) => value && setTab(value as typeof tab)}>
        <Tabs.List>{tabs.map((entry) => <Tabs.Tab key={entry.value} value={entry.value}>{t(entry.label)}</Tabs.Tab>)}</Tabs.List>
      </Tabs>
      {messages.error && <Alert color="red" role="alert">{messageOf(messages.error)}</Alert>}
      {rows.length === 0 ? <Text c="dimmed">{t('No emails here.')}</Text> : (
        <Table striped aria-label={t('Emails')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('Created')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('To')}</Table.Th><Table.Th>{t('Subject')}</Table.Th>
              <Table.Th>{t('Attachments')}</Table.Th><Table.Th>{t('Attempts')}</Table.Th><Table.Th>{tab === 'sent' ? t('Sent') : t('Error')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((message) => (
              <Table.Tr key={message.id} data-email-id={message.id}>
                <Table.Td>{timeOf(message.createdAt)}</Table.Td>
                <Table.Td>{t(documentCaptions[message.documentType])} {message.documentNo}</Table.Td>
                <Table.Td>{message.to}{message.cc ? ` (cc ${message.cc})` : ''}</Table.Td>
                <Table.Td>{message.subject}</Table.Td>
                <Table.Td>{message.attachmentNames.join(', ')}</Table.Td>
                <Table.Td>{message.attempts}</Table.Td>
                <Table.Td>{tab === 'sent' ? timeOf(message.sentAt) : <Text size="sm" c="red" data-error>{message.lastError}</Text>}</Table.Td>
                <Table.Td>
                  {(message.status === 'failed' || message.status === 'queued') && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => act.mutate({ id: message.id, action: 'retry' })}>{t('Retry')}</Button>
                      <Button size="xs" variant="default" color="red" onClick={() => act.mutate({ id: message.id, action: 'cancel' })}>{t('Cancel')}</Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
