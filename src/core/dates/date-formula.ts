/**
 * Business Central date formulas (DateFormula / CalcDate): "30D", "1M", "CM+10D", "-1M-CM", "D10",
 * "WD2". A formula is a list of terms applied to the date one after the other, left to right.
 *
 * Semantics follow "System.CalcDate(Text [, Date]) Method", "DateFormula Data Type" and
 * "Working with Calendar Dates and Times" (learn.microsoft.com):
 * - <number><unit>: D days, W weeks (7 days), M/Q/Y months, quarters, years; months keep the day
 *   number and clamp it to the month end (CalcDate's own example: CQ+1M-10D on 1996-05-21 is
 *   1996-06-30 → 1996-07-30 → 1996-07-20). Numbers go up to 9999.
 * - C<unit>: the end of the current day/week/month/quarter/year, or with a minus its start.
 *   Weeks run Monday–Sunday.
 * - <unit><number>: D10 is the next 10th of a month, WD4 the next Thursday (Monday is 1).
 *   "Next" is strictly after the date: CalcDate's example gives -WD2 on Tuesday 1996-05-21 as
 *   Tuesday 1996-05-14, a week back, not the same day.
 * - A formula holds at most 20 characters; "<…>" marks the language-independent form.
 */
import { DomainError } from '../errors.ts';
import {
  type IsoDate,
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysInMonth,
  endOfMonth,
  formatIsoDate,
  parseIsoDate,
  startOfMonth,
} from './calendar-date.ts';

export type DateFormulaPeriod = 'D' | 'W' | 'M' | 'Q' | 'Y';
export type DateFormulaSign = 1 | -1;

export type DateFormulaTerm =
  /** "30D", "-1M": move by a number of periods. */
  | { readonly kind: 'periods'; readonly sign: DateFormulaSign; readonly count: number; readonly period: DateFormulaPeriod }
  /** "CM", "-CW": end (+) or start (−) of the current period. */
  | { readonly kind: 'current'; readonly sign: DateFormulaSign; readonly period: DateFormulaPeriod }
  /** "D10", "-WD2": the next (+) or previous (−) given day of the month or of the week. */
  | { readonly kind: 'next'; readonly sign: DateFormulaSign; readonly unit: 'D' | 'WD'; readonly position: number };

export interface DateFormula {
  readonly terms: readonly DateFormulaTerm[];
}

export const MAX_DATE_FORMULA_LENGTH = 20;
const MAX_FORMULA_NUMBER = 9999;
const UNIT_LIST = 'D, WD, W, M, Q, Y';

// ---------------------------------------------------------------- parsing

export function parseDateFormula(text: string): DateFormula {
  const formulaText = normalizeFormulaText(text);
  const terms: DateFormulaTerm[] = [];
  let position = 0;
  while (position < formulaText.length) {
    const signCharacter = formulaText[position];
    const hasSign = signCharacter === '+' || signCharacter === '-';
    if (!hasSign && terms.length > 0) {
      refuse(text, `'+' or '-' is missing before '${formulaText.slice(position)}'`);
    }
    if (hasSign) position++;
    const next = formulaText[position];
    if (next === undefined || next === '+' || next === '-') refuse(text, `'${signCharacter}' must be followed by a term`);
    const sign: DateFormulaSign = signCharacter === '-' ? -1 : 1;
    const { term, end } = parseTerm(text, formulaText, position, sign);
    terms.push(term);
    position = end;
  }
  return { terms };
}

export function isValidDateFormula(text: string): boolean {
  try {
    parseDateFormula(text);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** Spaces are ignored, "<…>" is the AL literal form, letters are case-insensitive. */
function normalizeFormulaText(text: string): string {
  let formulaText = text.replace(/\s+/g, '').toUpperCase();
  const opens = formulaText.startsWith('<');
  const closes = formulaText.endsWith('>');
  if (opens !== closes || (opens && formulaText.length < 2)) refuse(text, "'<' and '>' must enclose the whole formula");
  if (opens) formulaText = formulaText.slice(1, -1);
  if (formulaText.length > MAX_DATE_FORMULA_LENGTH) {
    refuse(text, `a date formula has at most ${MAX_DATE_FORMULA_LENGTH} characters`);
  }
  return formulaText;
}

interface ParsedTerm {
  term: DateFormulaTerm;
  end: number;
}

function parseTerm(text: string, formulaText: string, start: number, sign: DateFormulaSign): ParsedTerm {
  const first = formulaText[start]!;
  if (first === 'C') return parseCurrentTerm(text, formulaText, start, sign);
  if (isDigit(first)) return parsePeriodsTerm(text, formulaText, start, sign);
  return parseNextTerm(text, formulaText, start, sign);
}

/** C<unit>: CD, CW, CM, CQ, CY. */
function parseCurrentTerm(text: string, formulaText: string, start: number, sign: DateFormulaSign): ParsedTerm {
  const unit = readUnit(formulaText, start + 1);
  if (unit === null) {
    const found = formulaText[start + 1];
    refuse(text, found === undefined
      ? "'C' must be followed by D, W, M, Q or Y"
      : `'C' must be followed by D, W, M, Q or Y, not '${found}'`);
  }
  if (unit === 'WD') refuse(text, "'CWD' is not a period; use CW for the current week");
  return { term: { kind: 'current', sign, period: unit }, end: start + 1 + unit.length };
}

/** <number><unit>: 30D, 2W, 1M, 1Q, 2Y. */
function parsePeriodsTerm(text: string, formulaText: string, start: number, sign: DateFormulaSign): ParsedTerm {
  const { value: count, end: numberEnd } = readNumber(text, formulaText, start);
  const unit = readUnit(formulaText, numberEnd);
  if (unit === null) {
    const found = formulaText[numberEnd];
    refuse(text, found === undefined
      ? `'${count}' must be followed by a unit (${UNIT_LIST})`
      : `'${found}' is not a unit (${UNIT_LIST})`);
  }
  if (unit === 'WD') refuse(text, "WD takes its number after it: WD2 is the next Tuesday");
  return { term: { kind: 'periods', sign, count, period: unit }, end: numberEnd + unit.length };
}

/** <unit><number>: D10 (next 10th of a month), WD2 (next Tuesday). */
function parseNextTerm(text: string, formulaText: string, start: number, sign: DateFormulaSign): ParsedTerm {
  const unit = readUnit(formulaText, start);
  if (unit === null) refuse(text, `'${formulaText[start]}' is not a unit (${UNIT_LIST}) or C`);
  const numberStart = start + unit.length;
  if (!isDigit(formulaText[numberStart])) {
    refuse(text, `'${unit}' needs a number after it (${unit}${unit === 'WD' ? '2' : '10'}) or C before it`);
  }
  if (unit !== 'D' && unit !== 'WD') refuse(text, `only D and WD can be followed by a number, not ${unit}`);
  const { value: position, end } = readNumber(text, formulaText, numberStart);
  const highest = unit === 'D' ? 31 : 7;
  if (position < 1 || position > highest) refuse(text, `${unit}${position} is out of range (${unit}1 to ${unit}${highest})`);
  return { term: { kind: 'next', sign, unit, position }, end };
}

function readUnit(formulaText: string, start: number): DateFormulaPeriod | 'WD' | null {
  if (formulaText.startsWith('WD', start)) return 'WD';
  const letter = formulaText[start];
  return letter === 'D' || letter === 'W' || letter === 'M' || letter === 'Q' || letter === 'Y' ? letter : null;
}

function readNumber(text: string, formulaText: string, start: number): { value: number; end: number } {
  let end = start;
  while (isDigit(formulaText[end])) end++;
  const digits = formulaText.slice(start, end);
  if (formulaText[end] === '.' || formulaText[end] === ',') refuse(text, `numbers must be whole, not '${digits}${formulaText[end]}…'`);
  const value = parseInt(digits, 10);
  if (value > MAX_FORMULA_NUMBER) refuse(text, `${digits} is larger than ${MAX_FORMULA_NUMBER}`);
  return { value, end };
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function refuse(formula: string, reason: string): never {
  throw new DomainError('INVALID_DATE_FORMULA', { formula, reason });
}

// ---------------------------------------------------------------- formatting

/** Canonical text: upper case, no spaces or brackets, '+' between terms ("CM+10D", "-1M-CM"). */
export function formatDateFormula(formula: DateFormula | string): string {
  const { terms } = typeof formula === 'string' ? parseDateFormula(formula) : formula;
  return terms.map((term, index) => signText(term.sign, index === 0) + termText(term)).join('');
}

function signText(sign: DateFormulaSign, isFirst: boolean): string {
  if (sign < 0) return '-';
  return isFirst ? '' : '+';
}

function termText(term: DateFormulaTerm): string {
  switch (term.kind) {
    case 'periods': return `${term.count}${term.period}`;
    case 'current': return `C${term.period}`;
    case 'next': return `${term.unit}${term.position}`;
  }
}

// ---------------------------------------------------------------- calculation

/** BC's CalcDate: applies the formula to date; a blank formula returns the date unchanged. */
export function calculateDate(formula: string | DateFormula, date: IsoDate): IsoDate {
  const { terms } = typeof formula === 'string' ? parseDateFormula(formula) : formula;
  parseIsoDate(date);
  return terms.reduce<IsoDate>((current, term) => applyTerm(term, current), date);
}

function applyTerm(term: DateFormulaTerm, date: IsoDate): IsoDate {
  switch (term.kind) {
    case 'periods': return movePeriods(date, term.period, term.sign * term.count);
    case 'current': return term.sign > 0 ? endOfPeriod(date, term.period) : startOfPeriod(date, term.period);
    case 'next': return term.unit === 'D'
      ? nextDayOfMonth(date, term.position, term.sign)
      : nextWeekday(date, term.position, term.sign);
  }
}

function movePeriods(date: IsoDate, period: DateFormulaPeriod, count: number): IsoDate {
  switch (period) {
    case 'D': return addDays(date, count);
    case 'W': return addDays(date, 7 * count);
    case 'M': return addMonths(date, count);
    case 'Q': return addMonths(date, 3 * count);
    case 'Y': return addMonths(date, 12 * count);
  }
}

function startOfPeriod(date: IsoDate, period: DateFormulaPeriod): IsoDate {
  const { year, month } = parseIsoDate(date);
  switch (period) {
    case 'D': return date;
    case 'W': return addDays(date, 1 - dayOfWeek(date));
    case 'M': return startOfMonth(date);
    case 'Q': return formatIsoDate({ year, month: firstMonthOfQuarter(month), day: 1 });
    case 'Y': return formatIsoDate({ year, month: 1, day: 1 });
  }
}

function endOfPeriod(date: IsoDate, period: DateFormulaPeriod): IsoDate {
  const { year, month } = parseIsoDate(date);
  switch (period) {
    case 'D': return date;
    case 'W': return addDays(date, 7 - dayOfWeek(date));
    case 'M': return endOfMonth(date);
    case 'Q': {
      const lastMonth = firstMonthOfQuarter(month) + 2;
      return formatIsoDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) });
    }
    case 'Y': return formatIsoDate({ year, month: 12, day: 31 });
  }
}

function firstMonthOfQuarter(month: number): number {
  return Math.floor((month - 1) / 3) * 3 + 1;
}

/**
 * The next (or previous) dayOfMonth strictly after (before) date. The docs are silent on D31 in a
 * shorter month; we take that month's last day, so D31 always lands once a month.
 */
function nextDayOfMonth(date: IsoDate, dayOfMonth: number, sign: DateFormulaSign): IsoDate {
  const thisMonth = startOfMonth(date);
  for (const candidateMonth of [thisMonth, addMonths(thisMonth, sign)]) {
    const { year, month } = parseIsoDate(candidateMonth);
    const candidate = formatIsoDate({ year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) });
    if (compareDates(candidate, date) * sign > 0) return candidate;
  }
  throw new Error('unreachable: the adjacent month always holds a candidate');
}

/** The next (or previous) ISO weekday strictly after (before) date: WD2 on a Tuesday is +7 days. */
function nextWeekday(date: IsoDate, weekday: number, sign: DateFormulaSign): IsoDate {
  const today = dayOfWeek(date);
  const distance = sign > 0 ? (weekday - today + 7) % 7 : (today - weekday + 7) % 7;
  return addDays(date, sign * (distance === 0 ? 7 : distance));
}
