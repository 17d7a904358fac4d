import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { dec } from '../../core/money/decimal.ts';
import type { FieldErrors } from '../api/field-errors.ts';
import { DateField } from '../components/date-field.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { AmountField } from './amount-field.tsx';
import type { Reconciliation } from './reconciliation-types.ts';

export interface HeaderChange { statementDate?: string | null; statementEndingBalance?: string }

interface ReconciliationHeaderProps {
  journal: Reconciliation;
  errors: FieldErrors;
  locale: SupportedLocale;
  onChange: (change: HeaderChange) => void;
}

/**
 * The statement: its no. and date, the ending balance the bank printed (editable), and the balances
 * Post and Reconcile compares it with: the bank account's balance now and after posting the lines.
 */
export function ReconciliationHeader({ journal, errors, locale, onChange }: ReconciliationHeaderProps) {
  const t = useCaptions();
  const endingMatches = dec(journal.statementEndingBalance).equals(dec(journal.balanceAfterPosting));
  const amount = (label: string, field: keyof Reconciliation, value: string, color?: string) => (
    <Stack gap={0} key={field}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} c={color} data-field={field}>{formatAmount(value, locale)}</Text>
    </Stack>
  );
  return (
    <Fieldset legend={t('Statement')}>
      <SimpleGrid cols={{ base: 2, md: 4, xl: 8 }} spacing="sm" verticalSpacing="xs">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">{t('Statement No.')}</Text>
          <Text size="sm" fw={600} data-field="statementNo">{journal.statementNo}</Text>
        </Stack>
        <DateField label={t('Statement Date')} value={journal.statementDate} error={errors.statementDate} onCommit={(statementDate) => onChange({ statementDate })} />
        <AmountField label={t('Statement Ending Balance')} value={journal.statementEndingBalance} error={errors.statementEndingBalance}
          onCommit={(statementEndingBalance) => onChange({ statementEndingBalance })} />
        {amount(t('Balance Last Statement'), 'balanceLastStatement', journal.balanceLastStatement)}
        {amount(t('Bank Account Balance'), 'bankAccountBalance', journal.bankAccountBalance)}
        {amount(t('Balance after Posting'), 'balanceAfterPosting', journal.balanceAfterPosting, endingMatches ? undefined : 'orange.8')}
        {amount(t('Total Difference'), 'totalDifference', journal.totalDifference, dec(journal.totalDifference).isZero() ? undefined : 'red')}
        {amount(t('Total Applied'), 'totalApplied', journal.totalApplied)}
      </SimpleGrid>
      {!endingMatches && (
        <Text size="xs" c="orange.8" mt={4} data-testid="ending-balance-hint">
          {t('The statement ending balance differs from the balance after posting by {{difference}}: Post Payments and Reconcile Bank Account needs them equal.', {
            difference: formatAmount(dec(journal.statementEndingBalance).minus(dec(journal.balanceAfterPosting)).toFixed(2), locale),
          })}
        </Text>
      )}
    </Fieldset>
  );
}
