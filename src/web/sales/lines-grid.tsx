import { Group, ScrollArea, Table } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SupportedLocale } from '../format/locales.ts';
import { useCaptions } from '../i18n/captions.ts';
import { useBlanketLinkColumns } from './blanket-link-cells.tsx';
import type { AnyDocumentKind } from './document-kinds.ts';
import { useColumnChoice } from './column-chooser.tsx';
import { handleGridKeyDown } from './grid-navigation.ts';
import { gridColumns, type GridDocument } from './line-fields.ts';
import { LineRow } from './line-row.tsx';
import { NewLineRow } from './new-line-row.tsx';
import { usePrepaymentColumns } from './prepayment-columns.tsx';
import type { LinesEditor } from './use-lines-editor.ts';

interface LinesGridProps {
  kind: AnyDocumentKind;
  document: GridDocument;
  editor: LinesEditor;
  /** A change of the document is on its way: deleting waits for it (no double delete). */
  busy: boolean;
  locale: SupportedLocale;
}

/** The document's lines, editable in place and entirely from the keyboard. */
export function LinesGrid({ kind, document, editor, busy, locale }: LinesGridProps) {
  const t = useCaptions();
  const gridRef = useRef<HTMLTableElement>(null);
  const blanketLinks = useBlanketLinkColumns(kind, document.lines);
  const prepayment = usePrepaymentColumns(kind, document.lines);
  const choice = useColumnChoice(`${kind.family}.${kind.type}`, gridColumns(kind, { blanketLinks: blanketLinks.shown, prepayment: prepayment.shown }));
  const columns = choice.shown;
  const open = document.status === 'open';
  const stockout = new Map((document.warnings ?? []).filter((warning) => warning.code === 'STOCKOUT').map((warning) => [warning.details.itemNo, warning.message]));
  const { focusRequest, focusDone } = editor;

  useEffect(() => {
    if (!focusRequest) return;
    const cell = gridRef.current?.querySelector<HTMLInputElement>(`[data-line="${focusRequest.line}"][data-field="${focusRequest.field}"]`);
    if (!cell) return;
    cell.focus();
    cell.select();
    focusDone();
  }, [focusRequest, focusDone, document]);

  return (
    <>
      <Group gap="lg" justify="space-between">
        <Group gap="lg">{blanketLinks.toggle}{prepayment.toggle}</Group>
        {choice.chooser}
      </Group>
      <ScrollArea type="auto">
        <Table ref={gridRef} withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} aria-label={t('Lines')} onKeyDown={handleGridKeyDown}
          miw={columns.reduce((width, column) => width + column.width, 40)}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => <Table.Th key={column.field} w={column.width} ta={column.numeric ? 'right' : undefined} fz="xs">{t(column.label)}</Table.Th>)}
              <Table.Th w={40}><span hidden>{t('Delete')}</span></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.lines.map((line, index) => (
              <LineRow key={line.lineNo} line={line} family={kind.family} position={index + 1} columns={columns} editor={editor} open={open} busy={busy}
                warning={line.type === 'item' ? stockout.get(line.no) : undefined} locale={locale} />
            ))}
            {open && <NewLineRow columns={columns} editor={editor} />}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
