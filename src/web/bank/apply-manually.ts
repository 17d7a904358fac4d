/**
 * Apply Manually's marks (entry no. → Applied Amount as typed, '' for "what the line still has") and
 * the request they make; the server's field errors (`entries.<index>.…`) turned back into the rows.
 */
import { parseDecimalInput } from '../format/numbers.ts';
import type { SupportedLocale } from '../format/locales.ts';
import type { ApplyManuallyRequest, ReconciliationLine } from './reconciliation-types.ts';

export type ManualMarks = Readonly<Record<number, string>>;

/** The entries of the customer the line already pays, with their applied amounts, as marks to start from. */
export function marksOfLine(line: ReconciliationLine, customerNo: string, decimalText: (value: string) => string): ManualMarks {
  const marks: Record<number, string> = {};
  for (const entry of line.appliedEntries) {
    if (entry.accountType === 'customer' && entry.accountNo === customerNo && entry.appliesToEntryNo !== 0) marks[entry.appliesToEntryNo] = decimalText(entry.appliedAmount);
  }
  return marks;
}

/** The request of the marks, or the rows whose amount is not a number. */
export function applyManuallyRequestOf(customerNo: string, marks: ManualMarks, locale: SupportedLocale): { request?: ApplyManuallyRequest; errors: Record<number, string> } {
  const errors: Record<number, string> = {};
  const entries = Object.entries(marks).map(([entryNo, text]) => {
    const appliedAmount = text.trim() === '' ? undefined : parseDecimalInput(text, locale);
    if (appliedAmount === null) errors[Number.parseInt(entryNo, 10)] = 'is not an amount';
    return { entryNo: Number.parseInt(entryNo, 10), appliedAmount: appliedAmount ?? undefined };
  });
  if (Object.keys(errors).length > 0) return { errors };
  return { request: { accountType: 'customer', accountNo: customerNo, entries }, errors };
}

/** `entries.<index>.appliedAmount` of the request → the entry no. of that row. */
export function errorsByEntry(fieldErrors: Readonly<Record<string, string>>, request: ApplyManuallyRequest): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const match = /^entries\.(\d+)\./.exec(field);
    const entry = match ? request.entries[Number.parseInt(match[1]!, 10)] : undefined;
    if (entry) errors[entry.entryNo] = message;
  }
  return errors;
}
