import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import { useCaptions } from '../i18n/captions.ts';
import { showNotice } from '../layout/notices.ts';
import { useSession } from '../session/session-store.ts';
import { refreshDocumentLists } from './use-sales-document.ts';

/** The values of "2 sales orders deleted: SO0001, SO0004.": how many went, and which. */
const deletedValues = (deleted: readonly string[]) => ({ number: deleted.length, documents: deleted.join(', ') });

interface TidyActionProps {
  title: string;
  /** What the confirmation asks. */
  question: ReactNode;
  /** Extra input of the confirmation (a date); the Delete button is off while it returns false. */
  ready?: boolean;
  children?: ReactNode;
  run: () => Promise<{ deleted: string[] }>;
  message: (deleted: readonly string[]) => string;
}

/** A list's tidy-up action: a confirmation, the deletion, and a message that says how many went (and which). */
function TidyAction({ title, question, ready = true, children, run, message }: TidyActionProps) {
  const t = useCaptions();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({ mutationFn: run, onSuccess: () => refreshDocumentLists(queryClient) });

  const confirm = async () => {
    setAsking(false);
    try {
      const { deleted } = await remove.mutateAsync();
      showNotice({ title, color: deleted.length === 0 ? 'blue' : 'teal', body: <Text size="sm" data-testid="tidy-result">{message(deleted)}</Text> });
    } catch (error) {
      showNotice({ title, color: 'red', body: <Text size="sm">{messageOf(error)}</Text> });
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)} loading={remove.isPending}>{title}…</Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={title}>
        <Stack>
          <Text size="sm">{question}</Text>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>{t('Cancel')}</Button>
            <Button color="red" disabled={!ready} onClick={() => void confirm()} data-autofocus>{t('Delete')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/**
 * Delete Invoiced Sales Orders (BC report 299), on the orders list: deletes the orders whose every
 * line is shipped and invoiced in full.
 */
export function DeleteInvoicedSalesOrders() {
  const t = useCaptions();
  const message = (deleted: readonly string[]) => {
    if (deleted.length === 0) return t('No sales order was deleted: none is shipped and invoiced in full.');
    return deleted.length === 1 ? t('{{number}} sales order deleted: {{documents}}.', deletedValues(deleted)) : t('{{number}} sales orders deleted: {{documents}}.', deletedValues(deleted));
  };
  return (
    <TidyAction
      title={t('Delete Invoiced Sales Orders')}
      question={t('Delete every sales order whose lines are all shipped and invoiced in full?')}
      run={() => api.post<{ deleted: string[] }>('/salesOrders/deleteInvoiced')}
      message={message} />
  );
}

/**
 * Delete Expired Sales Quotes (BC report 297), on the quotes list: deletes the quotes valid until a
 * date before the one chosen (the work date to begin with); the setup's Archive Quotes applies.
 */
export function DeleteExpiredSalesQuotes() {
  const t = useCaptions();
  const { workDate, locale } = useSession();
  const [before, setBefore] = useState<string | null>(workDate);
  const message = (deleted: readonly string[]) => {
    if (deleted.length === 0) return t('No sales quote was deleted: none was valid only until before {{date}}.', { date: formatDate(before, locale) });
    return deleted.length === 1 ? t('{{number}} sales quote deleted: {{documents}}.', deletedValues(deleted)) : t('{{number}} sales quotes deleted: {{documents}}.', deletedValues(deleted));
  };
  return (
    <TidyAction
      title={t('Delete Expired Sales Quotes')}
      question={t('Delete every sales quote whose Quote Valid Until Date is before this date?')}
      ready={before !== null}
      run={() => api.post<{ deleted: string[] }>('/salesQuotes/deleteExpired', { before })}
      message={message}>
      <DateField label={t('Valid until before')} value={before} onCommit={setBefore} />
    </TidyAction>
  );
}
