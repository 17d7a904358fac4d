import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, isDecimalString, sum, toFixedString } from '../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

describe('Decimal clone', () => {
  it('keeps 34 significant digits and rounds halves away from zero', () => {
    expect(Decimal.precision).toBe(34);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(new Decimal(1).div(3).toString()).toBe('0.' + '3'.repeat(34));
  });

  it.each([
    ['0.0000001', '0.0000001'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['-0.000000000000000000001', '-0.000000000000000000001'],
  ])('prints %s in plain notation', (input, expected) => {
    expect(dec(input).toString()).toBe(expected);
  });
});

describe('dec', () => {
  it.each([
    ['0', '0'],
    ['12', '12'],
    ['-12.345', '-12.345'],
    ['0.5', '0.5'],
    ['007.50', '7.5'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['99999999999999999.99999', '99999999999999999.99999'],
  ])('accepts %j', (input, expected) => {
    expect(dec(input).toString()).toBe(expected);
  });

  it.each([
    [''], [' '], ['1e3'], ['1E3'], ['NaN'], ['Infinity'], ['-Infinity'], [' 12'], ['12 '], ['+12'],
    ['.5'], ['5.'], ['1,5'], ['1.2.3'], ['--1'], ['0x10'], ['12abc'], ['−5'],
  ])('refuses %j with INVALID_DECIMAL', (input) => {
    const error = domainErrorOf(() => dec(input));
    expect(error.code).toBe('INVALID_DECIMAL');
    expect(error.params).toEqual({ value: input });
  });

  it('passes a Decimal through with the same value', () => {
    const value = new Decimal('12.30');
    expect(dec(value).equals(value)).toBe(true);
  });

  it('refuses values that are not strings at run time', () => {
    expect(domainErrorOf(() => dec(12 as unknown as string)).code).toBe('INVALID_DECIMAL');
  });
});

describe('isDecimalString', () => {
  it.each([
    ['1', true], ['-1.25', true], ['0.00', true], ['1e2', false], ['', false], ['NaN', false], [' 1', false],
  ])('%j → %s', (input, expected) => {
    expect(isDecimalString(input)).toBe(expected);
  });

  it.each([[1], [null], [undefined], [{}]])('is false for the non-string %j', (input) => {
    expect(isDecimalString(input)).toBe(false);
  });
});

describe('sum', () => {
  it.each([
    [[], '0'],
    [['1.10', '2.20'], '3.3'],
    [['0.1', '0.2'], '0.3'],
    [['-5', '5'], '0'],
    [['100.005', '-0.005', '0.01'], '100.01'],
  ])('%j → %s', (values, expected) => {
    expect(sum(values.map((value) => dec(value))).toString()).toBe(expected);
  });
});

describe('toFixedString', () => {
  it.each([
    ['12.5', 2, '12.50'],
    ['12', 2, '12.00'],
    ['2.345', 2, '2.35'],
    ['-2.345', 2, '-2.35'],
    ['2.344999', 2, '2.34'],
    ['-0.001', 2, '0.00'],
    ['-0.004', 2, '0.00'],
    ['-0.005', 2, '-0.01'],
    ['1.23456', 5, '1.23456'],
    ['1.5', 0, '2'],
    ['-1.5', 0, '-2'],
    ['1234567890123456.78', 2, '1234567890123456.78'],
  ])('%s to %i places → %s', (input, scale, expected) => {
    expect(toFixedString(dec(input), scale)).toBe(expected);
  });

  it('is the inverse of dec for values already at the scale', () => {
    const cents = fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n });
    fc.assert(
      fc.property(cents, (value) => {
        const amount = new Decimal(value.toString()).div(100);
        const text = toFixedString(amount, 2);
        expect(isDecimalString(text)).toBe(true);
        expect(dec(text).equals(amount)).toBe(true);
      }),
    );
  });
});

describe('ZERO', () => {
  it('is zero and not negative', () => {
    expect(ZERO.isZero()).toBe(true);
    expect(ZERO.isNegative()).toBe(false);
  });
});
