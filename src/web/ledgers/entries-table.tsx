import { Anchor, ScrollArea, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LedgerEntry } from '../api/posting-types.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { formatAmount } from '../format/numbers.ts';
import { entryTotal, formatEntryValue, isNumericKind } from './entry-format.ts';
import type { EntryColumn, LedgerSpec } from './ledger-specs.ts';
import { caption, useCaptions } from '../i18n/captions.ts';

interface EntriesTableProps {
  spec: LedgerSpec;
  entries: readonly LedgerEntry[];
  locale: SupportedLocale;
  /** A last row with the sum of every amount column (a posting's G/L entries sum to zero). */
  showTotals?: boolean;
}

export const findEntriesPath = (documentNo: string) => `/navigate?documentNo=${encodeURIComponent(documentNo)}`;

/** A ledger's entries, read-only; each document number opens Find entries for it. */
export function EntriesTable({ spec: fullSpec, entries, locale, showTotals = false }: EntriesTableProps) {
  const t = useCaptions();
  if (entries.length === 0) return <Text c="dimmed" size="sm">{t('No entries.')}</Text>;
  // The names the ledger lists join in are not in a posting's preview: these tables show the numbers.
  const spec = { ...fullSpec, columns: fullSpec.columns.filter((column) => !column.listOnly) };
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="xs" aria-label={t(spec.caption)} miw={spec.columns.length * 100}>
        <Table.Thead>
          <Table.Tr>
            {spec.columns.map((column) => <Table.Th key={column.field} ta={isNumericKind(column.kind) ? 'right' : undefined}>{t(column.label)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.entryNo}>
              {spec.columns.map((column) => <EntryCell key={column.field} column={column} entry={entry} locale={locale} />)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {showTotals && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              {spec.columns.map((column, index) => (
                <Table.Td key={column.field} ta={isNumericKind(column.kind) ? 'right' : undefined} data-total={column.kind === 'amount' ? `${spec.name}.${column.field}` : undefined}>
                  {column.kind === 'amount' ? formatAmount(entryTotal(entries, column.field), locale) : index === 0 ? t('Total') : ''}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollArea>
  );
}

function EntryCell({ column, entry, locale }: { column: EntryColumn; entry: LedgerEntry; locale: SupportedLocale }) {
  const text = formatEntryValue(entry[column.field], column.kind, locale, caption);
  return (
    <Table.Td ta={isNumericKind(column.kind) ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {column.field === 'documentNo' && text ? <Anchor component={Link} to={findEntriesPath(text)} fz="xs">{text}</Anchor> : text}
    </Table.Td>
  );
}
