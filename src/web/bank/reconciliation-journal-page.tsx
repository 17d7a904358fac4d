import { Alert, Anchor, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { messageOf } from '../api/field-errors.ts';
import { useCaptions } from '../i18n/captions.ts';
import { AddLineDialog } from './add-line-dialog.tsx';
import { LineFilterButtons } from './line-filter-buttons.tsx';
import { LineReviewDrawer } from './line-review-drawer.tsx';
import { PostReconciliationDialog, PostRefusalAlert } from './post-reconciliation-dialog.tsx';
import { journalListPagePath } from './reconciliation-api.ts';
import { ReconciliationHeader } from './reconciliation-header.tsx';
import { ReconciliationLinesTable } from './reconciliation-lines-table.tsx';
import type { StatementKey } from './reconciliation-types.ts';
import { TestReportDialog } from './test-report-dialog.tsx';
import { useJournalPage, type JournalPageState } from './use-journal-page.ts';

/**
 * BC's Payment Reconciliation Journal: one bank statement's lines with what each is applied to and
 * how sure the match is; review the lines that ask for it (Why?), apply the rest by hand, and post.
 */
export function ReconciliationJournalPage() {
  const t = useCaptions();
  const params = useParams();
  const statement: StatementKey = { bankAccountNo: params.bankAccountNo ?? '', statementNo: params.statementNo ?? '' };
  const page = useJournalPage(statement);
  const journal = page.journal.data;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={journalListPagePath(statement.bankAccountNo)} size="sm">← {t('Payment Reconciliation Journals of {{bankAccountNo}}', { bankAccountNo: statement.bankAccountNo })}</Anchor>
      <Title order={2}>{t('Payment Reconciliation Journal {{bankAccountNo}} {{statementNo}}', { ...statement })}</Title>
      {page.journal.error && <Alert color="red" role="alert">{messageOf(page.journal.error)}</Alert>}
      {journal && <ReconciliationHeader journal={journal} errors={page.headerErrors} locale={page.locale} onChange={page.changeHeader} />}
      {page.headerError && !page.headerErrors.statementEndingBalance && !page.headerErrors.statementDate && (
        <Alert color="red" role="alert">{messageOf(page.headerError)}</Alert>
      )}
      {page.refusal && page.dialog !== 'post' && <PostRefusalAlert refusal={page.refusal} />}
      {page.applyError && <Alert color="red" role="alert" title={t('Apply Automatically failed')}>{messageOf(page.applyError)}</Alert>}
      <Group justify="space-between">
        <LineFilterButtons journal={journal} filter={page.filter} onChange={page.setFilter} />
        <Button variant="default" disabled={!journal} onClick={() => page.setDialog('addLine')}>{t('Add Line…')}</Button>
      </Group>
      <LinesSection page={page} />
      <Group role="toolbar" aria-label={t('Actions')}>
        <Button variant="default" loading={page.applyBusy} disabled={!journal || journal.lineCount === 0} onClick={page.applyAutomatically}>{t('Apply Automatically')}</Button>
        <Button variant="default" loading={page.testBusy} disabled={!journal || journal.lineCount === 0} onClick={page.testReport}>{t('Test Report')}</Button>
        <Button disabled={!journal || journal.lineCount === 0} onClick={() => page.setDialog('post')}>{t('Post…')}</Button>
      </Group>
      <LineReviewDrawer statement={statement} lineNo={page.reviewLineNo} onClose={() => page.setReviewLineNo(null)} />
      {page.dialog === 'addLine' && <AddLineDialog statement={statement} defaultDate={journal?.statementDate ?? null} onClose={() => page.setDialog(null)} />}
      <PostReconciliationDialog opened={page.dialog === 'post'} busy={page.postBusy} refusal={page.refusal} onClose={() => page.setDialog(null)} onPost={page.post} />
      <TestReportDialog preview={page.preview} onClose={page.closePreview} locale={page.locale} />
    </Stack>
  );
}

function LinesSection({ page }: { page: JournalPageState }) {
  if (page.lines.error) return <Alert color="red" role="alert">{messageOf(page.lines.error)}</Alert>;
  if (page.lines.isPending) return <Loader size="sm" />;
  return (
    <ReconciliationLinesTable lines={page.lines.data?.items ?? []} filter={page.filter} locale={page.locale} lineErrors={page.lineErrors}
      onReview={page.setReviewLineNo} />
  );
}
