import { Table, Text } from '@mantine/core';
import { captionOf } from '../format/captions.ts';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import type { AppliedPaymentEntry } from './reconciliation-types.ts';

/** What the line pays: each open entry with its due date, the amount applied and the payment discount granted besides. */
export function AppliedEntriesTable({ entries, locale }: { entries: readonly AppliedPaymentEntry[]; locale: SupportedLocale }) {
  if (entries.length === 0) return <Text size="sm" c="dimmed">The line is applied to nothing.</Text>;
  return (
    <Table withTableBorder fz="sm" aria-label="Applied entries">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Account</Table.Th><Table.Th>Document</Table.Th><Table.Th>Due Date</Table.Th>
          <Table.Th ta="right">Applied Amount</Table.Th><Table.Th ta="right">Pmt. Discount</Table.Th><Table.Th ta="right">Remaining Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={`${entry.accountType}-${entry.accountNo}-${entry.appliesToEntryNo}`} data-entry-no={entry.appliesToEntryNo} data-document-no={entry.documentNo ?? undefined}>
            <Table.Td>{captionOf(entry.accountType)} {entry.accountNo}</Table.Td>
            <Table.Td>{entry.appliesToEntryNo === 0 ? 'On account' : `${captionOf(entry.documentType || 'blank')} ${entry.documentNo ?? ''} (entry ${entry.appliesToEntryNo})`}</Table.Td>
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
