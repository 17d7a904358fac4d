import { ActionIcon, NativeSelect, Table, TextInput } from '@mantine/core';
import { DateField } from '../components/date-field.tsx';
import { RecordLookup } from '../components/record-lookup.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { accountTypeOptions, choiceCaption, documentTypeOptions, type JournalColumn } from './journal-columns.ts';
import { accountLookups, currencyLookup } from './journal-lookups.ts';
import type { JournalRow, JournalRowField } from './journal-rows.ts';

/** What a row needs of the journal: its cells' errors, and the edits. */
export interface JournalRowEditor {
  errorOf: (index: number, field: JournalRowField) => string | undefined;
  edit: <F extends JournalRowField>(id: number, field: F, value: JournalRow[F]) => void;
  remove: (id: number) => void;
}

interface JournalLineRowProps {
  row: JournalRow;
  /** 0-based, as the API's field paths count lines. */
  index: number;
  columns: readonly JournalColumn[];
  editor: JournalRowEditor;
  busy: boolean;
}

export function JournalLineRow({ row, index, columns, editor, busy }: JournalLineRowProps) {
  const t = useCaptions();
  return (
    <Table.Tr data-row={index}>
      {columns.map((column) => (
        <Table.Td key={column.field} ta={column.kind === 'amount' ? 'right' : undefined}>
          <JournalCell row={row} index={index} column={column} editor={editor} />
        </Table.Td>
      ))}
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={t('Delete line {{line}}', { line: index + 1 })} disabled={busy} onClick={() => editor.remove(row.id)}>✕</ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

interface JournalCellProps {
  row: JournalRow;
  index: number;
  column: JournalColumn;
  editor: JournalRowEditor;
}

/** One cell, named "<Column>, line <n>" for people and tests, and found by data-field for the grid's keys. */
function JournalCell({ row, index, column, editor }: JournalCellProps) {
  const t = useCaptions();
  const { field, label } = column;
  const name = t('{{column}}, line {{line}}', { column: t(label), line: index + 1 });
  const ownError = editor.errorOf(index, field);
  const error = ownError === undefined ? undefined : t(ownError);
  const attributes = { 'aria-label': name, 'data-line': String(index), 'data-field': field, 'data-quick-entry': column.quickEntry || undefined, size: 'xs' as const, error };
  const set = (value: string) => editor.edit(row.id, field, value);
  switch (column.kind) {
    case 'date':
      return <DateField label={name} hideLabel value={row.postingDate || null} error={error} onCommit={(value) => editor.edit(row.id, 'postingDate', value ?? '')} />;
    case 'documentType':
    case 'accountType': {
      const choices = column.kind === 'documentType' ? documentTypeOptions : accountTypeOptions;
      const translated = choices.map((choice) => ({ ...choice, label: choiceCaption(choice.label, column.kind) }));
      return <NativeSelect {...attributes} data={translated} value={row[field]} onChange={(event) => set(event.currentTarget.value)} />;
    }
    case 'account':
      return <RecordLookup source={accountLookups[field === 'balAccountNo' ? row.balAccountType : row.accountType]} value={row[field]} onChange={set} onCommit={set} inputProps={attributes} />;
    case 'currency':
      return <RecordLookup source={currencyLookup} value={row[field]} onChange={set} onCommit={set} inputProps={attributes} />;
    default:
      return (
        <TextInput {...attributes} value={row[field]} autoComplete="off" inputMode={column.kind === 'amount' ? 'decimal' : undefined}
          styles={column.kind === 'amount' ? { input: { textAlign: 'right' } } : undefined} onChange={(event) => set(event.currentTarget.value)} />
      );
  }
}
