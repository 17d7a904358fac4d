/**
 * Balance Due (LCY) — spec §12.4, §20.7. The one rule for "overdue": an open entry is overdue when
 * its due date is before the work date; an entry due on the work date itself is not overdue yet
 * (BC's Customer.CalcOverdueBalance filters Due Date '<' WorkDate). The credit warning, the overdue
 * warning and the customer statistics all sum through balanceDueLcy.
 */
import { compareDates, type IsoDate } from '../dates/calendar-date.ts';
import { type Decimal, sum } from '../money/decimal.ts';

export function isOverdue(dueDate: IsoDate, workDate: IsoDate): boolean {
  return compareDates(dueDate, workDate) < 0;
}

/** What is still open on entries with one due date (the caller may group entries by due date). */
export interface OpenAmountByDueDate {
  dueDate: IsoDate;
  remainingAmountLcy: Decimal;
}

/** Σ of what is open on the entries overdue at the work date. */
export function balanceDueLcy(open: readonly OpenAmountByDueDate[], workDate: IsoDate): Decimal {
  return sum(open.filter((entry) => isOverdue(entry.dueDate, workDate)).map((entry) => entry.remainingAmountLcy));
}
