import { ScrollArea, Table } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { handleGridKeyDown } from '../sales/grid-navigation.ts';
import type { BatchLineField, JournalLineView } from './batch-lines.ts';
import { BatchLineRow, type BatchRowEditor } from './batch-line-row.tsx';
import type { BatchColumn } from './cash-receipt-columns.ts';

interface BatchLinesGridProps {
  lines: readonly JournalLineView[];
  columns: readonly BatchColumn[];
  editor: BatchRowEditor;
  busy: boolean;
  locale: SupportedLocale;
  /** A cell to focus once its line is shown (a line just added: its Account No.). */
  focusRequest: { lineNo: number; field: BatchLineField } | null;
  onFocusDone: () => void;
}

/** A batch's stored lines, editable in place; Enter moves to the next quick-entry cell, the arrows up and down a column. */
export function BatchLinesGrid({ lines, columns, editor, busy, locale, focusRequest, onFocusDone }: BatchLinesGridProps) {
  const t = useCaptions();
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const cell = table.current?.querySelector<HTMLElement>(`[data-line="${focusRequest.lineNo}"][data-field="${focusRequest.field}"]`);
    if (!cell) return;
    cell.focus();
    onFocusDone();
  }, [focusRequest, lines, onFocusDone]);

  return (
    <ScrollArea type="auto">
      <Table ref={table} withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} aria-label={t('Journal lines')} onKeyDown={handleGridKeyDown}
        miw={columns.reduce((width, column) => width + column.width, 40)}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => <Table.Th key={column.field} w={column.width} ta={column.kind === 'amount' ? 'right' : undefined} fz="xs">{t(column.label)}</Table.Th>)}
            <Table.Th w={40}><span hidden>{t('Delete')}</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            <BatchLineRow key={line.lineNo} line={line} position={index + 1} columns={columns} editor={editor} busy={busy} locale={locale} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
