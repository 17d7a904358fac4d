import { dec, isDecimalString } from '../../core/money/decimal.ts';
import { journalDocumentTypes, type JournalDocumentType } from '../../core/journal/journal-line.ts';
import type { BatchLineField, JournalLineView, LineChange } from './batch-lines.ts';
import type { JournalCellKind } from './journal-columns.ts';
import type { CustomerLedgerEntry } from '../receivables/customer-entries.ts';

export interface BatchColumn {
  field: BatchLineField;
  label: string;
  width: number;
  kind: JournalCellKind | 'appliesToDocNo' | 'appliesToId';
  /** Enter visits these cells only (BC's QuickEntry); Tab visits every cell. */
  quickEntry?: boolean;
}

/** BC's Cash Receipt Journal columns, in its order. */
export const cashReceiptColumns: readonly BatchColumn[] = [
  { field: 'postingDate', label: 'Posting Date', width: 110, kind: 'date' },
  { field: 'documentType', label: 'Document Type', width: 115, kind: 'documentType' },
  { field: 'documentNo', label: 'Document No.', width: 100, kind: 'text' },
  { field: 'externalDocumentNo', label: 'External Document No.', width: 120, kind: 'text', quickEntry: true },
  { field: 'accountType', label: 'Account Type', width: 125, kind: 'accountType' },
  { field: 'accountNo', label: 'Account No.', width: 105, kind: 'account', quickEntry: true },
  { field: 'description', label: 'Description', width: 200, kind: 'text', quickEntry: true },
  { field: 'amount', label: 'Amount', width: 110, kind: 'amount', quickEntry: true },
  { field: 'balAccountType', label: 'Bal. Account Type', width: 125, kind: 'accountType' },
  { field: 'balAccountNo', label: 'Bal. Account No.', width: 105, kind: 'account' },
  { field: 'appliesToDocType', label: 'Applies-to Doc. Type', width: 115, kind: 'documentType' },
  { field: 'appliesToDocNo', label: 'Applies-to Doc. No.', width: 120, kind: 'appliesToDocNo', quickEntry: true },
  { field: 'appliesToId', label: 'Applies-to ID', width: 130, kind: 'appliesToId' },
  { field: 'currencyCode', label: 'Currency Code', width: 85, kind: 'currency' },
];

const isJournalDocumentType = (value: string): value is JournalDocumentType => (journalDocumentTypes as readonly string[]).includes(value);

/**
 * Picking an open entry in Applies-to Doc. No.: its type and number (and no Applies-to ID), and, on
 * a line without an amount yet, what settles the entry, with the opposite sign: its remaining
 * amount, less the payment discount still possible when the line is posted by the Pmt. Discount
 * Date (as BC fills the payment in).
 */
export function appliesToChange(line: JournalLineView, entry: CustomerLedgerEntry): LineChange {
  const change: LineChange = {
    appliesToDocType: isJournalDocumentType(entry.documentType) && entry.documentType !== '' ? entry.documentType : null,
    appliesToDocNo: entry.documentNo,
    // One way of applying at a time: the document replaces the marked entries.
    ...(line.appliesToId ? { appliesToId: null } : {}),
  };
  if (!dec(line.amount).isZero() || !isDecimalString(entry.remainingAmount)) return change;
  const discountPossible = entry.paymentDiscountDate !== null && line.postingDate <= entry.paymentDiscountDate && isDecimalString(entry.remainingPaymentDiscountPossible);
  const settles = discountPossible ? dec(entry.remainingAmount).minus(dec(entry.remainingPaymentDiscountPossible)) : dec(entry.remainingAmount);
  return { ...change, amount: settles.negated().toFixed(2) };
}
