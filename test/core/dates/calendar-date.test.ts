import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfMonth,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  maxDate,
  minDate,
  parseIsoDate,
  startOfMonth,
  toDayNumber,
} from '../../../src/core/dates/calendar-date.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

/** Test oracle only: the platform's proleptic Gregorian calendar (core itself never uses Date). */
function oracleDayNumber(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  return utc.getTime() / 86_400_000;
}

const isoDateArbitrary = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') })
  .map(fromDayNumber);

describe('isIsoDate / parseIsoDate', () => {
  it.each([
    ['2026-01-01', { year: 2026, month: 1, day: 1 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0001-01-01', { year: 1, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
    ['2026-04-30', { year: 2026, month: 4, day: 30 }],
  ])('accepts %s', (text, parts) => {
    expect(isIsoDate(text)).toBe(true);
    expect(parseIsoDate(text)).toEqual(parts);
  });

  it.each([
    ['2023-02-29'], ['1900-02-29'], ['2100-02-29'], ['2026-04-31'], ['2026-13-01'], ['2026-00-10'],
    ['2026-01-00'], ['2026-01-32'], ['0000-01-01'], ['2026-1-01'], ['2026-01-1'], ['20260101'],
    [' 2026-01-01'], ['2026-01-01 '], ['2026-01-01T00:00:00Z'], ['26-01-01'], ['+2026-01-01'], [''], ['2026/01/01'],
  ])('refuses %j', (text) => {
    expect(isIsoDate(text)).toBe(false);
    const error = domainErrorOf(() => parseIsoDate(text));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.params).toEqual({ value: text });
  });

  it.each([[null], [20260101], [undefined], [{}]])('isIsoDate is false for the non-string %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('formatIsoDate', () => {
  it.each([
    [{ year: 2026, month: 1, day: 9 }, '2026-01-09'],
    [{ year: 1, month: 12, day: 31 }, '0001-12-31'],
    [{ year: 2024, month: 2, day: 29 }, '2024-02-29'],
  ])('%j → %s', (parts, text) => {
    expect(formatIsoDate(parts)).toBe(text);
  });

  it.each([
    [{ year: 2026, month: 2, day: 29 }],
    [{ year: 10000, month: 1, day: 1 }],
    [{ year: 0, month: 12, day: 31 }],
    [{ year: 2026, month: 1, day: 1.5 }],
  ])('refuses %j', (parts) => {
    expect(domainErrorOf(() => formatIsoDate(parts)).code).toBe('INVALID_DATE');
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true], [2026, false], [2000, true], [1900, false], [2100, false], [2400, true],
  ])('isLeapYear(%i) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2026, 1, 31], [2026, 2, 28], [2024, 2, 29], [2000, 2, 29], [1900, 2, 28], [2026, 4, 30],
    [2026, 6, 30], [2026, 9, 30], [2026, 11, 30], [2026, 12, 31], [2026, 7, 31], [2026, 8, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0], ['1970-01-02', 1], ['1969-12-31', -1], ['2000-03-01', 11017], ['0001-01-01', -719162],
  ])('toDayNumber(%s) = %i', (date, dayNumber) => {
    expect(toDayNumber(date)).toBe(dayNumber);
    expect(fromDayNumber(dayNumber)).toBe(date);
  });

  it('agrees with the platform calendar from year 1 to 9999', () => {
    const anyDay = fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') });
    fc.assert(fc.property(anyDay, (dayNumber) => {
      const date = fromDayNumber(dayNumber);
      expect(isIsoDate(date)).toBe(true);
      expect(toDayNumber(date)).toBe(dayNumber);
      expect(oracleDayNumber(date)).toBe(dayNumber);
    }), { numRuns: 2000 });
  });

  it('refuses days outside years 1–9999', () => {
    expect(domainErrorOf(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).code).toBe('INVALID_DATE');
    expect(domainErrorOf(() => addDays('0001-01-01', -1)).code).toBe('INVALID_DATE');
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-01', 0, '2026-01-01'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-01-01', 30, '2026-01-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('round-trips and counts with daysBetween', () => {
    fc.assert(fc.property(isoDateArbitrary, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
      const moved = addDays(date, days);
      expect(addDays(moved, -days)).toBe(date);
      expect(daysBetween(date, moved)).toBe(days);
    }));
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-05-31', -15, '2025-02-28'],
    ['2026-01-31', 0, '2026-01-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('keeps the day unless the month is shorter, then takes its last day', () => {
    fc.assert(fc.property(isoDateArbitrary, fc.integer({ min: -240, max: 240 }), (date, months) => {
      const original = parseIsoDate(date);
      const moved = parseIsoDate(addMonths(date, months));
      expect((moved.year - original.year) * 12 + moved.month - original.month).toBe(months);
      expect(moved.day).toBe(Math.min(original.day, daysInMonth(moved.year, moved.month)));
    }));
  });
});

describe('month bounds', () => {
  it.each([
    ['2026-02-14', '2026-02-01', '2026-02-28'],
    ['2024-02-14', '2024-02-01', '2024-02-29'],
    ['2026-12-31', '2026-12-01', '2026-12-31'],
  ])('%s: start %s, end %s', (date, start, end) => {
    expect(startOfMonth(date)).toBe(start);
    expect(endOfMonth(date)).toBe(end);
  });
});

describe('dayOfWeek (ISO, Monday 1 … Sunday 7)', () => {
  it.each([
    ['2026-01-05', 1], ['2026-01-06', 2], ['2026-01-07', 3], ['2026-01-01', 4], ['2026-01-02', 5],
    ['2026-01-03', 6], ['2026-01-04', 7], ['1996-05-21', 2], ['2000-01-01', 6], ['1970-01-01', 4], ['0001-01-01', 1],
  ])('%s → %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('advances by one each day and wraps from Sunday to Monday', () => {
    fc.assert(fc.property(isoDateArbitrary, (date) => {
      expect(dayOfWeek(addDays(date, 1))).toBe((dayOfWeek(date) % 7) + 1);
    }));
  });
});

describe('comparing dates', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
    ['0999-12-31', '1000-01-01', -1],
  ])('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('refuses invalid dates', () => {
    expect(domainErrorOf(() => compareDates('2026-02-30', '2026-01-01')).code).toBe('INVALID_DATE');
  });

  it('minDate and maxDate', () => {
    expect(minDate('2026-03-01', '2025-12-31', '2026-01-15')).toBe('2025-12-31');
    expect(maxDate('2026-03-01', '2025-12-31', '2026-01-15')).toBe('2026-03-01');
    expect(minDate('2026-03-01')).toBe('2026-03-01');
  });

  it.each([
    ['2026-01-01', '2026-01-31', 30],
    ['2026-01-31', '2026-01-01', -30],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-01-01', '2026-01-01', 0],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('orders like day numbers', () => {
    fc.assert(fc.property(isoDateArbitrary, isoDateArbitrary, (a, b) => {
      expect(compareDates(a, b)).toBe(Math.sign(toDayNumber(a) - toDayNumber(b)));
    }));
  });
});
