import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { dec } from '../../core/money/decimal.ts';
import { messageOf } from '../api/field-errors.ts';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useSession } from '../session/session-store.ts';
import { AppliedEntriesTable } from './applied-entries-table.tsx';
import { ConfidenceBadge } from './confidence-badge.tsx';
import { MatchExplanationPanel } from './match-explanation-panel.tsx';
import { reconciliationApi } from './reconciliation-api.ts';
import { confidenceOf, matchDetailsOf, type ReconciliationLine, type StatementKey } from './reconciliation-types.ts';
import { useJournalChange } from './use-reconciliation.ts';

export type ReviewPanel = 'review' | 'applyManually' | 'transferDifference' | 'mapText';

interface LineReviewProps {
  statement: StatementKey;
  line: ReconciliationLine;
  onOpen: (panel: ReviewPanel) => void;
  onDeleted: () => void;
}

/** The line, why it matched, what it pays, and the actions: Accept, Remove Application, Apply Manually, Transfer Difference, Map Text, Delete. */
export function LineReview({ statement, line, onOpen, onDeleted }: LineReviewProps) {
  const { locale } = useSession();
  const t = useCaptions();
  const change = useJournalChange(statement.bankAccountNo, (run: () => Promise<unknown>) => run());
  const run = (action: () => Promise<unknown>) => change.mutate(action);
  const applied = line.accountNo !== '';
  const hasDifference = !dec(line.difference).isZero();
  return (
    <Stack gap="sm">
      <LineSummary line={line} />
      <ExplanationSection line={line} />
      <Divider />
      <Title order={5}>{t('Applied entries')}</Title>
      <AppliedEntriesTable entries={line.appliedEntries} locale={locale} />
      {change.error && <Alert color="red" role="alert" title={t('The line was not changed')}>{messageOf(change.error)}</Alert>}
      <Group role="toolbar" aria-label={t('Line actions')} gap="xs">
        <Button disabled={!applied || confidenceOf(line) === 'accepted'} loading={change.isPending} onClick={() => run(() => reconciliationApi.accept(statement, line.statementLineNo))}>{t('Accept')}</Button>
        <Button variant="default" disabled={!applied || change.isPending} onClick={() => run(() => reconciliationApi.removeApplication(statement, line.statementLineNo))}>{t('Remove Application')}</Button>
        <Button variant="default" onClick={() => onOpen('applyManually')}>{t('Apply Manually…')}</Button>
        <Button variant="default" disabled={!hasDifference} onClick={() => onOpen('transferDifference')}>{t('Transfer Difference to Account…')}</Button>
        <Button variant="default" onClick={() => onOpen('mapText')}>{t('Map Text to Account…')}</Button>
        <Button variant="subtle" color="red" disabled={change.isPending} onClick={() => run(async () => { await reconciliationApi.deleteLine(statement, line.statementLineNo); onDeleted(); })}>{t('Delete Line')}</Button>
      </Group>
    </Stack>
  );
}

function LineSummary({ line }: { line: ReconciliationLine }) {
  const { locale } = useSession();
  const t = useCaptions();
  const fact = (label: string, value: string, testId?: string) => (
    <Stack gap={0}><Text size="xs" c="dimmed">{label}</Text><Text size="sm" data-testid={testId}>{value || '—'}</Text></Stack>
  );
  return (
    <Stack gap="xs">
      <Group gap="xs"><ConfidenceBadge confidence={confidenceOf(line)} />{line.reviewRequired && <Text size="sm" c="orange.8">{t('Review required')}</Text>}</Group>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing={4}>
        {fact(t('Transaction Date'), formatDate(line.transactionDate, locale))}
        {fact(t('Transaction Text'), line.transactionText)}
        {fact(t('Related Party'), [line.relatedPartyName, line.relatedPartyCity, line.relatedPartyBankAccountNo].filter(Boolean).join(' · '))}
        {fact(t('Statement Amount'), formatAmount(line.statementAmount, locale), 'line-statement-amount')}
        {fact(t('Applied Amount'), formatAmount(line.appliedAmount, locale), 'line-applied-amount')}
        {fact(t('Difference'), formatAmount(line.difference, locale), 'line-difference')}
        {fact(t('Account'), line.accountNo ? `${t(captionOf(line.accountType))} ${line.accountNo} ${line.accountName}` : '')}
        {fact(t('Payment Reference'), line.paymentReferenceNo)}
        {fact(t('Additional Info'), line.additionalTransactionInfo)}
      </SimpleGrid>
    </Stack>
  );
}

/** The stored explanation; a line applied by hand says so, and what Apply Automatically had found before is kept for reference. */
function ExplanationSection({ line }: { line: ReconciliationLine }) {
  const { locale } = useSession();
  const t = useCaptions();
  const details = matchDetailsOf(line);
  const confidence = confidenceOf(line);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('Why this match?')}</Title>
      {confidence === 'manual' && <Text size="sm">{details ? t('Applied by hand (Match Confidence Manual). Apply Automatically had found before:') : t('Applied by hand (Match Confidence Manual).')}</Text>}
      {confidence === 'accepted' && <Text size="sm">{t('Accepted as matched.')}</Text>}
      {details ? <MatchExplanationPanel details={details} locale={locale} />
        : confidence !== 'manual' && <Text size="sm" c="dimmed">{t('Apply Automatically has not matched this line: use Apply Automatically, or apply it by hand.')}</Text>}
    </Stack>
  );
}
