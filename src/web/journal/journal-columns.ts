import { journalAccountTypes, journalDocumentTypes } from '../../core/journal/journal-line.ts';
import { captionOf } from '../format/captions.ts';
import { caption } from '../i18n/captions.ts';
import type { JournalRowField } from './journal-rows.ts';

/** How a cell is edited: a date, a choice of the API's values, a number with a lookup, a decimal, or text. */
export type JournalCellKind = 'date' | 'documentType' | 'accountType' | 'account' | 'currency' | 'amount' | 'text';

export interface JournalColumn {
  field: JournalRowField;
  label: string;
  width: number;
  kind: JournalCellKind;
  /** Enter visits these cells only (BC's QuickEntry); Tab visits every cell. */
  quickEntry?: boolean;
}

/** BC's General Journal columns, in its order. */
export const journalColumns: readonly JournalColumn[] = [
  { field: 'postingDate', label: 'Posting Date', width: 110, kind: 'date' },
  { field: 'documentType', label: 'Document Type', width: 120, kind: 'documentType' },
  { field: 'documentNo', label: 'Document No.', width: 110, kind: 'text', quickEntry: true },
  { field: 'accountType', label: 'Account Type', width: 130, kind: 'accountType' },
  { field: 'accountNo', label: 'Account No.', width: 110, kind: 'account', quickEntry: true },
  { field: 'description', label: 'Description', width: 220, kind: 'text', quickEntry: true },
  { field: 'currencyCode', label: 'Currency Code', width: 90, kind: 'currency' },
  { field: 'amount', label: 'Amount', width: 110, kind: 'amount', quickEntry: true },
  { field: 'balAccountType', label: 'Bal. Account Type', width: 130, kind: 'accountType' },
  { field: 'balAccountNo', label: 'Bal. Account No.', width: 110, kind: 'account', quickEntry: true },
  { field: 'appliesToDocType', label: 'Applies-to Doc. Type', width: 120, kind: 'documentType' },
  { field: 'appliesToDocNo', label: 'Applies-to Doc. No.', width: 110, kind: 'text' },
  { field: 'externalDocumentNo', label: 'External Document No.', width: 130, kind: 'text' },
];

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value === '' ? ' ' : captionOf(value) }));

/** A choice's label in the language in use: a document type under its own context ('Invoice' is a document here, not the action). */
export function choiceCaption(label: string, kind: JournalCellKind | string): string {
  if (label.trim() === '') return label;
  return kind === 'documentType' ? caption(label, { context: 'document' }) : caption(label);
}

export const documentTypeOptions = options(journalDocumentTypes);
export const accountTypeOptions = options(journalAccountTypes);
