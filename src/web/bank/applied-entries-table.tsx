import { Table, Text } from '@mantine/core';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { documentTypeCaption } from '../receivables/customer-entries.ts';
import type { AppliedPaymentEntry } from './reconciliation-types.ts';

/** What the line pays: each open entry with its due date, the amount applied and the payment discount granted besides. */
export function AppliedEntriesTable({ entries, locale }: { entries: readonly AppliedPaymentEntry[]; locale: SupportedLocale }) {
  const t = useCaptions();
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('The line is applied to nothing.')}</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label={t('Applied entries')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('Account')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th>
          <Table.Th ta="right">{t('Applied Amount')}</Table.Th><Table.Th ta="right">{t('Pmt. Discount')}</Table.Th><Table.Th ta="right">{t('Remaining Amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={`${entry.accountType}-${entry.accountNo}-${entry.appliesToEntryNo}`} data-entry-no={entry.appliesToEntryNo} data-document-no={entry.documentNo ?? undefined}>
            <Table.Td>{t(captionOf(entry.accountType))} {entry.accountNo}</Table.Td>
            <Table.Td>{entry.appliesToEntryNo === 0 ? t('On account')
              : t('{{document}} {{documentNo}} (entry {{entryNo}})', { document: documentTypeCaption(entry.documentType), documentNo: entry.documentNo ?? '', entryNo: entry.appliesToEntryNo })}</Table.Td>
            <Table.Td>{formatDate(entry.dueDate, locale)}</Table.Td>
            <Table.Td ta="right">{formatAmount(entry.appliedAmount, locale)}</Table.Td>
            <Table.Td ta="right">{formatAmount(entry.appliedPmtDiscount, locale)}</Table.Td>
            <Table.Td ta="right">{entry.remainingAmount === null ? '' : formatAmount(entry.remainingAmount, locale)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
