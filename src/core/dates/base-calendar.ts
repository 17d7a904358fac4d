/**
 * Base calendars (Business Central's "Base Calendar", "Base Calendar Change", "Customized Calendar
 * Change" and the "Calendar Management" codeunit): which days are working days for the company, a
 * customer, a location or a shipping agent service, and CalcDateBOC, which applies a date formula
 * counting working days only.
 *
 * A source (company, customer, …) with no base calendar is `null`: every day is a working day.
 * A source with a base calendar has the base calendar's changes plus its own customized changes;
 * the customized ones win, because BC looks them up first and the first change that matches a
 * date decides it.
 */
import { DomainError } from '../errors.ts';
import { type IsoDate, type IsoWeekday, dayOfWeek, fromDayNumber, parseIsoDate, toDayNumber } from './calendar-date.ts';
import { type DateFormula, calculateDate, formatDateFormula, parseDateFormula } from './date-formula.ts';

/** ' ' (one date), Annual Recurring (same month and day every year), Weekly Recurring (a weekday). */
export type RecurringSystem = 'none' | 'annual' | 'weekly';

export interface BaseCalendarChange {
  readonly recurringSystem: RecurringSystem;
  /** The date for 'none' and 'annual' (for 'annual' only its month and day count); null for 'weekly'. */
  readonly date: IsoDate | null;
  /** The weekday for 'weekly' (Monday 1 … Sunday 7); null otherwise. */
  readonly day: IsoWeekday | null;
  readonly description: string;
  readonly nonworking: boolean;
}

export interface CalendarSource {
  /** The changes of the source's base calendar. */
  readonly baseChanges: readonly BaseCalendarChange[];
  /** The source's own changes to that base calendar (Customized Calendar Change); they override. */
  readonly customizedChanges: readonly BaseCalendarChange[];
}

export interface CalendarDayStatus {
  readonly nonworking: boolean;
  /** The description of the change that decided the day; '' when no change matched. */
  readonly description: string;
}

/** Company Information's "Cal. Convergence Time Frame" is 1Y by default: 365 days from most work dates. */
export const DEFAULT_CALENDAR_CONVERGENCE_DAYS = 365;

/**
 * A run of non-working days this long means a calendar without working days. BC would loop until
 * the date runs out; we refuse instead (10 years is far beyond any real holiday season).
 */
const MAX_NONWORKING_RUN_DAYS = 3653;

const recurringSystemOrder: Record<RecurringSystem, number> = { none: 0, annual: 1, weekly: 2 };

// ---------------------------------------------------------------- day status

/** BC's CheckDateStatus: the first change (customized first, then base) that matches the date decides. */
export function checkDateStatus(calendar: CalendarSource | null, date: IsoDate): CalendarDayStatus {
  parseIsoDate(date);
  if (calendar === null) return { nonworking: false, description: '' };
  const changes = [...sortedLikeBc(calendar.customizedChanges), ...sortedLikeBc(calendar.baseChanges)];
  const decisive = changes.find((change) => changeMatches(change, date));
  return decisive === undefined
    ? { nonworking: false, description: '' }
    : { nonworking: decisive.nonworking, description: decisive.description };
}

export function isNonworkingDay(calendar: CalendarSource | null, date: IsoDate): boolean {
  return checkDateStatus(calendar, date).nonworking;
}

/**
 * BC reads each list in primary-key order (Recurring System, Date, Day), so within one list a
 * single-date change beats an annual one, which beats a weekly one: a base calendar can make one
 * Saturday a working day while every other Saturday stays non-working.
 */
function sortedLikeBc(changes: readonly BaseCalendarChange[]): BaseCalendarChange[] {
  // Array.prototype.sort is stable, so equal keys keep the caller's order (BC's Entry No.).
  return [...changes].sort((a, b) =>
    recurringSystemOrder[a.recurringSystem] - recurringSystemOrder[b.recurringSystem] ||
    compareNullableText(a.date, b.date) ||
    (a.day ?? 0) - (b.day ?? 0));
}

/** A blank date (BC's 0D) sorts first. */
function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function changeMatches(change: BaseCalendarChange, date: IsoDate): boolean {
  switch (change.recurringSystem) {
    case 'none': return change.date === date;
    case 'weekly': return change.day === dayOfWeek(date);
    case 'annual': {
      if (change.date === null) return false;
      const holiday = parseIsoDate(change.date);
      const target = parseIsoDate(date);
      // A 29 February holiday therefore only falls in leap years, as in BC.
      return holiday.month === target.month && holiday.day === target.day;
    }
  }
}

// ---------------------------------------------------------------- CalcDateBOC

export interface CalcDateBOCCalendars {
  /** The calendar the working days are counted on (BC's first source). */
  readonly from: CalendarSource | null;
  /** The second calendar: the result must also be a working day in it when checkBoth is set. */
  readonly to: CalendarSource | null;
}

export interface CalcDateBOCOptions {
  /** Days in Company Information's Cal. Convergence Time Frame (from the work date); default 365. */
  readonly convergenceDays?: number;
}

/**
 * BC's CalcDateBOC ("business-oriented calendar"): moves `date` by as many working days as the
 * formula spans calendar days, then onto a working day. In BC's order:
 * 1. Direction: forward when the formula's plain date is on or after `date` and the formula is not
 *    "-0D"; otherwise backward. (So "-CM" on the 1st of a month, which goes nowhere, is forward.)
 * 2. Count: the formula's span in calendar days (|CalcDate(formula, date) − date|: '1W' is 7,
 *    '1M' from 31 January is 28) is counted again in working days of the `from` calendar — or of
 *    `to` when checkBoth is set and `from` is null. Only that one calendar is counted on.
 *    Forward counting stops once the convergence time frame is reached: with 365 days, '400D' ends
 *    365 days later.
 * 3. Settle: while the date is non-working in `from` (or, with checkBoth, in `to`) step on in the
 *    same direction, at most `convergenceDays` checks, then take the date as it is.
 * An empty formula spans nothing, so it only settles `date` forward onto a working day.
 */
export function calcDateBOC(
  formula: string,
  date: IsoDate,
  calendars: CalcDateBOCCalendars,
  checkBoth: boolean,
  options: CalcDateBOCOptions = {},
): IsoDate {
  const convergenceDays = readConvergenceDays(options);
  const parsed = parseDateFormula(formula);
  const plainDate = calculateDate(parsed, date);
  const direction = toDayNumber(plainDate) >= toDayNumber(date) && !isMinusZeroDays(parsed) ? 1 : -1;
  const countingCalendar = checkBoth && calendars.from === null && calendars.to !== null ? calendars.to : calendars.from;
  const counted = countWorkingDays({
    start: toDayNumber(date),
    workingDays: Math.abs(toDayNumber(plainDate) - toDayNumber(date)),
    direction,
    calendar: countingCalendar,
    convergenceDays,
  });
  return settleOnWorkingDay(counted, direction, calendars, checkBoth, convergenceDays);
}

/**
 * BC's CalcDateBOC2: subtracts the formula, i.e. applies it with every sign reversed ('2D' → '-2D',
 * 'CM+10D' → '-CM-10D'). BC's callers never pass an empty formula here; an empty one stays empty.
 */
export function calcDateBOC2(
  formula: string,
  date: IsoDate,
  calendars: CalcDateBOCCalendars,
  checkBoth: boolean,
  options: CalcDateBOCOptions = {},
): IsoDate {
  return calcDateBOC(reverseDateFormula(formula), date, calendars, checkBoth, options);
}

/**
 * Reverses the sign of every term. BC reverses the text of Format(formula), which never starts
 * with '+'; parsing first gives that same result for any way of writing the formula.
 */
export function reverseDateFormula(formula: string): string {
  const { terms } = parseDateFormula(formula);
  return formatDateFormula({ terms: terms.map((term) => ({ ...term, sign: term.sign > 0 ? -1 : 1 })) });
}

function readConvergenceDays(options: CalcDateBOCOptions): number {
  const days = options.convergenceDays ?? DEFAULT_CALENDAR_CONVERGENCE_DAYS;
  if (!Number.isInteger(days) || days < 0) {
    throw new DomainError('INVALID_INPUT', { detail: `The calendar convergence time frame must be a whole number of days, 0 or more; it is ${days}.` });
  }
  return days;
}

/** "-0D" is BC's way of saying "settle backward": it is the one formula that counts as backward on its own. */
function isMinusZeroDays(formula: DateFormula): boolean {
  return formatDateFormula(formula) === '-0D';
}

interface WorkingDayCount {
  readonly start: number;
  readonly workingDays: number;
  readonly direction: 1 | -1;
  readonly calendar: CalendarSource | null;
  readonly convergenceDays: number;
}

function countWorkingDays({ start, workingDays, direction, calendar, convergenceDays }: WorkingDayCount): number {
  let current = start;
  let counted = 0;
  let nonworkingRun = 0;
  // The convergence limit only ever stops a forward count: a backward count never gets past start.
  const convergenceLimit = start + convergenceDays;
  while (counted !== workingDays) {
    current += direction;
    if (isNonworkingDay(calendar, fromDayNumber(current))) {
      nonworkingRun += 1;
      if (nonworkingRun > MAX_NONWORKING_RUN_DAYS) refuseCalendarWithoutWorkingDays(start);
    } else {
      nonworkingRun = 0;
      counted += 1;
    }
    if (current >= convergenceLimit) counted = workingDays;
  }
  return current;
}

function settleOnWorkingDay(
  dayNumber: number,
  direction: 1 | -1,
  calendars: CalcDateBOCCalendars,
  checkBoth: boolean,
  convergenceDays: number,
): IsoDate {
  let current = dayNumber;
  let checks = 0;
  // BC checks at least once, even with a convergence time frame of 0 days.
  do {
    checks += 1;
    const date = fromDayNumber(current);
    const nonworking = isNonworkingDay(calendars.from, date) || (checkBoth && isNonworkingDay(calendars.to, date));
    if (!nonworking) return date;
    current += direction;
  } while (checks < convergenceDays);
  return fromDayNumber(current);
}

function refuseCalendarWithoutWorkingDays(start: number): never {
  throw new DomainError('INVALID_INPUT', {
    detail: `The base calendar has no working day within ${MAX_NONWORKING_RUN_DAYS} days of ${fromDayNumber(start)}.`,
  });
}
