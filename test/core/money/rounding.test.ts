import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '../../../src/core/money/decimal.ts';
import {
  type RoundingDirection,
  invoiceRoundingDifference,
  roundAmount,
  roundQuantity,
  roundTo,
  roundUnitAmount,
} from '../../../src/core/money/rounding.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

describe('roundTo', () => {
  // The examples table of "System.Round Method" (Business Central AL reference).
  it.each<[string, string, RoundingDirection, string]>([
    ['1234.56789', '100', 'nearest', '1200'],
    ['1234.56789', '0.1', 'nearest', '1234.6'],
    ['1234.56789', '0.001', 'nearest', '1234.568'],
    ['1234.56789', '0.001', 'down', '1234.567'],
    ['1234.56789', '0.001', 'up', '1234.568'],
    ['-1234.56789', '100', 'nearest', '-1200'],
    ['-1234.56789', '0.1', 'nearest', '-1234.6'],
    ['-1234.56789', '0.001', 'nearest', '-1234.568'],
    ['-1234.56789', '0.001', 'down', '-1234.567'],
    ['-1234.56789', '0.001', 'up', '-1234.568'],
  ])('BC docs: Round(%s, %s, %s) = %s', (value, precision, direction, expected) => {
    expect(roundTo(dec(value), precision, direction).toString()).toBe(expected);
  });

  it.each<[string, string, RoundingDirection, string]>([
    // halves go away from zero
    ['2.5', '1', 'nearest', '3'],
    ['-2.5', '1', 'nearest', '-3'],
    ['0.125', '0.01', 'nearest', '0.13'],
    ['-0.125', '0.01', 'nearest', '-0.13'],
    ['0.124999', '0.01', 'nearest', '0.12'],
    // precisions that are not powers of ten
    ['1.03', '0.05', 'nearest', '1.05'],
    ['1.024', '0.05', 'nearest', '1'],
    ['1.025', '0.05', 'nearest', '1.05'],
    ['-1.025', '0.05', 'nearest', '-1.05'],
    ['1.01', '0.05', 'up', '1.05'],
    ['1.09', '0.05', 'down', '1.05'],
    ['7.25', '0.5', 'nearest', '7.5'],
    ['7.24', '0.5', 'nearest', '7'],
    ['1.3', '0.25', 'nearest', '1.25'],
    ['1.375', '0.25', 'nearest', '1.5'],
    ['1246.88', '1', 'nearest', '1247'],
    ['1246.88', '1', 'down', '1246'],
    ['1246.12', '1', 'up', '1247'],
    ['15', '10', 'nearest', '20'],
    ['14.99', '10', 'nearest', '10'],
    ['11', '10', 'up', '20'],
    ['19', '10', 'down', '10'],
    ['-11', '10', 'up', '-20'],
    ['-19', '10', 'down', '-10'],
    ['1.234565', '0.00001', 'nearest', '1.23457'],
    ['1.234564999', '0.00001', 'nearest', '1.23456'],
    ['0.000001', '0.00001', 'up', '0.00001'],
    // already a multiple: unchanged in every direction
    ['12.34', '0.01', 'up', '12.34'],
    ['12.34', '0.01', 'down', '12.34'],
    ['-12.34', '0.01', 'up', '-12.34'],
    ['0', '0.01', 'up', '0'],
  ])('Round(%s, %s, %s) = %s', (value, precision, direction, expected) => {
    expect(roundTo(dec(value), precision, direction).toString()).toBe(expected);
  });

  it('defaults to nearest', () => {
    expect(roundTo(dec('0.125'), '0.01').toString()).toBe('0.13');
  });

  it('accepts the precision as a Decimal', () => {
    expect(roundTo(dec('1.03'), dec('0.05')).toString()).toBe('1.05');
  });

  it('never returns negative zero', () => {
    const rounded = roundTo(dec('-0.001'), '0.01');
    expect(rounded.isZero()).toBe(true);
    expect(rounded.isNegative()).toBe(false);
  });

  it.each([['0'], ['-0.01'], ['-1']])('refuses the precision %s', (precision) => {
    const error = domainErrorOf(() => roundTo(dec('1'), precision));
    expect(error.code).toBe('INVALID_ROUNDING_PRECISION');
  });

  it('refuses a precision that is not a decimal', () => {
    expect(domainErrorOf(() => roundTo(dec('1'), 'abc')).code).toBe('INVALID_DECIMAL');
  });
});

describe('roundTo properties', () => {
  const value = fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }))
    .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));
  const precision = fc.constantFrom('0.00001', '0.001', '0.01', '0.05', '0.25', '0.5', '1', '10', '100');
  const direction = fc.constantFrom<RoundingDirection>('nearest', 'up', 'down');

  it('returns a multiple of the precision', () => {
    fc.assert(fc.property(value, precision, direction, (number, step, way) => {
      expect(roundTo(number, step, way).mod(step).isZero()).toBe(true);
    }));
  });

  it('nearest moves at most half a step; up and down less than a step', () => {
    fc.assert(fc.property(value, precision, direction, (number, step, way) => {
      const distance = roundTo(number, step, way).minus(number).abs();
      const limit = way === 'nearest' ? dec(step).div(2) : dec(step);
      expect(way === 'nearest' ? distance.lessThanOrEqualTo(limit) : distance.lessThan(limit)).toBe(true);
    }));
  });

  it('up never shrinks the magnitude, down never grows it', () => {
    fc.assert(fc.property(value, precision, (number, step) => {
      expect(roundTo(number, step, 'up').abs().greaterThanOrEqualTo(number.abs())).toBe(true);
      expect(roundTo(number, step, 'down').abs().lessThanOrEqualTo(number.abs())).toBe(true);
    }));
  });

  it('is symmetric around zero and idempotent', () => {
    fc.assert(fc.property(value, precision, direction, (number, step, way) => {
      const rounded = roundTo(number, step, way);
      expect(roundTo(number.negated(), step, way).equals(rounded.negated())).toBe(true);
      expect(roundTo(rounded, step, way).equals(rounded)).toBe(true);
    }));
  });
});

describe('named roundings', () => {
  it.each([
    ['10.005', '10.01'],
    ['-10.005', '-10.01'],
    ['10.00499', '10'],
    ['0.333333', '0.33'],
  ])('roundAmount(%s) = %s (Amount Rounding Precision 0.01)', (value, expected) => {
    expect(roundAmount(dec(value)).toString()).toBe(expected);
  });

  it('roundAmount takes the currency precision', () => {
    expect(roundAmount(dec('1234.5'), '1').toString()).toBe('1235');
    expect(roundAmount(dec('12.344'), '0.005').toString()).toBe('12.345');
  });

  it.each([
    ['1.234565', '1.23457'],
    ['1.234564', '1.23456'],
    ['-0.000005', '-0.00001'],
  ])('roundUnitAmount(%s) = %s (Unit-Amount Rounding Precision 0.00001)', (value, expected) => {
    expect(roundUnitAmount(dec(value)).toString()).toBe(expected);
  });

  it('roundUnitAmount takes the currency precision', () => {
    expect(roundUnitAmount(dec('1.23456'), '0.001').toString()).toBe('1.235');
  });

  it.each([
    ['3.333333', '3.33333'],
    ['0.000005', '0.00001'],
    ['12', '12'],
  ])('roundQuantity(%s) = %s', (value, expected) => {
    expect(roundQuantity(dec(value)).toString()).toBe(expected);
  });
});

describe('invoiceRoundingDifference', () => {
  // Spec §4.7: precision 1.00, total 1246.88: Nearest → +0.12 (invoiced 1247.00); Down → −0.88 (1246.00).
  it.each<[string, string, RoundingDirection, string, string]>([
    ['1246.88', '1.00', 'nearest', '0.12', '1247'],
    ['1246.88', '1.00', 'down', '-0.88', '1246'],
    ['1246.88', '1.00', 'up', '0.12', '1247'],
    ['1246.12', '1.00', 'nearest', '-0.12', '1246'],
    ['1246.12', '1.00', 'up', '0.88', '1247'],
    ['1246.50', '1.00', 'nearest', '0.5', '1247'],
    ['1246.00', '1.00', 'nearest', '0', '1246'],
    ['1246.87', '0.05', 'nearest', '-0.02', '1246.85'],
    ['1246.88', '0.05', 'nearest', '0.02', '1246.9'],
    ['1246.88', '0.10', 'down', '-0.08', '1246.8'],
    ['1246.88', '10', 'nearest', '3.12', '1250'],
    ['-1246.88', '1.00', 'nearest', '-0.12', '-1247'],
    ['-1246.88', '1.00', 'down', '0.88', '-1246'],
  ])('total %s, precision %s, %s → %s (invoiced %s)', (total, precision, direction, expected, invoiced) => {
    const difference = invoiceRoundingDifference(dec(total), precision, direction);
    expect(difference.toString()).toBe(expected);
    expect(dec(total).plus(difference).toString()).toBe(invoiced);
  });

  it('rounds the difference to the amount rounding precision', () => {
    // A currency without decimals: the difference itself is a whole amount.
    expect(invoiceRoundingDifference(dec('1249'), '5', 'nearest', '1').toString()).toBe('1');
  });

  it('never returns negative zero', () => {
    const difference = invoiceRoundingDifference(dec('100.00'), '1', 'down');
    expect(difference.isZero() && !difference.isNegative()).toBe(true);
  });

  it('always lands the total on the invoice rounding precision', () => {
    const total = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((cents) => new Decimal(cents.toString()).div(100));
    const invoicePrecision = fc.constantFrom('0.01', '0.05', '0.1', '0.5', '1', '10');
    const direction = fc.constantFrom<RoundingDirection>('nearest', 'up', 'down');
    fc.assert(fc.property(total, invoicePrecision, direction, (amount, precision, way) => {
      const invoiced = amount.plus(invoiceRoundingDifference(amount, precision, way));
      expect(invoiced.mod(precision).isZero()).toBe(true);
      expect(invoiced.equals(roundTo(amount, precision, way))).toBe(true);
    }));
  });
});
