import { Anchor, Button, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { journalPagePath } from './reconciliation-api.ts';
import type { Reconciliation } from './reconciliation-types.ts';

interface ReconciliationJournalsTableProps {
  journals: readonly Reconciliation[];
  locale: SupportedLocale;
  onDelete: (journal: Reconciliation) => void;
}

/** The bank account's open payment reconciliation journals (BC's Payment Reconciliation Journals list), each deletable. */
export function ReconciliationJournalsTable({ journals, locale, onDelete }: ReconciliationJournalsTableProps) {
  const t = useCaptions();
  if (journals.length === 0) return <Text c="dimmed" size="sm">{t('The bank account has no open payment reconciliation journal.')}</Text>;
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="sm" aria-label={t('Payment reconciliation journals')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Statement No.')}</Table.Th><Table.Th>{t('Statement Date')}</Table.Th><Table.Th ta="right">{t('Statement Ending Balance')}</Table.Th>
            <Table.Th ta="right">{t('Lines')}</Table.Th><Table.Th ta="right">{t('Lines to Review')}</Table.Th><Table.Th ta="right">{t('Lines with Difference')}</Table.Th>
            <Table.Th ta="right">{t('Total Difference')}</Table.Th><Table.Th><VisuallyHidden>{t('Actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {journals.map((journal) => (
            <Table.Tr key={journal.statementNo} data-statement-no={journal.statementNo}>
              <Table.Td><Anchor component={Link} to={journalPagePath(journal)} size="sm">{journal.statementNo}</Anchor></Table.Td>
              <Table.Td>{formatDate(journal.statementDate, locale)}</Table.Td>
              <Table.Td ta="right">{formatAmount(journal.statementEndingBalance, locale)}</Table.Td>
              <Table.Td ta="right">{journal.lineCount}</Table.Td>
              <Table.Td ta="right" c={journal.linesToReview > 0 ? 'orange.8' : undefined}>{journal.linesToReview}</Table.Td>
              <Table.Td ta="right" c={journal.linesWithDifference > 0 ? 'red' : undefined}>{journal.linesWithDifference}</Table.Td>
              <Table.Td ta="right">{formatAmount(journal.totalDifference, locale)}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="subtle" color="red" aria-label={t('Delete statement {{statementNo}}', { statementNo: journal.statementNo })} onClick={() => onDelete(journal)}>{t('Delete…')}</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
