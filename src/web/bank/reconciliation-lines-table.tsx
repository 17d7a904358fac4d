import { Button, ScrollArea, Table, Text } from '@mantine/core';
import { dec } from '../../core/money/decimal.ts';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { ConfidenceBadge } from './confidence-badge.tsx';
import { confidenceOf, type LineFilter, type ReconciliationLine } from './reconciliation-types.ts';

const filterEmpty: Readonly<Record<LineFilter, string>> = {
  all: 'The journal has no lines: import a statement or add a line.',
  toReview: 'No line needs a review.',
  withDifference: 'No line has a difference.',
};

interface ReconciliationLinesTableProps {
  lines: readonly ReconciliationLine[];
  filter: LineFilter;
  locale: SupportedLocale;
  /** Messages of a refused Post by line no. (`lines.<lineNo>`): those rows are marked. */
  lineErrors: Readonly<Record<number, string>>;
  onReview: (lineNo: number) => void;
}

/** The statement lines with what each is applied to, its difference and how sure the match is. */
export function ReconciliationLinesTable({ lines, filter, locale, lineErrors, onReview }: ReconciliationLinesTableProps) {
  const t = useCaptions();
  if (lines.length === 0) return <Text c="dimmed" size="sm">{t(filterEmpty[filter])}</Text>;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label={t('Statement lines')} miw={1200}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Transaction Date')}</Table.Th><Table.Th>{t('Transaction Text')}</Table.Th><Table.Th>{t('Related Party')}</Table.Th>
            <Table.Th ta="right">{t('Statement Amount')}</Table.Th><Table.Th ta="right">{t('Applied Amount')}</Table.Th><Table.Th ta="right">{t('Difference')}</Table.Th>
            <Table.Th>{t('Account')}</Table.Th><Table.Th>{t('Match Confidence')}</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => <LineRow key={line.statementLineNo} line={line} locale={locale} error={lineErrors[line.statementLineNo]} onReview={onReview} />)}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function LineRow({ line, locale, error, onReview }: { line: ReconciliationLine; locale: SupportedLocale; error: string | undefined; onReview: (lineNo: number) => void }) {
  const t = useCaptions();
  const difference = dec(line.difference);
  const account = line.accountNo === '' ? '' : `${t(captionOf(line.accountType))} ${line.accountNo}`;
  return (
    <Table.Tr data-line-no={line.statementLineNo} data-invalid={error ? true : undefined} bg={error ? 'var(--mantine-color-red-light)' : undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(line.transactionDate, locale)}</Table.Td>
      <Table.Td>
        {line.transactionText || line.description}
        {error && <Text size="xs" c="red" role="alert">{error}</Text>}
      </Table.Td>
      <Table.Td>{line.relatedPartyName}</Table.Td>
      <Table.Td ta="right" data-column="statementAmount">{formatAmount(line.statementAmount, locale)}</Table.Td>
      <Table.Td ta="right" data-column="appliedAmount">{formatAmount(line.appliedAmount, locale)}</Table.Td>
      <Table.Td ta="right" data-column="difference" c={difference.isZero() ? undefined : 'red'}>{formatAmount(line.difference, locale)}</Table.Td>
      <Table.Td>
        {account}
        {line.accountName && <Text size="xs" c="dimmed">{line.accountName}</Text>}
      </Table.Td>
      <Table.Td><ConfidenceBadge confidence={confidenceOf(line)} /></Table.Td>
      <Table.Td>
        <Button size="compact-xs" variant={line.reviewRequired ? 'filled' : 'default'} color={line.reviewRequired ? 'orange' : undefined}
          aria-label={t('Why? Line {{lineNo}}', { lineNo: line.statementLineNo })} onClick={() => onReview(line.statementLineNo)}>{t('Why?')}</Button>
      </Table.Td>
    </Table.Tr>
  );
}
