/**
 * Which open entries an entry is applied to, and in which order, when the posting names no single
 * document (spec §20.3): Application Method "Apply to Oldest" and Applies-to ID.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import type { Decimal } from '../money/decimal.ts';
import type { ApplicationEntry } from './application-types.ts';

interface Applying {
  postingDate: IsoDate;
  remainingAmount: Decimal;
  currencyCode: string;
  customerNo: string;
}

const byDueDateThenEntryNo = (a: ApplicationEntry, b: ApplicationEntry) =>
  compareDates(a.dueDate ?? a.postingDate, b.dueDate ?? b.postingDate) || (a.entryNo ?? 0) - (b.entryNo ?? 0);

const opposite = (applying: Applying, entry: ApplicationEntry) => entry.remainingAmount.isNegative() !== applying.remainingAmount.isNegative();

/**
 * Apply to Oldest: the customer's open entries of the opposite sign in the applying entry's
 * currency, oldest due date first (then entry no.), leaving out entries posted after it.
 */
export function oldestFirst(applying: Applying, open: readonly ApplicationEntry[]): ApplicationEntry[] {
  return open
    .filter((entry) => entry.open && !entry.remainingAmount.isZero() && entry.customerNo === applying.customerNo
      && entry.currencyCode === applying.currencyCode && opposite(applying, entry)
      && compareDates(entry.postingDate, applying.postingDate) <= 0)
    .sort(byDueDateThenEntryNo);
}

/**
 * Applies-to ID: the marked entries of the customer in the applying entry's currency. Those of the
 * applying entry's own sign (a credit memo marked with a payment) first, so what they add is there
 * for the others, then the opposite sign; each group by due date, then entry no.
 */
export function markedOrder(applying: Applying, marked: readonly ApplicationEntry[]): ApplicationEntry[] {
  const candidates = marked.filter((entry) => entry.open && !entry.remainingAmount.isZero()
    && entry.customerNo === applying.customerNo && entry.currencyCode === applying.currencyCode);
  return [
    ...candidates.filter((entry) => !opposite(applying, entry)).sort(byDueDateThenEntryNo),
    ...candidates.filter((entry) => opposite(applying, entry)).sort(byDueDateThenEntryNo),
  ];
}
