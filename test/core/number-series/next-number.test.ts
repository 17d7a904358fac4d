import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type NoSeriesLine,
  compareSeriesNumbers,
  drawNextNumber,
  incrementNumber,
  selectSeriesLine,
} from '../../../src/core/number-series/next-number.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

function seriesLine(overrides: Partial<NoSeriesLine> = {}): NoSeriesLine {
  return {
    lineNo: 10000,
    startingDate: null,
    startingNo: 'SO-0001',
    endingNo: null,
    warningNo: null,
    incrementBy: 1,
    lastNoUsed: null,
    lastDateUsed: null,
    open: true,
    ...overrides,
  };
}

const salesOrders = { code: 'S-ORD', dateOrder: false };
const postedInvoices = { code: 'S-INV+', dateOrder: true };

describe('incrementNumber', () => {
  it.each<[string, number, string]>([
    ['SO-0009', 1, 'SO-0010'],
    ['INV99', 1, 'INV100'],
    ['A9B', 1, 'A10B'],
    ['9', 1, '10'],
    ['0', 1, '1'],
    ['000', 1, '001'],
    ['SO-0001', 10, 'SO-0011'],
    ['INV-00099', 5, 'INV-00104'],
    ['A1B2C', 1, 'A1B3C'],
    ['X-9-Y', 1, 'X-10-Y'],
    ['2026-0999', 1, '2026-1000'],
    ['PO/2026/17/A', 1, 'PO/2026/18/A'],
    ['12345678901234567890', 1, '12345678901234567891'],
    ['9999999999999999999', 1, '10000000000000000000'],
    ['SO-0001', 9999, 'SO-10000'],
  ])('%s + %i = %s', (number, incrementBy, expected) => {
    expect(incrementNumber(number, incrementBy)).toBe(expected);
  });

  it('increments by one by default', () => {
    expect(incrementNumber('SO-0009')).toBe('SO-0010');
  });

  it.each([['ABC'], [''], ['SO-'], ['-']])('refuses %j: no digits', (number) => {
    const error = domainErrorOf(() => incrementNumber(number));
    expect(error.code).toBe('NUMBER_NOT_INCREMENTABLE');
    expect(error.params).toEqual({ number });
  });

  it.each([['99999999999999999999'], ['ABCDEFGHIJKLMNOPQR99'], ['X9999999999999999999']])('refuses %s: the result passes 20 characters', (number) => {
    const error = domainErrorOf(() => incrementNumber(number));
    expect(error.code).toBe('NUMBER_TOO_LONG');
    expect(error.params.maxLength).toBe(20);
    expect(String(error.params.number)).toHaveLength(21);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses the increment %s', (incrementBy) => {
    const error = domainErrorOf(() => incrementNumber('SO-0001', incrementBy));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('incrementBy');
  });

  it('keeps prefix and suffix and grows the series order', () => {
    const affix = fc.stringMatching(/^[A-Z\-/]{0,6}$/);
    const digits = fc.stringMatching(/^[0-9]{1,8}$/);
    fc.assert(fc.property(affix, digits, affix, fc.integer({ min: 1, max: 1000 }), (prefix, run, suffix, step) => {
      const number = `${prefix}${run}${suffix}`;
      const next = incrementNumber(number, step);
      expect(next.startsWith(prefix)).toBe(true);
      expect(next.endsWith(suffix)).toBe(true);
      const nextRun = next.slice(prefix.length, next.length - suffix.length);
      expect(BigInt(nextRun)).toBe(BigInt(run) + BigInt(step));
      expect(nextRun.length).toBe(Math.max(run.length, nextRun.replace(/^0+(?=\d)/, '').length));
      expect(compareSeriesNumbers(next, number)).toBe(1);
    }));
  });
});

describe('compareSeriesNumbers', () => {
  it.each([
    ['SO-0009', 'SO-0010', -1],
    ['SO-0010', 'SO-0010', 0],
    ['INV99', 'INV100', -1],
    ['INV100', 'INV99', 1],
    ['9', '10', -1],
    ['B1', 'A2', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareSeriesNumbers(a, b)).toBe(expected);
  });
});

describe('selectSeriesLine', () => {
  const lines = [
    seriesLine({ lineNo: 10000, startingDate: null, startingNo: 'A-001' }),
    seriesLine({ lineNo: 20000, startingDate: '2026-01-01', startingNo: 'B-001' }),
    seriesLine({ lineNo: 30000, startingDate: '2027-01-01', startingNo: 'C-001' }),
  ];

  it.each([
    ['2025-06-01', 10000],
    ['2025-12-31', 10000],
    ['2026-01-01', 20000],
    ['2026-06-01', 20000],
    ['2027-01-01', 30000],
    ['2099-01-01', 30000],
  ])('on %s picks line %i', (date, lineNo) => {
    expect(selectSeriesLine(lines, date, 'S-ORD').lineNo).toBe(lineNo);
  });

  it('skips a closed line for the latest open one before it', () => {
    const withClosed = [lines[0]!, { ...lines[1]!, open: false }, lines[2]!];
    expect(selectSeriesLine(withClosed, '2026-06-01').lineNo).toBe(10000);
  });

  it('takes the higher line number when starting dates tie', () => {
    const tied = [
      seriesLine({ lineNo: 20000, startingDate: '2026-01-01' }),
      seriesLine({ lineNo: 10000, startingDate: '2026-01-01' }),
    ];
    expect(selectSeriesLine(tied, '2026-02-01').lineNo).toBe(20000);
  });

  it('ranks a blank starting date before any date', () => {
    const mixed = [seriesLine({ lineNo: 20000, startingDate: '2026-01-01' }), seriesLine({ lineNo: 30000, startingDate: null })];
    expect(selectSeriesLine(mixed, '2026-02-01').lineNo).toBe(20000);
  });

  it.each<[string, NoSeriesLine[], string]>([
    ['no lines', [], '2026-01-01'],
    ['only later lines', [seriesLine({ startingDate: '2026-02-01' })], '2026-01-31'],
    ['only closed lines', [seriesLine({ open: false })], '2026-01-31'],
  ])('refuses %s with NO_SERIES_NO_LINE', (_case, candidates, date) => {
    const error = domainErrorOf(() => selectSeriesLine(candidates, date, 'S-ORD'));
    expect(error.code).toBe('NO_SERIES_NO_LINE');
    expect(error.params).toEqual({ series: 'S-ORD', date });
  });

  it('refuses an invalid date', () => {
    expect(domainErrorOf(() => selectSeriesLine(lines, '2026-02-30')).code).toBe('INVALID_DATE');
  });
});

describe('drawNextNumber', () => {
  it('draws the Starting No. first', () => {
    const drawn = drawNextNumber(salesOrders, [seriesLine()], '2026-01-15');
    expect(drawn).toEqual({
      lineNo: 10000,
      number: 'SO-0001',
      warning: false,
      updatedLine: seriesLine({ lastNoUsed: 'SO-0001', lastDateUsed: '2026-01-15' }),
    });
  });

  it.each<[Partial<NoSeriesLine>, string]>([
    [{ lastNoUsed: 'SO-0001' }, 'SO-0002'],
    [{ lastNoUsed: 'SO-0009' }, 'SO-0010'],
    [{ lastNoUsed: 'SO-0010', incrementBy: 10 }, 'SO-0020'],
    [{ lastNoUsed: 'INV99', startingNo: 'INV1' }, 'INV100'],
  ])('after %j draws %s', (line, expected) => {
    const drawn = drawNextNumber(salesOrders, [seriesLine(line)], '2026-01-15');
    expect(drawn.number).toBe(expected);
    expect(drawn.updatedLine.lastNoUsed).toBe(expected);
  });

  it('draws from the line that applies on the date', () => {
    const lines = [
      seriesLine({ lineNo: 10000, startingDate: '2025-01-01', startingNo: 'S25-001', lastNoUsed: 'S25-117' }),
      seriesLine({ lineNo: 20000, startingDate: '2026-01-01', startingNo: 'S26-001' }),
    ];
    expect(drawNextNumber(salesOrders, lines, '2025-12-31')).toMatchObject({ lineNo: 10000, number: 'S25-118' });
    expect(drawNextNumber(salesOrders, lines, '2026-01-01')).toMatchObject({ lineNo: 20000, number: 'S26-001' });
  });

  it.each<[string, string, boolean]>([
    ['SO-0097', 'SO-0098', false],
    ['SO-0098', 'SO-0099', true],
    ['SO-0099', 'SO-0100', true],
  ])('after %s draws %s with warning %s (Warning No. SO-0099)', (lastNoUsed, number, warning) => {
    const line = seriesLine({ lastNoUsed, warningNo: 'SO-0099', endingNo: 'SO-0100' });
    expect(drawNextNumber(salesOrders, [line], '2026-01-15')).toMatchObject({ number, warning });
  });

  it('closes the line when it hands out the Ending No.', () => {
    const drawn = drawNextNumber(salesOrders, [seriesLine({ lastNoUsed: 'SO-0099', endingNo: 'SO-0100' })], '2026-01-15');
    expect(drawn.number).toBe('SO-0100');
    expect(drawn.updatedLine.open).toBe(false);
    const next = domainErrorOf(() => drawNextNumber(salesOrders, [drawn.updatedLine], '2026-01-15'));
    expect(next.code).toBe('NO_SERIES_EXHAUSTED');
  });

  it('keeps the line open below the Ending No.', () => {
    const drawn = drawNextNumber(salesOrders, [seriesLine({ lastNoUsed: 'SO-0098', endingNo: 'SO-0100' })], '2026-01-15');
    expect(drawn.updatedLine.open).toBe(true);
  });

  it.each<[Partial<NoSeriesLine>, string]>([
    [{ lastNoUsed: 'SO-0100', endingNo: 'SO-0100' }, 'SO-0101'],
    [{ lastNoUsed: 'SO-0095', endingNo: 'SO-0100', incrementBy: 10 }, 'SO-0105'],
    [{ startingNo: 'SO-0200', endingNo: 'SO-0100' }, 'SO-0200'],
    [{ lastNoUsed: '99', startingNo: '1', endingNo: '99' }, '100'],
  ])('refuses to pass the Ending No. (%j)', (line, number) => {
    const error = domainErrorOf(() => drawNextNumber(salesOrders, [seriesLine(line)], '2026-01-15'));
    expect(error.code).toBe('NO_SERIES_EXHAUSTED');
    expect(error.params).toEqual({ series: 'S-ORD', number, endingNo: line.endingNo });
    expect(error.message).toContain('cannot assign new numbers');
  });

  it('compares by length before text, so 9 is below an Ending No. of 10', () => {
    const drawn = drawNextNumber(salesOrders, [seriesLine({ startingNo: '1', lastNoUsed: '8', endingNo: '10', warningNo: '10' })], '2026-01-15');
    expect(drawn).toMatchObject({ number: '9', warning: false });
    expect(drawn.updatedLine.open).toBe(true);
  });

  it('with Date Order refuses a date before the Last Date Used', () => {
    const line = seriesLine({ lastNoUsed: 'SO-0005', lastDateUsed: '2026-01-20' });
    const error = domainErrorOf(() => drawNextNumber(postedInvoices, [line], '2026-01-19'));
    expect(error.code).toBe('NO_SERIES_DATE_ORDER');
    expect(error.params).toEqual({ series: 'S-INV+', date: '2026-01-19', lastDateUsed: '2026-01-20' });
  });

  it('with Date Order accepts the same date and later dates', () => {
    const line = seriesLine({ lastNoUsed: 'SO-0005', lastDateUsed: '2026-01-20' });
    expect(drawNextNumber(postedInvoices, [line], '2026-01-20').number).toBe('SO-0006');
    expect(drawNextNumber(postedInvoices, [line], '2026-02-01').updatedLine.lastDateUsed).toBe('2026-02-01');
  });

  it('without Date Order accepts an earlier date and records it as the Last Date Used', () => {
    const line = seriesLine({ lastNoUsed: 'SO-0005', lastDateUsed: '2026-01-20' });
    const drawn = drawNextNumber(salesOrders, [line], '2026-01-02');
    expect(drawn.number).toBe('SO-0006');
    expect(drawn.updatedLine.lastDateUsed).toBe('2026-01-02');
  });

  it('refuses a line without a Starting No.', () => {
    expect(domainErrorOf(() => drawNextNumber(salesOrders, [seriesLine({ startingNo: '' })], '2026-01-15')).code)
      .toBe('NUMBER_NOT_INCREMENTABLE');
  });

  it('leaves the lines it was given unchanged', () => {
    const line = seriesLine({ lastNoUsed: 'SO-0005' });
    const copy = structuredClone(line);
    drawNextNumber(salesOrders, [line], '2026-01-15');
    expect(line).toEqual(copy);
  });

  it('repeated draws give strictly increasing numbers, one increment apart', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 25 }), (draws, incrementBy) => {
      let line = seriesLine({ startingNo: 'SO-00001', incrementBy });
      const numbers: string[] = [];
      for (let draw = 0; draw < draws; draw++) {
        const drawn = drawNextNumber(salesOrders, [line], '2026-01-15');
        numbers.push(drawn.number);
        line = drawn.updatedLine;
      }
      numbers.forEach((number, index) => {
        expect(BigInt(number.slice(3))).toBe(1n + BigInt(index * incrementBy));
        if (index > 0) expect(compareSeriesNumbers(number, numbers[index - 1]!)).toBe(1);
      });
    }));
  });
});

