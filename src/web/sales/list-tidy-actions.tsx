import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { messageOf } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import { formatDate } from '../format/dates.ts';
import { showNotice } from '../layout/notices.ts';
import { useSession } from '../session/session-store.ts';
import { refreshDocumentLists } from './use-sales-document.ts';

/** "No sales order was deleted: …" / "2 sales orders deleted: SO0001, SO0004." */
export function deletedDocumentsMessage(noun: { one: string; many: string }, deleted: readonly string[], noneReason: string): string {
  if (deleted.length === 0) return `No ${noun.one} was deleted: ${noneReason}`;
  return `${deleted.length} ${deleted.length === 1 ? noun.one : noun.many} deleted: ${deleted.join(', ')}.`;
}

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
            <Button variant="default" onClick={() => setAsking(false)}>Cancel</Button>
            <Button color="red" disabled={!ready} onClick={() => void confirm()} data-autofocus>Delete</Button>
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
  return (
    <TidyAction
      title="Delete Invoiced Sales Orders"
      question="Delete every sales order whose lines are all shipped and invoiced in full?"
      run={() => api.post<{ deleted: string[] }>('/salesOrders/deleteInvoiced')}
      message={(deleted) => deletedDocumentsMessage({ one: 'sales order', many: 'sales orders' }, deleted, 'none is shipped and invoiced in full.')} />
  );
}

/**
 * Delete Expired Sales Quotes (BC report 297), on the quotes list: deletes the quotes valid until a
 * date before the one chosen (the work date to begin with); the setup's Archive Quotes applies.
 */
export function DeleteExpiredSalesQuotes() {
  const { workDate, locale } = useSession();
  const [before, setBefore] = useState<string | null>(workDate);
  return (
    <TidyAction
      title="Delete Expired Sales Quotes"
      question="Delete every sales quote whose Quote Valid Until Date is before this date?"
      ready={before !== null}
      run={() => api.post<{ deleted: string[] }>('/salesQuotes/deleteExpired', { before })}
      message={(deleted) => deletedDocumentsMessage({ one: 'sales quote', many: 'sales quotes' }, deleted, `none was valid only until before ${formatDate(before, locale)}.`)}>
      <DateField label="Valid until before" value={before} onCommit={setBefore} />
    </TidyAction>
  );
}
