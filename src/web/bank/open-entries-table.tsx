import { Checkbox, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { formatDate } from '../format/dates.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { useCaptions } from '../i18n/captions.ts';
import { describeEntry as describe, type CustomerLedgerEntry } from '../receivables/customer-entries.ts';
import type { ManualMarks } from './apply-manually.ts';

interface OpenEntriesTableProps {
  entries: readonly CustomerLedgerEntry[];
  marks: ManualMarks;
  errors: Readonly<Record<number, string>>;
  locale: SupportedLocale;
  onChange: (marks: ManualMarks) => void;
}

/** The customer's open entries, each marked with a checkbox and an Applied Amount (blank: the server decides). */
export function OpenEntriesTable({ entries, marks, errors, locale, onChange }: OpenEntriesTableProps) {
  const t = useCaptions();
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('The customer has no open entries of this sign.')}</Text>;
  const mark = (entryNo: number, text: string | undefined) => {
    if (text !== undefined) return onChange({ ...marks, [entryNo]: text });
    const { [entryNo]: _unmarked, ...rest } = marks;
    onChange(rest);
  };
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table withTableBorder fz="sm" aria-label={t('Open customer entries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('Apply')}</Table.Th><Table.Th>{t('Document')}</Table.Th><Table.Th>{t('Due Date')}</Table.Th><Table.Th ta="right">{t('Remaining Amount')}</Table.Th>
            <Table.Th ta="right">{t('Pmt. Disc. Possible')}</Table.Th><Table.Th ta="right">{t('Applied Amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.entryNo} data-entry-no={entry.entryNo}>
              <Table.Td><Checkbox aria-label={t('Apply {{entry}}', { entry: describe(entry) })} checked={entry.entryNo in marks} onChange={(event) => mark(entry.entryNo, event.currentTarget.checked ? '' : undefined)} /></Table.Td>
              <Table.Td>{describe(entry)}</Table.Td>
              <Table.Td>{formatDate(entry.dueDate, locale)}</Table.Td>
              <Table.Td ta="right">{formatAmount(entry.remainingAmount, locale)}</Table.Td>
              <Table.Td ta="right">{formatAmount(entry.remainingPaymentDiscountPossible, locale)}{entry.paymentDiscountDate ? ` ${t('until {{date}}', { date: formatDate(entry.paymentDiscountDate, locale) })}` : ''}</Table.Td>
              <Table.Td>
                <TextInput size="xs" aria-label={t('Applied Amount, {{entry}}', { entry: describe(entry) })} disabled={!(entry.entryNo in marks)} value={marks[entry.entryNo] ?? ''}
                  error={errors[entry.entryNo] && t(errors[entry.entryNo]!)} autoComplete="off" styles={{ input: { textAlign: 'right' } }}
                  onChange={(event) => mark(entry.entryNo, event.currentTarget.value)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
