/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), computed with integer arithmetic on day numbers
 * (days since 1970-01-01, proleptic Gregorian), so no time zone or clock can shift a posting date.
 */
import { DomainError } from '../errors.ts';

export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: Monday 1 … Sunday 7, the numbering BC uses for WD1 … WD7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && toCalendarDateOrNull(value) !== null;
}

export function parseIsoDate(value: string): CalendarDate {
  const date = toCalendarDateOrNull(value);
  if (date === null) throw new DomainError('INVALID_DATE', { value });
  return date;
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  const text = `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
  if (!isValidCalendarDate(date)) throw new DomainError('INVALID_DATE', { value: text });
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  // Howard Hinnant's days_from_civil: years start in March so the leap day falls last.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  // Hinnant's civil_from_days, the inverse of toDayNumber.
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months, keeping the day but clamping it to the month's end (01-31 + 1 = 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: 1 });
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

export function dayOfWeek(date: IsoDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 3) % 7 + 7) % 7 + 1) as IsoWeekday;
}

/** Negative when a is earlier, 0 when equal, positive when a is later. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  // Valid ISO dates with four-digit years sort as text in calendar order.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function minDate(first: IsoDate, ...others: IsoDate[]): IsoDate {
  return others.reduce((earliest, date) => (compareDates(date, earliest) < 0 ? date : earliest), first);
}

export function maxDate(first: IsoDate, ...others: IsoDate[]): IsoDate {
  return others.reduce((latest, date) => (compareDates(date, latest) > 0 ? date : latest), first);
}

/** Days from `from` to `to`: positive when `to` is later (2026-01-01 → 2026-01-31 is 30). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

function toCalendarDateOrNull(value: string): CalendarDate | null {
  const match = isoDatePattern.exec(value);
  if (match === null) return null;
  const date = { year: parseInt(match[1]!, 10), month: parseInt(match[2]!, 10), day: parseInt(match[3]!, 10) };
  return isValidCalendarDate(date) ? date : null;
}

function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= MIN_YEAR && year <= MAX_YEAR &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}
