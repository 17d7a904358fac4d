import { ScrollArea, Table } from '@mantine/core';
import { useCaptions } from '../i18n/captions.ts';
import { handleGridKeyDown } from '../sales/grid-navigation.ts';
import { journalColumns } from './journal-columns.ts';
import { JournalLineRow, type JournalRowEditor } from './journal-line-row.tsx';
import type { JournalRow } from './journal-rows.ts';

interface JournalLinesGridProps {
  rows: readonly JournalRow[];
  editor: JournalRowEditor;
  busy: boolean;
}

/** The journal's lines, editable in place; Enter moves to the next quick-entry cell, the arrows up and down a column. */
export function JournalLinesGrid({ rows, editor, busy }: JournalLinesGridProps) {
  const t = useCaptions();
  return (
    <ScrollArea type="auto">
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} aria-label={t('Journal lines')} onKeyDown={handleGridKeyDown}
        miw={journalColumns.reduce((width, column) => width + column.width, 40)}>
        <Table.Thead>
          <Table.Tr>
            {journalColumns.map((column) => <Table.Th key={column.field} w={column.width} ta={column.kind === 'amount' ? 'right' : undefined} fz="xs">{t(column.label)}</Table.Th>)}
            <Table.Th w={40}><span hidden>{t('Delete')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => <JournalLineRow key={row.id} row={row} index={index} columns={journalColumns} editor={editor} busy={busy} />)}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
