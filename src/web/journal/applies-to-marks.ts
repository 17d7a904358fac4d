/**
 * Apply Entries from a cash receipt journal line (BC's Apply Customer Entries → Set Applies-to ID):
 * which open entries of the customer the line applies to, each with an Amount to Apply, kept on the
 * server as marks under the line's Applies-to ID (PUT /customerEntryApplyMarks/{id}). Pure, so node
 * tests can load it.
 */
import { dec, sum } from '../../core/money/decimal.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { decimalForInput } from '../format/numbers.ts';
import { applyRequestOf, type ApplyMarks } from '../receivables/apply-entries.ts';
import type { CustomerLedgerEntry } from '../receivables/customer-entries.ts';
import type { JournalLineView, LineChange } from './batch-lines.ts';

/** What the marks routes answer (src/server/receivables/apply-entries.routes.ts). */
export interface ApplyMarkView { entryNo: number; customerNo: string; documentType: string; documentNo: string; remainingAmount: string; amountToApply: string }

export interface ApplyMarksRequest { entries: { entryNo: number; amountToApply?: string }[] }

/** The line's own Applies-to ID, else its Document No., as BC sets it. */
export const appliesToIdOf = (line: JournalLineView) => line.appliesToId || line.documentNo;

/**
 * The entries a line may apply to: of the opposite sign of its amount (a receipt, negative, applies to
 * invoices); a line without an amount yet goes by its document type (a refund applies to credits).
 */
export function appliesToPositive(line: JournalLineView): boolean {
  const amount = dec(line.amount);
  if (!amount.isZero()) return amount.isNegative();
  return line.documentType !== 'refund';
}

/** The marks as the dialog edits them: an Amount to Apply of 0 (all of it) is a blank. */
export function marksOf(saved: readonly ApplyMarkView[], customerNo: string, locale: SupportedLocale): ApplyMarks {
  return Object.fromEntries(saved.filter((mark) => mark.customerNo === customerNo)
    .map((mark) => [mark.entryNo, dec(mark.amountToApply).isZero() ? '' : decimalForInput(mark.amountToApply, locale, 2)]));
}

export type MarksOutcome = { request: ApplyMarksRequest; errors: null } | { request: null; errors: Readonly<Record<number, string>> };

/** The PUT body, or the Amounts to Apply that are not numbers, by entry no. */
export function marksRequestOf(marks: ApplyMarks, locale: SupportedLocale): MarksOutcome {
  const outcome = applyRequestOf(marks, { postingDate: null, acceptPaymentTolerance: false, acceptPaymentDiscountTolerance: false }, locale);
  return outcome.request ? { request: { entries: outcome.request.appliedEntries }, errors: null } : outcome;
}

/**
 * BC's totals of Apply Customer Entries: the line's amount, Σ of what is marked (each Amount to
 * Apply, or the entry's remaining amount), and the balance they leave; null while an amount is not a
 * number.
 */
export function markTotals(line: JournalLineView, candidates: readonly CustomerLedgerEntry[], marks: ApplyMarks, locale: SupportedLocale) {
  const outcome = marksRequestOf(marks, locale);
  if (!outcome.request) return null;
  const amounts = outcome.request.entries.map((mark) => {
    const entry = candidates.find((candidate) => candidate.entryNo === mark.entryNo);
    return dec(mark.amountToApply ?? entry?.remainingAmount ?? '0');
  });
  const applied = sum(amounts);
  return { lineAmount: line.amount, applied: applied.toFixed(2), balance: dec(line.amount).plus(applied).toFixed(2) };
}

/**
 * What the line gets once the marks are saved: the Applies-to ID (none when nothing is marked), no
 * Applies-to Doc. No. beside it, and, on a line without an amount yet, the amount that settles the
 * marked entries (BC fills it in the same way).
 */
export function lineChangeOfMarks(line: JournalLineView, appliesToId: string, applied: string | null, marked: boolean): LineChange {
  const change: LineChange = { appliesToId: marked ? appliesToId : null };
  if (marked && (line.appliesToDocNo || line.appliesToDocType)) Object.assign(change, { appliesToDocType: null, appliesToDocNo: null });
  if (marked && applied !== null && dec(line.amount).isZero() && !dec(applied).isZero()) change.amount = dec(applied).negated().toFixed(2);
  return change;
}

/** A refusal of `entries.<i>.<field>` on the row of that entry. */
export function markErrorsByEntry(fieldErrors: Readonly<Record<string, string>>, request: ApplyMarksRequest): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /^entries\.(\d+)/.exec(path);
    const entryNo = match ? request.entries[Number(match[1])]?.entryNo : undefined;
    if (entryNo !== undefined) errors[entryNo] = message;
  }
  return errors;
}
