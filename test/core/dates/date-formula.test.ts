import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type DateFormula,
  type DateFormulaTerm,
  calculateDate,
  formatDateFormula,
  isValidDateFormula,
  parseDateFormula,
} from '../../../src/core/dates/date-formula.ts';
import {
  addDays,
  compareDates,
  dayOfWeek,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  parseIsoDate,
  toDayNumber,
} from '../../../src/core/dates/calendar-date.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

// Reference weekdays: 2026-01-01 Thursday, 2026-01-05 Monday, 2026-01-11 Sunday, 1996-05-21 Tuesday.
describe('calculateDate', () => {
  it.each([
    // spec §11.1: document date 2026-01-01, terms 1M(8D)
    ['1M', '2026-01-01', '2026-02-01'],
    ['8D', '2026-01-01', '2026-01-09'],
    // examples of "System.CalcDate(Text [, Date]) Method"
    ['<CQ+1M-10D>', '1996-05-21', '1996-07-20'],
    ['<-WD2>', '1996-05-21', '1996-05-14'],
    ['<CM+30D>', '1996-05-21', '1996-06-30'],
    // days
    ['30D', '2026-01-15', '2026-02-14'],
    ['0D', '2026-01-15', '2026-01-15'],
    ['1D', '2025-12-31', '2026-01-01'],
    ['-1D', '2026-03-01', '2026-02-28'],
    ['-1D', '2024-03-01', '2024-02-29'],
    ['365D', '2024-01-01', '2024-12-31'],
    ['9999D', '2026-01-01', '2053-05-18'],
    // weeks
    ['1W', '2026-01-01', '2026-01-08'],
    ['-1W', '2026-01-05', '2025-12-29'],
    ['2W', '2026-12-25', '2027-01-08'],
    // months: the day is kept and clamped to the month end
    ['1M', '2026-01-31', '2026-02-28'],
    ['1M', '2024-01-31', '2024-02-29'],
    ['1M', '2026-02-28', '2026-03-28'],
    ['-1M', '2026-03-31', '2026-02-28'],
    ['13M', '2026-01-31', '2027-02-28'],
    ['-12M', '2026-05-15', '2025-05-15'],
    // quarters
    ['1Q', '2026-11-30', '2027-02-28'],
    ['-1Q', '2026-05-31', '2026-02-28'],
    ['2Q', '2026-01-15', '2026-07-15'],
    // years
    ['1Y', '2024-02-29', '2025-02-28'],
    ['4Y', '2024-02-29', '2028-02-29'],
    ['-1Y', '2026-06-30', '2025-06-30'],
    ['2Y', '2026-01-01', '2028-01-01'],
    // current period: + is its end, - its start; weeks run Monday–Sunday
    ['CD', '2026-01-15', '2026-01-15'],
    ['-CD', '2026-01-15', '2026-01-15'],
    ['CW', '2026-01-01', '2026-01-04'],
    ['-CW', '2026-01-01', '2025-12-29'],
    ['CW', '2026-01-05', '2026-01-11'],
    ['-CW', '2026-01-05', '2026-01-05'],
    ['CW', '2026-01-11', '2026-01-11'],
    ['-CW', '2026-01-11', '2026-01-05'],
    ['CM', '2026-02-10', '2026-02-28'],
    ['CM', '2024-02-10', '2024-02-29'],
    ['CM', '2026-01-31', '2026-01-31'],
    ['-CM', '2026-02-10', '2026-02-01'],
    ['-CM', '2026-02-01', '2026-02-01'],
    ['CQ', '2026-02-15', '2026-03-31'],
    ['CQ', '2026-04-01', '2026-06-30'],
    ['CQ', '2026-07-01', '2026-09-30'],
    ['CQ', '2026-12-31', '2026-12-31'],
    ['-CQ', '2026-06-30', '2026-04-01'],
    ['-CQ', '2026-10-01', '2026-10-01'],
    ['-CQ', '2026-03-31', '2026-01-01'],
    ['CY', '2026-05-05', '2026-12-31'],
    ['-CY', '2026-05-05', '2026-01-01'],
    // next day of the month: strictly after the date (before it with a minus)
    ['D10', '2026-01-05', '2026-01-10'],
    ['D10', '2026-01-10', '2026-02-10'],
    ['D10', '2026-01-25', '2026-02-10'],
    ['D10', '2026-12-15', '2027-01-10'],
    ['D1', '2026-01-31', '2026-02-01'],
    ['D15', '2026-01-15', '2026-02-15'],
    ['-D10', '2026-01-15', '2026-01-10'],
    ['-D10', '2026-01-10', '2025-12-10'],
    ['-D31', '2026-03-15', '2026-02-28'],
    // D31 / D30 in a shorter month: that month's last day (our choice; the docs are silent)
    ['D31', '2026-02-10', '2026-02-28'],
    ['D31', '2026-04-30', '2026-05-31'],
    ['D30', '2026-01-30', '2026-02-28'],
    ['D30', '2024-02-28', '2024-02-29'],
    // next weekday: strictly after the date (before it with a minus)
    ['WD1', '2026-01-01', '2026-01-05'],
    ['WD4', '2026-01-01', '2026-01-08'],
    ['WD7', '2026-01-01', '2026-01-04'],
    ['WD2', '2026-01-05', '2026-01-06'],
    ['WD5', '2026-01-02', '2026-01-09'],
    ['-WD1', '2026-01-05', '2025-12-29'],
    ['-WD7', '2026-01-05', '2026-01-04'],
    ['-WD5', '2026-01-05', '2026-01-02'],
    // combinations, left to right
    ['CM+10D', '2026-01-15', '2026-02-10'],
    ['CM+1D', '2026-01-15', '2026-02-01'],
    ['CM+1D', '2026-12-31', '2027-01-01'],
    ['-1M-CM', '2026-03-15', '2026-02-01'],
    ['-1M-CM', '2026-01-31', '2025-12-01'],
    ['1M+CM', '2026-01-31', '2026-02-28'],
    ['1M+CM', '2026-01-15', '2026-02-28'],
    ['CM+1M', '2026-01-15', '2026-02-28'],
    ['CM+1M', '2026-02-10', '2026-03-28'],
    ['CW+1W', '2026-01-01', '2026-01-11'],
    ['CQ+1M+20D', '2026-02-15', '2026-05-20'],
    ['-CM+14D', '2026-05-20', '2026-05-15'],
    ['CY+1D', '2026-06-01', '2027-01-01'],
    ['-CY-1D', '2026-06-01', '2025-12-31'],
    ['1M-1D', '2026-01-01', '2026-01-31'],
    ['-CW+WD5', '2026-01-07', '2026-01-09'],
    ['CM+D10', '2026-01-15', '2026-02-10'],
    // spelling: case, spaces, angle brackets, explicit plus, blank
    ['cm+10d', '2026-01-15', '2026-02-10'],
    [' CM + 10D ', '2026-01-15', '2026-02-10'],
    ['<CM+10D>', '2026-01-15', '2026-02-10'],
    ['< -1M - CM >', '2026-03-15', '2026-02-01'],
    ['+CM', '2026-02-10', '2026-02-28'],
    ['+1D+1D', '2026-02-10', '2026-02-12'],
    ['010D', '2026-01-01', '2026-01-11'],
    ['', '2026-02-10', '2026-02-10'],
    ['   ', '2026-02-10', '2026-02-10'],
    ['<>', '2026-02-10', '2026-02-10'],
  ])('%j on %s → %s', (formula, date, expected) => {
    expect(calculateDate(formula, date)).toBe(expected);
  });

  it('accepts a parsed formula', () => {
    expect(calculateDate(parseDateFormula('CM+10D'), '2026-01-15')).toBe('2026-02-10');
  });

  it('refuses an invalid date', () => {
    expect(domainErrorOf(() => calculateDate('1D', '2026-02-30')).code).toBe('INVALID_DATE');
  });

  it('refuses a result beyond 9999-12-31', () => {
    expect(domainErrorOf(() => calculateDate('1D', '9999-12-31')).code).toBe('INVALID_DATE');
  });
});

describe('parseDateFormula refuses garbage', () => {
  it.each([
    ['10X', "'X' is not a unit"],
    ['C10D', "'C' must be followed by D, W, M, Q or Y, not '1'"],
    ['1.5D', 'numbers must be whole'],
    ['1,5D', 'numbers must be whole'],
    ['+', "'+' must be followed by a term"],
    ['CM+', "'+' must be followed by a term"],
    ['CM-', "'-' must be followed by a term"],
    ['--1D', "'-' must be followed by a term"],
    ['1M++1D', "'+' must be followed by a term"],
    ['10', "'10' must be followed by a unit"],
    ['D', "'D' needs a number after it"],
    ['WD', "'WD' needs a number after it"],
    ['99999D', '99999 is larger than 9999'],
    ['10000D', '10000 is larger than 9999'],
    ['CM10D', "'+' or '-' is missing before '10D'"],
    ['10DD', "'+' or '-' is missing before 'D'"],
    ['D10D', "'+' or '-' is missing before 'D'"],
    ['C', "'C' must be followed by D, W, M, Q or Y"],
    ['CX', "'C' must be followed by D, W, M, Q or Y, not 'X'"],
    ['CWD', "'CWD' is not a period"],
    ['2WD', 'WD takes its number after it'],
    ['WD0', 'WD0 is out of range'],
    ['WD8', 'WD8 is out of range'],
    ['D0', 'D0 is out of range'],
    ['D32', 'D32 is out of range'],
    ['M3', 'only D and WD can be followed by a number'],
    ['X', "'X' is not a unit"],
    ['1D*2', "'+' or '-' is missing before '*2'"],
    ['<CM', "'<' and '>' must enclose the whole formula"],
    ['CM>', "'<' and '>' must enclose the whole formula"],
    ['<', "'<' and '>' must enclose the whole formula"],
    ['10D+1D+1D+1D+1D+1D+1D', 'at most 20 characters'],
  ])('%j: %s', (formula, reason) => {
    const error = domainErrorOf(() => parseDateFormula(formula));
    expect(error.code).toBe('INVALID_DATE_FORMULA');
    expect(error.params.formula).toBe(formula);
    expect(String(error.params.reason)).toContain(reason);
    expect(error.message).toContain(reason);
    expect(isValidDateFormula(formula)).toBe(false);
  });

  it('accepts exactly 20 characters', () => {
    expect(isValidDateFormula('1D+1D+1D+1D+1D+1D+1D')).toBe(true);
  });
});

describe('formatDateFormula', () => {
  it.each([
    ['cm + 10d', 'CM+10D'],
    ['<-1M-CM>', '-1M-CM'],
    ['+CM', 'CM'],
    ['d10', 'D10'],
    ['-wd2', '-WD2'],
    ['010D', '10D'],
    ['CQ+1M-10D', 'CQ+1M-10D'],
    ['-0D', '-0D'],
    ['', ''],
    ['<>', ''],
  ])('%j → %j', (text, canonical) => {
    expect(formatDateFormula(parseDateFormula(text))).toBe(canonical);
    expect(formatDateFormula(text)).toBe(canonical);
  });

  it('parses into terms', () => {
    expect(parseDateFormula('<-1M+CQ+WD2>')).toEqual({
      terms: [
        { kind: 'periods', sign: -1, count: 1, period: 'M' },
        { kind: 'current', sign: 1, period: 'Q' },
        { kind: 'next', sign: 1, unit: 'WD', position: 2 },
      ],
    });
  });
});

describe('date formula properties', () => {
  const isoDate = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }).map(fromDayNumber);
  const sign = fc.constantFrom<1 | -1>(1, -1);
  const period = fc.constantFrom('D', 'W', 'M', 'Q', 'Y' as const);
  const term: fc.Arbitrary<DateFormulaTerm> = fc.oneof(
    fc.record({ kind: fc.constant('periods' as const), sign, count: fc.integer({ min: 0, max: 99 }), period }),
    fc.record({ kind: fc.constant('current' as const), sign, period }),
    fc.record({ kind: fc.constant('next' as const), sign, unit: fc.constant('D' as const), position: fc.integer({ min: 1, max: 31 }) }),
    fc.record({ kind: fc.constant('next' as const), sign, unit: fc.constant('WD' as const), position: fc.integer({ min: 1, max: 7 }) }),
  );
  const formula: fc.Arbitrary<DateFormula> = fc
    .array(term, { maxLength: 4 })
    .map((terms) => ({ terms }))
    .filter((candidate) => formatDateFormula(candidate).length <= 20);

  it('nD then -nD returns the date', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: 0, max: 1000 }), (date, days) => {
      const later = calculateDate(`${days}D`, date);
      expect(calculateDate(`-${days}D`, later)).toBe(date);
      expect(later).toBe(addDays(date, days));
    }));
  });

  it('CM is the last day of the month, on or after the date; -CM the first, on or before it', () => {
    fc.assert(fc.property(isoDate, (date) => {
      const end = calculateDate('CM', date);
      const start = calculateDate('-CM', date);
      const { year, month } = parseIsoDate(date);
      expect(end).toBe(endOfMonth(date));
      expect(parseIsoDate(end).day).toBe(daysInMonth(year, month));
      expect(compareDates(end, date)).toBeGreaterThanOrEqual(0);
      expect(parseIsoDate(start)).toEqual({ year, month, day: 1 });
      expect(compareDates(start, date)).toBeLessThanOrEqual(0);
    }));
  });

  it('CW is the Sunday and -CW the Monday of the date\'s week', () => {
    fc.assert(fc.property(isoDate, (date) => {
      const sunday = calculateDate('CW', date);
      const monday = calculateDate('-CW', date);
      expect(dayOfWeek(sunday)).toBe(7);
      expect(dayOfWeek(monday)).toBe(1);
      expect(toDayNumber(sunday) - toDayNumber(monday)).toBe(6);
      expect(compareDates(monday, date) <= 0 && compareDates(date, sunday) <= 0).toBe(true);
    }));
  });

  it('WDn is the first day n strictly after the date, within a week', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: 1, max: 7 }), (date, weekday) => {
      const next = calculateDate(`WD${weekday}`, date);
      const previous = calculateDate(`-WD${weekday}`, date);
      expect(dayOfWeek(next)).toBe(weekday);
      expect(dayOfWeek(previous)).toBe(weekday);
      const ahead = toDayNumber(next) - toDayNumber(date);
      const behind = toDayNumber(date) - toDayNumber(previous);
      expect(ahead >= 1 && ahead <= 7 && behind >= 1 && behind <= 7).toBe(true);
    }));
  });

  it('Dn is strictly after the date, on day n (or the month end when shorter), within two months', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: 1, max: 31 }), (date, dayOfMonth) => {
      const next = calculateDate(`D${dayOfMonth}`, date);
      const { year, month, day } = parseIsoDate(next);
      expect(day).toBe(Math.min(dayOfMonth, daysInMonth(year, month)));
      expect(compareDates(next, date)).toBe(1);
      expect(toDayNumber(next) - toDayNumber(date)).toBeLessThanOrEqual(31);
    }));
  });

  it('formatting and parsing round-trip', () => {
    fc.assert(fc.property(formula, (candidate) => {
      expect(parseDateFormula(formatDateFormula(candidate))).toEqual(candidate);
      expect(parseDateFormula(`< ${formatDateFormula(candidate).toLowerCase()} >`)).toEqual(candidate);
    }));
  });

  it('any formula applies term by term, left to right', () => {
    fc.assert(fc.property(formula, isoDate, (candidate, date) => {
      const stepByStep = candidate.terms.reduce((current, single) => calculateDate({ terms: [single] }, current), date);
      expect(calculateDate(candidate, date)).toBe(stepByStep);
    }));
  });
});
