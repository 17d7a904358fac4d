import { ActionIcon, NativeSelect, Table, TextInput } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import { DateField } from '../components/date-field.tsx';
import { RecordLookup } from '../components/record-lookup.tsx';
import type { SupportedLocale } from '../format/locales.ts';
import { caption, useCaptions } from '../i18n/captions.ts';
import { AppliesToLookup } from './applies-to-lookup.tsx';
import type { CustomerLedgerEntry } from '../receivables/customer-entries.ts';
import { savedText, type BatchLineField, type JournalLineView } from './batch-lines.ts';
import type { BatchColumn } from './cash-receipt-columns.ts';
import { accountTypeOptions, choiceCaption, documentTypeOptions } from './journal-columns.ts';
import { accountLookups, currencyLookup } from './journal-lookups.ts';
import type { JournalAccountType } from './journal-types.ts';

/** What a row needs of the batch: the cells' texts and errors, and the edits that save them. */
export interface BatchRowEditor {
  draftOf: (lineNo: number, field: BatchLineField) => string | undefined;
  errorOf: (lineNo: number, field: BatchLineField) => string | undefined;
  edit: (lineNo: number, field: BatchLineField, text: string) => void;
  commitCell: (lineNo: number, field: BatchLineField, given?: string) => void;
  pickAppliesTo: (line: JournalLineView, entry: CustomerLedgerEntry) => void;
  /** Opens Apply Entries for the line: marking the customer's open entries with its Applies-to ID. */
  applyEntries: (line: JournalLineView) => void;
  remove: (lineNo: number) => void;
}

interface BatchLineRowProps {
  line: JournalLineView;
  /** 1-based, as people count the grid's lines. */
  position: number;
  columns: readonly BatchColumn[];
  editor: BatchRowEditor;
  busy: boolean;
  locale: SupportedLocale;
}

export function BatchLineRow({ line, position, columns, editor, busy, locale }: BatchLineRowProps) {
  const t = useCaptions();
  return (
    <Table.Tr data-line-no={line.lineNo}>
      {columns.map((column) => (
        <Table.Td key={column.field} ta={column.kind === 'amount' ? 'right' : undefined}>
          <BatchCell line={line} position={position} column={column} editor={editor} locale={locale} />
        </Table.Td>
      ))}
      <Table.Td>
        <ActionIcon variant="subtle" color="red" aria-label={t('Delete line {{line}}', { line: position })} disabled={busy} onClick={() => editor.remove(line.lineNo)}>✕</ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/** A Bal. Account Type may be blank (no balancing account); an Account Type never is. */
const balAccountTypeOptions = [{ value: '', label: ' ' }, ...accountTypeOptions];

interface BatchCellProps { line: JournalLineView; position: number; column: BatchColumn; editor: BatchRowEditor; locale: SupportedLocale }

/** One cell, named "<Column>, line <n>" for people and tests, found by data-field for the grid's keys; saved when left. */
function BatchCell({ line, position, column, editor, locale }: BatchCellProps) {
  const t = useCaptions();
  const { field, label } = column;
  const name = t('{{column}}, line {{line}}', { column: t(label), line: position });
  const ownError = editor.errorOf(line.lineNo, field);
  const error = ownError === undefined ? undefined : t(ownError);
  const text = editor.draftOf(line.lineNo, field) ?? savedText(line, field, locale);
  const attributes: CellAttributes = { 'aria-label': name, 'data-line': String(line.lineNo), 'data-field': field, 'data-quick-entry': column.quickEntry || undefined, size: 'xs', error };
  const edit = (value: string) => editor.edit(line.lineNo, field, value);
  const commit = (value?: string) => editor.commitCell(line.lineNo, field, value);
  switch (column.kind) {
    case 'date':
      return <DateField label={name} hideLabel value={line.postingDate} error={error} onCommit={(value) => value && commit(value)} />;
    case 'documentType':
    case 'accountType': {
      const choices = column.kind === 'documentType' ? documentTypeOptions : field === 'balAccountType' ? balAccountTypeOptions : accountTypeOptions;
      const translated = choices.map((choice) => ({ ...choice, label: choiceCaption(choice.label, column.kind) }));
      return <NativeSelect {...attributes} data={translated} value={text} onChange={(event) => commit(event.currentTarget.value)} />;
    }
    case 'account': {
      const type = (field === 'balAccountNo' ? line.balAccountType : line.accountType) as JournalAccountType | null;
      return <RecordLookup source={accountLookups[type ?? 'glAccount']} value={text} onChange={edit} onCommit={commit} inputProps={attributes} />;
    }
    case 'currency':
      return <RecordLookup source={currencyLookup} value={text} onChange={edit} onCommit={commit} inputProps={attributes} />;
    case 'appliesToDocNo':
      return (
        <AppliesToLookup party={appliesToParty(line)} value={text} locale={locale} onChange={edit}
          onCommit={commit} onPick={(entry) => editor.pickAppliesTo(line, entry)} inputProps={attributes} />
      );
    default:
      return <TextCell attributes={attributes} numeric={column.kind === 'amount'} text={text} onChange={edit} onCommit={() => commit()}
        onRevert={() => editor.edit(line.lineNo, field, savedText(line, field, locale))}
        action={column.kind === 'appliesToId' ? applyEntriesButton(line, position, editor) : undefined} />;
  }
}

// The party whose open entries the Applies-to Doc. No. names: the line's customer or vendor, account or balancing side.
function appliesToParty(line: JournalLineView): { kind: 'customer' | 'vendor'; no: string } | null {
  for (const [type, no] of [[line.accountType, line.accountNo], [line.balAccountType, line.balAccountNo]] as const) {
    if ((type === 'customer' || type === 'vendor') && no) return { kind: type, no };
  }
  return null;
}

type CellAttributes = {
  'aria-label': string;
  'data-line': string;
  'data-field': string;
  'data-quick-entry': true | undefined;
  size: 'xs';
  error: string | undefined;
};

/** Apply Entries beside the Applies-to ID: a customer line's open entries, marked with that ID (apply-marks-dialog.tsx). */
function applyEntriesButton(line: JournalLineView, position: number, editor: BatchRowEditor) {
  const t = caption;
  const ready = line.accountType === 'customer' && line.accountNo !== '';
  return (
    <ActionIcon variant="subtle" size="sm" aria-label={t('Apply Entries, line {{line}}', { line: position })} title={ready ? t('Apply Entries') : t('Choose a customer first')}
      disabled={!ready} onClick={() => editor.applyEntries(line)}>…</ActionIcon>
  );
}

interface TextCellProps {
  attributes: CellAttributes;
  numeric: boolean;
  text: string;
  onChange: (text: string) => void;
  onCommit: () => void;
  onRevert: () => void;
  /** A button inside the cell, at its end. */
  action?: ReactNode;
}

/** A text or amount cell: typing edits a draft, leaving saves it, Escape puts the saved value back. */
function TextCell({ attributes, numeric, text, onChange, onCommit, onRevert, action }: TextCellProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => event.key === 'Escape' && onRevert();
  return (
    <TextInput {...attributes} value={text} autoComplete="off" inputMode={numeric ? 'decimal' : undefined} rightSection={action} rightSectionPointerEvents="all"
      styles={numeric ? { input: { textAlign: 'right' } } : undefined} onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => onChange(event.currentTarget.value)} onBlur={onCommit} onKeyDown={handleKeyDown} />
  );
}
