import { Alert, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { messageOf } from '../api/field-errors.ts';
import { formatAmount } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { ApplyMarksDialog } from './apply-marks-dialog.tsx';
import { BatchLinesGrid } from './batch-lines-grid.tsx';
import { batchErrorsOutsideCells } from './batch-lines.ts';
import { BatchPicker, useBatchChoice } from './batch-picker.tsx';
import { BatchPostDialog } from './batch-post-dialog.tsx';
import { cashReceiptColumns } from './cash-receipt-columns.ts';
import { JournalPreviewDialog } from './journal-preview-dialog.tsx';
import { PostedTransactions } from './posted-transactions.tsx';
import { useJournalBatch, type JournalBatchState } from './use-journal-batch.ts';

const lineCount = (lines: readonly number[]) => (lines.length === 1 ? caption('1 line') : caption('{{lines}} lines', { lines: lines.length }));

/**
 * BC's Cash Receipt Journal: payments received from customers, entered line by line in a batch
 * whose lines are kept on the server (each cell is saved when left), applied to the invoices they
 * pay (Applies-to Doc. No., or the entries marked with its Applies-to ID in Apply Entries), and
 * posted as a whole. New lines take the batch's next document no. and its balancing account.
 */
export function CashReceiptJournalPage() {
  const t = useCaptions();
  const choice = useBatchChoice('cashReceipts');
  const journal = useJournalBatch(choice.key);
  const [confirming, setConfirming] = useState(false);
  // The line whose Apply Entries is open: read from the lines, so a save while it is open shows.
  const [applyingLineNo, setApplyingLineNo] = useState<number | null>(null);
  const applying = journal.lines.find((line) => line.lineNo === applyingLineNo) ?? null;
  const empty = journal.lines.length === 0;

  return (
    <Stack gap="sm">
      <Title order={2}>{t('Cash Receipt Journal')}</Title>
      <BatchPicker choice={choice} disabled={journal.busy} />
      {choice.error && <Alert color="red" role="alert">{messageOf(choice.error)}</Alert>}
      {journal.linesQuery.error && <Alert color="red" role="alert">{messageOf(journal.linesQuery.error)}</Alert>}
      {journal.refusal && <RefusalAlert journal={journal} />}
      {journal.posted && <PostedTransactions result={journal.posted} locale={journal.locale} describeLines={lineCount} />}
      {choice.missing && <Text c="dimmed">{choice.missing}</Text>}
      {choice.key === null || journal.linesQuery.isPending ? !choice.missing && <Loader size="sm" /> : (
        <BatchLinesGrid lines={journal.lines} columns={cashReceiptColumns} editor={{ ...journal, applyEntries: (line) => setApplyingLineNo(line.lineNo) }}
          busy={journal.busy} locale={journal.locale}
          focusRequest={journal.focusRequest} onFocusDone={journal.focusDone} />
      )}
      <Group justify="space-between">
        <Button variant="default" size="xs" disabled={choice.key === null || journal.busy} onClick={journal.add}>{t('Add line')}</Button>
        <Text size="sm">
          {t('Total Balance:')} <Text span fw={700} data-total="journalBalance">{formatAmount(journal.balance, journal.locale)}</Text>
        </Text>
      </Group>
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button variant="default" disabled={empty} loading={journal.busy} onClick={journal.runPreview}>{t('Preview Posting')}</Button>
        <Button disabled={empty} loading={journal.busy} onClick={() => setConfirming(true)}>{t('Post…')}</Button>
      </Group>
      <BatchPostDialog opened={confirming} title={t('Post Cash Receipt Journal')} onClose={() => setConfirming(false)} onPost={journal.post} />
      <JournalPreviewDialog preview={journal.preview} onClose={journal.closePreview} locale={journal.locale} />
      {applying && (
        <ApplyMarksDialog line={applying} locale={journal.locale} onSaved={(change) => journal.saveChange(applying.lineNo, change)}
          onClose={() => setApplyingLineNo(null)} />
      )}
    </Stack>
  );
}

/** Why the batch was refused: the problem's detail, and what it names outside the grid's cells (those are marked on the cell). */
function RefusalAlert({ journal }: { journal: JournalBatchState }) {
  const t = useCaptions();
  const shown = cashReceiptColumns.map((column) => column.field);
  const elsewhere = batchErrorsOutsideCells(journal.refusal!.errors, journal.lines, shown, caption);
  return (
    <Alert color="red" role="alert" title={t('The journal lines cannot be posted')}>
      <Text size="sm" data-testid="journal-problem">{journal.refusal!.detail}</Text>
      {elsewhere.length > 0 && <List size="sm">{elsewhere.map((message) => <List.Item key={message}>{message}</List.Item>)}</List>}
    </Alert>
  );
}
