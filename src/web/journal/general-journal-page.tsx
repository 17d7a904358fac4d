import { Alert, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatAmount } from '../format/numbers.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { JournalLinesGrid } from './journal-lines-grid.tsx';
import { JournalPreviewDialog } from './journal-preview-dialog.tsx';
import { errorsOutsideCells } from './journal-rows.ts';
import { PostedTransactions } from './posted-transactions.tsx';
import { useGeneralJournal, type GeneralJournal } from './use-general-journal.ts';

/**
 * BC's General Journal: lines to G/L accounts, customers, vendors and bank accounts, posted together.
 * Consecutive lines with the same posting date and document no. form one transaction, which must balance.
 */
export function GeneralJournalPage() {
  const { locale } = useSession();
  const t = useCaptions();
  const journal = useGeneralJournal();
  const [confirming, setConfirming] = useState(false);
  const empty = journal.rows.length === 0;

  return (
    <Stack gap="sm">
      <Title order={2}>{t('General Journal')}</Title>
      <Text size="sm">{t('Lines with the same posting date and document no. post as one transaction and must balance; a line with a Bal. Account No. balances itself.')}</Text>
      {journal.refusal && <RefusalAlert journal={journal} />}
      {journal.posted && <PostedTransactions result={journal.posted} locale={locale} />}
      <JournalLinesGrid rows={journal.rows} editor={journal} busy={journal.busy} />
      <Group justify="space-between">
        <Button variant="default" size="xs" onClick={journal.add}>{t('Add line')}</Button>
        <Text size="sm">
          {t('Total Balance:')} <Text span fw={700} data-total="journalBalance">{journal.balance === null ? '–' : formatAmount(journal.balance, locale)}</Text>
        </Text>
      </Group>
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button variant="default" disabled={empty} loading={journal.busy} onClick={journal.runPreview}>{t('Preview Posting')}</Button>
        <Button disabled={empty} loading={journal.busy} onClick={() => setConfirming(true)}>{t('Post…')}</Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('Post General Journal')}>
        <Text size="sm">{t('Do you want to post the journal lines?')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('No')}</Button>
          <Button data-autofocus onClick={() => { setConfirming(false); journal.post(); }}>{t('Yes')}</Button>
        </Group>
      </Modal>
      <JournalPreviewDialog preview={journal.preview} onClose={journal.closePreview} locale={locale} />
    </Stack>
  );
}

/** Why the journal was refused: the problem's detail, and what it names outside the grid's cells (those are marked on the cell). */
function RefusalAlert({ journal }: { journal: GeneralJournal }) {
  const t = useCaptions();
  const elsewhere = errorsOutsideCells(journal.refusal!.errors, journal.rows.length, caption);
  return (
    <Alert color="red" role="alert" title={t('The journal lines cannot be posted')}>
      <Text size="sm" data-testid="journal-problem">{journal.refusal!.detail}</Text>
      {elsewhere.length > 0 && <List size="sm">{elsewhere.map((message) => <List.Item key={message}>{message}</List.Item>)}</List>}
    </Alert>
  );
}
