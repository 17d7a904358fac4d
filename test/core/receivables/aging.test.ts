import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates/calendar-date.ts';
import { dec, sum } from '../../../src/core/money/decimal.ts';
import { balanceDueLcy } from '../../../src/core/receivables/balance-due.ts';
import {
  ageEntries, agingBuckets, areDayEdges, bucketIndexOf, isAgingPeriodLength, referenceDate, totalBalanceLcy, type OpenEntryAsOf,
} from '../../../src/core/receivables/aging.ts';

const asOf = '2026-03-31';
const fixed = (amounts: { amounts: { toFixed(scale: number): string }[]; balance: { toFixed(scale: number): string } }) =>
  [...amounts.amounts.map((amount) => amount.toFixed(2)), amounts.balance.toFixed(2)];

function entry(fields: Partial<OpenEntryAsOf> & { remaining: string }): OpenEntryAsOf {
  const { remaining, ...rest } = fields;
  return {
    customerNo: 'C', currencyCode: '', postingDate: '2026-03-01', dueDate: null, documentDate: null,
    remainingAmount: dec(remaining), remainingAmountLcy: dec(remaining), ...rest,
  };
}

describe('agingBuckets: Current, then periods stepped back from the as-of date, then older', () => {
  it('30D × 3 (the default): current / 1–30 / 31–60 / 61–90 / over 90 days', () => {
    expect(agingBuckets(asOf)).toEqual([
      { label: 'Current', from: '2026-03-31', to: null },
      { label: '1–30 days', from: '2026-03-01', to: '2026-03-30' },
      { label: '31–60 days', from: '2026-01-30', to: '2026-02-28' },
      { label: '61–90 days', from: '2025-12-31', to: '2026-01-29' },
      { label: 'Over 90 days', from: null, to: '2025-12-30' },
    ]);
  });

  it('day edges give the same buckets as 30D, and any other cut', () => {
    expect(agingBuckets(asOf, { dayEdges: [30, 60, 90] })).toEqual(agingBuckets(asOf));
    expect(agingBuckets(asOf, { dayEdges: [15, 45] }).map((bucket) => bucket.label)).toEqual(['Current', '1–15 days', '16–45 days', 'Over 45 days']);
  });

  it('1M steps back a calendar month at a time, as CalcDate does (clamped at month ends)', () => {
    expect(agingBuckets(asOf, { periodLength: '1M', periods: 2 })).toEqual([
      { label: 'Current', from: '2026-03-31', to: null },
      { label: '1–31 days', from: '2026-02-28', to: '2026-03-30' },
      { label: '32–62 days', from: '2026-01-28', to: '2026-02-27' },
      { label: 'Over 62 days', from: null, to: '2026-01-27' },
    ]);
  });

  it('refuses a period that cannot be stepped back and day edges out of order', () => {
    expect(isAgingPeriodLength('30D')).toBe(true);
    expect(isAgingPeriodLength('1Q')).toBe(true);
    for (const bad of ['CM', '-30D', '0D', '1M+5D', 'x', '', '367D', '13M', '2Y']) expect(isAgingPeriodLength(bad)).toBe(false);
    expect(() => agingBuckets(asOf, { periodLength: 'CM', periods: 3 })).toThrow(/date formula/);
    expect(areDayEdges([30, 60, 90])).toBe(true);
    for (const bad of [[], [0], [60, 30], [30, 30], [1.5]]) expect(areDayEdges(bad)).toBe(false);
    expect(() => agingBuckets(asOf, { dayEdges: [60, 30] })).toThrow(/ascending/);
  });
});

describe('bucketIndexOf: edges', () => {
  const buckets = agingBuckets(asOf);
  it.each<[string, number]>([
    ['2026-04-15', 0], ['2026-03-31', 0], // due on the as-of date: not overdue yet
    ['2026-03-30', 1], ['2026-03-01', 1], // 1 and 30 days overdue
    ['2026-02-28', 2], ['2026-01-30', 2],
    ['2026-01-29', 3], ['2025-12-31', 3],
    ['2025-12-30', 4], ['2020-01-01', 4],
  ])('reference date %s → bucket %i', (date, index) => {
    expect(bucketIndexOf(date, buckets)).toBe(index);
  });
});

describe('referenceDate', () => {
  it('due date, posting date or document date; no due date (a payment) or no document date: the posting date', () => {
    const dates = { postingDate: '2026-03-01', dueDate: '2026-03-31', documentDate: '2026-02-27' };
    expect(referenceDate(dates, 'dueDate')).toBe('2026-03-31');
    expect(referenceDate(dates, 'postingDate')).toBe('2026-03-01');
    expect(referenceDate(dates, 'documentDate')).toBe('2026-02-27');
    expect(referenceDate({ ...dates, dueDate: null, documentDate: null }, 'dueDate')).toBe('2026-03-01');
    expect(referenceDate({ ...dates, dueDate: null, documentDate: null }, 'documentDate')).toBe('2026-03-01');
  });
});

describe('ageEntries', () => {
  const entries = [
    entry({ customerNo: 'A', postingDate: '2026-03-01', dueDate: '2026-03-31', remaining: '1000' }), // due today: current
    entry({ customerNo: 'A', postingDate: '2026-01-15', dueDate: '2026-02-14', remaining: '250.50' }), // 45 days overdue
    entry({ customerNo: 'A', postingDate: '2026-03-20', remaining: '-300' }), // unapplied payment, 11 days old
    entry({ customerNo: 'B', postingDate: '2025-10-01', dueDate: '2025-10-31', remaining: '80' }), // 151 days overdue
    entry({ customerNo: 'B', postingDate: '2026-03-25', dueDate: '2026-03-25', remaining: '-80', documentDate: '2026-03-24' }), // credit memo
  ];

  it('by due date: per customer and in total; a credit lowers its own bucket', () => {
    const report = ageEntries(entries, { asOf, agingBy: 'dueDate' }, new Map([['A', 'Alpha']]));
    expect(report.customers.map((row) => [row.customerNo, row.name, fixed(row.lcy)])).toEqual([
      ['A', 'Alpha', ['1000.00', '-300.00', '250.50', '0.00', '0.00', '950.50']],
      ['B', '', ['0.00', '-80.00', '0.00', '0.00', '80.00', '0.00']],
    ]);
    expect(fixed(report.totals.lcy)).toEqual(['1000.00', '-380.00', '250.50', '0.00', '80.00', '950.50']);
  });

  it('by posting date the same entries age from when they were posted', () => {
    const report = ageEntries(entries, { asOf, agingBy: 'postingDate' });
    expect(fixed(report.customers[0]!.lcy)).toEqual(['0.00', '700.00', '0.00', '250.50', '0.00', '950.50']);
    expect(fixed(report.customers[1]!.lcy)).toEqual(['0.00', '-80.00', '0.00', '0.00', '80.00', '0.00']);
  });

  it('keeps a customer whose buckets cancel out (balance 0) and leaves out one with nothing open', () => {
    const report = ageEntries([...entries, entry({ customerNo: 'Z', remaining: '0' })], { asOf, agingBy: 'dueDate' });
    expect(report.customers.map((row) => row.customerNo)).toEqual(['A', 'B']);
  });

  it('document currency beside LCY, per customer and in total', () => {
    const report = ageEntries([
      entry({ customerNo: 'A', currencyCode: 'USD', dueDate: '2026-04-30', remainingAmount: dec('110'), remainingAmountLcy: dec('100'), remaining: '0' }),
      entry({ customerNo: 'A', dueDate: '2026-03-10', remaining: '50' }),
    ], { asOf, agingBy: 'dueDate' });
    const [customer] = report.customers;
    expect(fixed(customer!.lcy)).toEqual(['100.00', '50.00', '0.00', '0.00', '0.00', '150.00']);
    expect(customer!.currencies.map((row) => [row.currencyCode, ...fixed(row)])).toEqual([
      ['', '0.00', '50.00', '0.00', '0.00', '0.00', '50.00'],
      ['USD', '110.00', '0.00', '0.00', '0.00', '0.00', '110.00'],
    ]);
    expect(report.totals.currencies.map((row) => row.currencyCode)).toEqual(['', 'USD']);
  });

  it('by due date, everything but Current is the Balance Due (LCY) at the as-of date', () => {
    const report = ageEntries(entries.filter((row) => row.customerNo === 'A'), { asOf, agingBy: 'dueDate' });
    const due = balanceDueLcy(entries.filter((row) => row.customerNo === 'A').map((row) => ({ dueDate: row.dueDate ?? row.postingDate, remainingAmountLcy: row.remainingAmountLcy })), asOf);
    expect(report.customers[0]!.lcy.balance.minus(report.customers[0]!.lcy.amounts[0]!).toFixed(2)).toBe(due.toFixed(2));
  });

  it('property: whatever the buckets, they sum to the balance, and the customers to the total', () => {
    const dates = fc.integer({ min: -400, max: 60 }).map((days) => addDays(asOf, days));
    const arbitraryEntry = fc.record({
      customerNo: fc.constantFrom('A', 'B', 'C'), currencyCode: fc.constantFrom('', 'USD'), postingDate: dates, dueDate: fc.option(dates), documentDate: fc.option(dates),
      cents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    }).map(({ cents, ...rest }) => ({ ...rest, remainingAmount: dec(String(cents)).div(100), remainingAmountLcy: dec(String(cents)).div(100) }));
    const periods = fc.oneof(
      fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }).map((edges) => ({ dayEdges: [...edges].sort((a, b) => a - b) })),
      fc.record({ periodLength: fc.constantFrom('7D', '30D', '1M', '1Q'), periods: fc.integer({ min: 1, max: 6 }) }),
    );
    fc.assert(fc.property(fc.array(arbitraryEntry, { maxLength: 30 }), periods, fc.constantFrom('dueDate', 'postingDate', 'documentDate') as fc.Arbitrary<'dueDate'>, (open, cut, agingBy) => {
      const report = ageEntries(open, { asOf, agingBy, periods: cut });
      const expected = sum(open.map((row) => row.remainingAmountLcy));
      expect(report.totals.lcy.balance.toFixed(2)).toBe(expected.toFixed(2));
      expect(totalBalanceLcy(report).toFixed(2)).toBe(expected.toFixed(2));
      for (const row of report.customers) expect(sum(row.lcy.amounts).toFixed(2)).toBe(row.lcy.balance.toFixed(2));
    }));
  });
});
