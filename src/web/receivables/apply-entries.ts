/**
 * Apply Entries' marks and the request they make: pure, so node tests can load it. An entry marked
 * with an empty Amount to Apply is applied for its whole remaining amount (the server decides how
 * much of it the applying entry covers).
 */
import { dec, sum } from '../../core/money/decimal.ts';
import type { SupportedLocale } from '../format/locales.ts';
import { parseDecimalInput } from '../format/numbers.ts';
import type { ApplyRequest, CustomerLedgerEntry } from './customer-entries.ts';

/** Amount to Apply as typed, by the entry no. of each marked entry ('' for its remaining amount). */
export type ApplyMarks = Readonly<Record<number, string>>;

export interface ApplyOptions {
  postingDate: string | null;
  acceptPaymentTolerance: boolean;
  acceptPaymentDiscountTolerance: boolean;
}

export type ApplyOutcome = { request: ApplyRequest; errors: null } | { request: null; errors: Readonly<Record<number, string>> };

/** The request of the marks, or the errors of the amounts that are not numbers, by entry no. */
export function applyRequestOf(marks: ApplyMarks, options: ApplyOptions, locale: SupportedLocale): ApplyOutcome {
  const errors: Record<number, string> = {};
  const appliedEntries = Object.entries(marks).map(([entryNo, text]) => {
    const amount = text.trim() === '' ? null : parseDecimalInput(text, locale);
    if (text.trim() !== '' && amount === null) errors[Number(entryNo)] = 'must be a number';
    return { entryNo: Number(entryNo), ...(amount !== null && { amountToApply: amount }) };
  });
  if (Object.keys(errors).length > 0) return { request: null, errors };
  const request: ApplyRequest = {
    appliedEntries,
    ...(options.postingDate && { postingDate: options.postingDate }),
    ...(options.acceptPaymentTolerance && { acceptPaymentTolerance: true }),
    ...(options.acceptPaymentDiscountTolerance && { acceptPaymentDiscountTolerance: true }),
  };
  return { request, errors: null };
}

/** What the totals read of an entry, a customer's or a vendor's. */
type AmountOfEntry = Pick<CustomerLedgerEntry, 'entryNo' | 'remainingAmount'>;

/**
 * BC's Apply Entries totals: the applying entry's remaining amount, Σ of what is marked (each
 * entry's Amount to Apply, or its remaining amount), and the balance they leave; null while an
 * amount is not a number.
 */
export function applyTotals(applying: AmountOfEntry, candidates: readonly AmountOfEntry[], marks: ApplyMarks, locale: SupportedLocale) {
  const amounts = candidates.filter((entry) => entry.entryNo in marks).map((entry) => {
    const text = marks[entry.entryNo]!.trim();
    return text === '' ? entry.remainingAmount : parseDecimalInput(text, locale);
  });
  if (amounts.some((amount) => amount === null)) return null;
  const applied = sum(amounts.map((amount) => dec(amount!)));
  return { remaining: applying.remainingAmount, applied: applied.toFixed(2), balance: dec(applying.remainingAmount).plus(applied).toFixed(2) };
}

/** A server error of `appliedEntries.<i>.<field>` on the row of that entry. */
export function errorsByEntry(fieldErrors: Readonly<Record<string, string>>, request: ApplyRequest): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /^appliedEntries\.(\d+)/.exec(path);
    const entryNo = match ? request.appliedEntries[Number(match[1])]?.entryNo : undefined;
    if (entryNo !== undefined) errors[entryNo] = message;
  }
  return errors;
}
