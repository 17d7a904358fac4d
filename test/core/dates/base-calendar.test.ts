import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type BaseCalendarChange,
  type CalendarSource,
  calcDateBOC,
  calcDateBOC2,
  checkDateStatus,
  isNonworkingDay,
  reverseDateFormula,
} from '../../../src/core/dates/base-calendar.ts';
import { type IsoWeekday, addDays, compareDates, fromDayNumber } from '../../../src/core/dates/calendar-date.ts';
import { calculateDate } from '../../../src/core/dates/date-formula.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

// Reference weekdays: 2026-01-05 Monday, 2026-01-09 Friday, 2026-01-10 Saturday, 2026-01-11 Sunday,
// 2026-12-24 Thursday, 2026-12-25 Friday.

function weekly(day: IsoWeekday, nonworking = true, description = ''): BaseCalendarChange {
  return { recurringSystem: 'weekly', date: null, day, description, nonworking };
}

function annual(date: string, description: string, nonworking = true): BaseCalendarChange {
  return { recurringSystem: 'annual', date, day: null, description, nonworking };
}

function single(date: string, description: string, nonworking = true): BaseCalendarChange {
  return { recurringSystem: 'none', date, day: null, description, nonworking };
}

function calendar(baseChanges: BaseCalendarChange[], customizedChanges: BaseCalendarChange[] = []): CalendarSource {
  return { baseChanges, customizedChanges };
}

const weekends = calendar([weekly(6, true, 'Saturday'), weekly(7, true, 'Sunday')]);
const noCalendars = { from: null, to: null };

describe('isNonworkingDay / checkDateStatus', () => {
  it('treats every day as a working day without a calendar', () => {
    expect(isNonworkingDay(null, '2026-01-10')).toBe(false);
    expect(checkDateStatus(null, '2026-12-25')).toEqual({ nonworking: false, description: '' });
  });

  it('makes weekly recurring Saturdays and Sundays non-working and leaves weekdays working', () => {
    expect(isNonworkingDay(weekends, '2026-01-10')).toBe(true);
    expect(isNonworkingDay(weekends, '2026-01-11')).toBe(true);
    expect(isNonworkingDay(weekends, '2026-01-09')).toBe(false);
    expect(checkDateStatus(weekends, '2026-01-11')).toEqual({ nonworking: true, description: 'Sunday' });
  });

  it('repeats an annual holiday every year on the same month and day', () => {
    const christmas = calendar([annual('2020-12-25', 'Christmas Day')]);
    expect(checkDateStatus(christmas, '2026-12-25')).toEqual({ nonworking: true, description: 'Christmas Day' });
    expect(isNonworkingDay(christmas, '2031-12-25')).toBe(true);
    expect(isNonworkingDay(christmas, '2026-12-24')).toBe(false);
  });

  it('lets a 29 February annual holiday fall only in leap years', () => {
    const leapDay = calendar([annual('2024-02-29', 'Leap day')]);
    expect(isNonworkingDay(leapDay, '2028-02-29')).toBe(true);
    expect(isNonworkingDay(leapDay, '2026-02-28')).toBe(false);
    expect(isNonworkingDay(leapDay, '2026-03-01')).toBe(false);
  });

  it('makes a single-date change apply to that date only', () => {
    const stocktaking = calendar([single('2026-03-31', 'Stocktaking')]);
    expect(isNonworkingDay(stocktaking, '2026-03-31')).toBe(true);
    expect(isNonworkingDay(stocktaking, '2027-03-31')).toBe(false);
  });

  it('lets a customized change override the base calendar (a base non-working day made working)', () => {
    const warehouseOpenOneSaturday = calendar(
      [weekly(6, true, 'Saturday'), weekly(7, true, 'Sunday')],
      [single('2026-01-10', 'Inventory Saturday', false)],
    );
    expect(checkDateStatus(warehouseOpenOneSaturday, '2026-01-10')).toEqual({ nonworking: false, description: 'Inventory Saturday' });
    expect(isNonworkingDay(warehouseOpenOneSaturday, '2026-01-17')).toBe(true);
  });

  it('lets a customized weekly change override a base weekly change for the same weekday', () => {
    const opensOnSaturdays = calendar([weekly(6), weekly(7)], [weekly(6, false, 'Open Saturdays')]);
    expect(isNonworkingDay(opensOnSaturdays, '2026-01-10')).toBe(false);
    expect(isNonworkingDay(opensOnSaturdays, '2026-01-11')).toBe(true);
  });

  it('lets a single date beat an annual and a weekly change within one calendar, whatever the listed order (BC key order)', () => {
    const base = calendar([weekly(6), annual('2020-01-10', 'Founders day'), single('2026-01-10', 'Open day', false)]);
    expect(checkDateStatus(base, '2026-01-10')).toEqual({ nonworking: false, description: 'Open day' });
    expect(checkDateStatus(base, '2032-01-10')).toEqual({ nonworking: true, description: 'Founders day' });
  });

  it('refuses a date that is not a valid ISO date', () => {
    expect(domainErrorOf(() => isNonworkingDay(weekends, '2026-02-30')).code).toBe('INVALID_DATE');
  });
});

describe('calcDateBOC', () => {
  it.each([
    ['2D', '2026-01-10', '2026-01-12'],
    ['-2D', '2026-01-10', '2026-01-08'],
    ['1M', '2026-01-31', '2026-02-28'],
    ['CM', '2026-01-10', '2026-01-31'],
    ['', '2026-01-10', '2026-01-10'],
  ])('without calendars applies %s to %s like CalcDate: %s', (formula, date, expected) => {
    expect(calcDateBOC(formula, date, noCalendars, true)).toBe(expected);
  });

  it.each([
    ['2D', '2026-01-09', '2026-01-13'], // Sat, Sun skipped; Mon 1, Tue 2
    ['1D', '2026-01-09', '2026-01-12'],
    ['-2D', '2026-01-12', '2026-01-08'], // Sun, Sat skipped; Fri 1, Thu 2
    ['1W', '2026-01-05', '2026-01-14'], // a week spans 7 days, counted as 7 working days
    ['', '2026-01-10', '2026-01-12'], // an empty formula settles forward onto a working day
    ['0D', '2026-01-10', '2026-01-12'],
    ['-0D', '2026-01-10', '2026-01-09'], // "-0D" settles backward
  ])('with a weekend calendar applies %s to %s: %s', (formula, date, expected) => {
    expect(calcDateBOC(formula, date, { from: weekends, to: null }, false)).toBe(expected);
  });

  it('pushes a date past an annual holiday and the weekend after it', () => {
    const holidays = calendar([weekly(6), weekly(7), annual('2000-12-25', 'Christmas Day')]);
    expect(calcDateBOC('1D', '2026-12-24', { from: holidays, to: null }, false)).toBe('2026-12-28');
    expect(calcDateBOC('-1D', '2026-12-28', { from: holidays, to: null }, false)).toBe('2026-12-24');
  });

  it('counts on the first calendar only and settles on both when checkBoth is set', () => {
    const agentClosedMonday = calendar([single('2026-01-12', 'Agent closed')]);
    const calendars = { from: weekends, to: agentClosedMonday };
    expect(calcDateBOC('1D', '2026-01-09', calendars, true)).toBe('2026-01-13');
    expect(calcDateBOC('1D', '2026-01-09', calendars, false)).toBe('2026-01-12');
  });

  it('counts on the second calendar when checkBoth is set and the first one is blank', () => {
    expect(calcDateBOC('2D', '2026-01-09', { from: null, to: weekends }, true)).toBe('2026-01-13');
    // Without checkBoth the blank first calendar decides alone: every day counts.
    expect(calcDateBOC('2D', '2026-01-09', { from: null, to: weekends }, false)).toBe('2026-01-11');
  });

  it('stops counting forward at the convergence time frame (1Y = 365 days by default)', () => {
    expect(calcDateBOC('400D', '2026-01-01', noCalendars, false)).toBe('2027-01-01');
    expect(calcDateBOC('400D', '2026-01-01', noCalendars, false, { convergenceDays: 500 })).toBe('2027-02-05');
    expect(calcDateBOC('-400D', '2026-01-01', noCalendars, false)).toBe(addDays('2026-01-01', -400));
  });

  it('with a convergence time frame of 0 days takes one step and settles once, as BC does', () => {
    expect(calcDateBOC('2D', '2026-01-05', noCalendars, false, { convergenceDays: 0 })).toBe('2026-01-06');
    expect(calcDateBOC('', '2026-01-10', { from: weekends, to: null }, false, { convergenceDays: 0 })).toBe('2026-01-11');
  });

  it('refuses a calendar without any working day instead of searching forever', () => {
    const closed = calendar([1, 2, 3, 4, 5, 6, 7].map((day) => weekly(day as IsoWeekday)));
    const error = domainErrorOf(() => calcDateBOC('-1D', '2026-01-10', { from: closed, to: null }, false));
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('refuses an invalid formula or a negative convergence time frame', () => {
    expect(domainErrorOf(() => calcDateBOC('2X', '2026-01-10', noCalendars, false)).code).toBe('INVALID_DATE_FORMULA');
    expect(domainErrorOf(() => calcDateBOC('1D', '2026-01-10', noCalendars, false, { convergenceDays: -1 })).code).toBe('INVALID_INPUT');
  });

  it('without calendars equals CalcDate for any day or week formula within the convergence time frame', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 50 }), fc.constantFrom('D', 'W'), fc.boolean(), fc.integer({ min: 18000, max: 25000 }),
      (count, unit, negative, dayNumber) => {
        const formula = `${negative ? '-' : ''}${count}${unit}`;
        const date = fromDayNumber(dayNumber);
        expect(calcDateBOC(formula, date, noCalendars, true)).toBe(calculateDate(formula, date));
      },
    ));
  });

  it('lands on a working day at least as far away as the formula, for calendars with a working weekday', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }), fc.integer({ min: 1, max: 20 }),
      fc.boolean(), fc.integer({ min: 18000, max: 25000 }),
      (closedDays, count, negative, dayNumber) => {
        const source = calendar(closedDays.map((day) => weekly(day as IsoWeekday)));
        const date = fromDayNumber(dayNumber);
        const result = calcDateBOC(`${negative ? '-' : ''}${count}D`, date, { from: source, to: null }, false);
        expect(isNonworkingDay(source, result)).toBe(false);
        const plain = addDays(date, negative ? -count : count);
        expect(compareDates(result, plain) * (negative ? -1 : 1)).toBeGreaterThanOrEqual(0);
      },
    ));
  });
});

describe('calcDateBOC2 / reverseDateFormula', () => {
  it.each([
    ['2D', '-2D'],
    ['-1W', '1W'],
    ['CM+10D', '-CM-10D'],
    ['<1M-CM>', '-1M+CM'],
    ['', ''],
  ])('reverses %s into %s', (formula, reversed) => {
    expect(reverseDateFormula(formula)).toBe(reversed);
  });

  it('subtracts working days', () => {
    expect(calcDateBOC2('2D', '2026-01-12', { from: weekends, to: null }, false)).toBe('2026-01-08');
    expect(calcDateBOC2('-2D', '2026-01-09', { from: weekends, to: null }, false)).toBe('2026-01-13');
  });
});
