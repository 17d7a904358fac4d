/**
 * Business Central No. Series: picking the series line for a date and drawing the next number.
 * Pure: the caller locks the No. Series Line row, calls drawNextNumber and writes updatedLine back
 * in the same transaction (that is what keeps posted invoice numbers gapless).
 */
import { DomainError } from '../errors.ts';
import { type IsoDate, compareDates } from '../dates/calendar-date.ts';

export const MAX_NUMBER_LENGTH = 20;

export interface NoSeries {
  code: string;
  /** Date Order: dates must not go back along the series. */
  dateOrder: boolean;
}

export interface NoSeriesLine {
  lineNo: number;
  startingDate: IsoDate | null;
  startingNo: string;
  endingNo: string | null;
  warningNo: string | null;
  incrementBy: number;
  lastNoUsed: string | null;
  lastDateUsed: IsoDate | null;
  open: boolean;
}

export interface DrawnNumber {
  lineNo: number;
  number: string;
  /** The number reached the line's Warning No.: tell the user the series is running out. */
  warning: boolean;
  updatedLine: NoSeriesLine;
}

/**
 * Increments the rightmost run of digits, keeping prefix, suffix and zero-padded width
 * (SO-0009 → SO-0010, INV99 → INV100, A9B → A10B), like BC's IncStr.
 */
export function incrementNumber(number: string, incrementBy = 1): string {
  if (!Number.isSafeInteger(incrementBy) || incrementBy < 1) {
    throw new DomainError('INVALID_INPUT', { detail: `Increment-by No. must be a whole number of at least 1, not ${incrementBy}.` }, 'incrementBy');
  }
  const digitRun = /(\d+)(\D*)$/.exec(number);
  if (digitRun === null) throw new DomainError('NUMBER_NOT_INCREMENTABLE', { number });
  const digits = digitRun[1]!;
  const prefix = number.slice(0, digitRun.index);
  const suffix = digitRun[2]!;
  // BigInt: a 20-character number does not fit in a double.
  const incremented = (BigInt(digits) + BigInt(incrementBy)).toString().padStart(digits.length, '0');
  const result = `${prefix}${incremented}${suffix}`;
  if (result.length > MAX_NUMBER_LENGTH) {
    throw new DomainError('NUMBER_TOO_LONG', { number: result, maxLength: MAX_NUMBER_LENGTH });
  }
  return result;
}

/**
 * Orders two numbers of a series. Numbers of one series share prefix and suffix and grow only by
 * widening their digits (INV99 → INV100), so a shorter number is the smaller one, and numbers of
 * equal length compare character by character. (Plain text order would put INV100 before INV99.)
 */
export function compareSeriesNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The open line whose Starting Date is the latest on or before date; a blank Starting Date counts
 * as the beginning of time. On a tie the higher line number wins (BC reads the last line of the
 * key Series Code, Starting Date, Line No.).
 */
export function selectSeriesLine(lines: readonly NoSeriesLine[], date: IsoDate, seriesCode = ''): NoSeriesLine {
  let selected: NoSeriesLine | null = null;
  for (const line of lines) {
    if (!line.open || !startsOnOrBefore(line, date)) continue;
    if (selected === null || startsLater(line, selected)) selected = line;
  }
  if (selected !== null) return selected;
  // Lines that did start but are all closed have handed out their last number.
  const used = lines.filter((line) => !line.open && startsOnOrBefore(line, date) && line.lastNoUsed);
  const last = used[used.length - 1];
  if (last) throw new DomainError('NO_SERIES_EXHAUSTED', { series: seriesCode, number: last.lastNoUsed, endingNo: last.endingNo ?? last.lastNoUsed });
  throw new DomainError('NO_SERIES_NO_LINE', { series: seriesCode, date });
}

/** Draws the next number of the series for date (document date, or posting date for posted numbers). */
export function drawNextNumber(series: NoSeries, lines: readonly NoSeriesLine[], date: IsoDate): DrawnNumber {
  const line = selectSeriesLine(lines, date, series.code);
  if (series.dateOrder && line.lastDateUsed !== null && compareDates(date, line.lastDateUsed) < 0) {
    throw new DomainError('NO_SERIES_DATE_ORDER', { series: series.code, date, lastDateUsed: line.lastDateUsed });
  }
  const number = nextNumberOf(line);
  if (line.endingNo && compareSeriesNumbers(number, line.endingNo) > 0) {
    throw new DomainError('NO_SERIES_EXHAUSTED', { series: series.code, number, endingNo: line.endingNo });
  }
  const warning = Boolean(line.warningNo) && compareSeriesNumbers(number, line.warningNo!) >= 0;
  // Like BC, Last Date Used is the date of the latest draw, and the line closes on its Ending No.
  const reachedEnd = Boolean(line.endingNo) && compareSeriesNumbers(number, line.endingNo!) === 0;
  const updatedLine: NoSeriesLine = { ...line, lastNoUsed: number, lastDateUsed: date, open: !reachedEnd };
  return { lineNo: line.lineNo, number, warning, updatedLine };
}

function nextNumberOf(line: NoSeriesLine): string {
  if (line.lastNoUsed) return incrementNumber(line.lastNoUsed, line.incrementBy);
  if (!line.startingNo) throw new DomainError('NUMBER_NOT_INCREMENTABLE', { number: line.startingNo });
  return line.startingNo;
}

function startsOnOrBefore(line: NoSeriesLine, date: IsoDate): boolean {
  return line.startingDate === null || compareDates(line.startingDate, date) <= 0;
}

function startsLater(line: NoSeriesLine, than: NoSeriesLine): boolean {
  const byDate = compareStartingDates(line.startingDate, than.startingDate);
  return byDate > 0 || (byDate === 0 && line.lineNo > than.lineNo);
}

function compareStartingDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return compareDates(a, b);
}
