import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec, toFixedString } from '../../../src/core/money/decimal.ts';
import { roundAmount } from '../../../src/core/money/rounding.ts';
import {
  calculateLineAmount,
  lineDiscountPercentFromAmount,
  lineDiscountPercentFromLineAmount,
} from '../../../src/core/sales/line-amounts.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const pricing = (quantity: string, unitPrice: string) => ({ quantity: dec(quantity), unitPrice: dec(unitPrice) });

describe('calculateLineAmount', () => {
  it.each<[string, string, string, string, string, string]>([
    // quantity, unit price, line discount %, precision → line discount amount, line amount
    ['10', '100', '10', '0.01', '100.00', '900.00'], // §7.11: 1000.00 − 100.00
    ['8', '100', '0', '0.01', '0.00', '800.00'], // §7.12 line 1
    ['3', '33.333', '0', '0.01', '0.00', '100.00'], // round(99.999)
    ['3', '33.333', '10', '0.01', '10.00', '90.00'], // round(9.9999)
    ['3', '3.335', '50', '0.01', '5.00', '5.01'], // spec §4.2: round(10.005 × 50 %) = round(5.0025)
    ['1.5', '19.99', '12.5', '0.01', '3.75', '26.24'], // gross round(29.985) = 29.99; discount round(3.748125)
    ['7', '0.15', '33.33333', '0.01', '0.35', '0.70'],
    ['1', '10', '100', '0.01', '10.00', '0.00'],
    ['0', '100', '10', '0.01', '0.00', '0.00'],
    ['-2', '10', '10', '0.01', '-2.00', '-18.00'], // negative quantity: the opposite flow
    ['2', '-10', '10', '0.01', '-2.00', '-18.00'], // negative price: a discount line
    ['3', '1333', '5', '1', '200.00', '3799.00'], // a currency rounded to whole units: round(199.95)
  ])('%s × %s less %s %% (precision %s) → discount %s, line amount %s', (quantity, unitPrice, percent, precision, discount, amount) => {
    const result = calculateLineAmount({ ...pricing(quantity, unitPrice), lineDiscountPercent: dec(percent) }, precision);
    expect(toFixedString(result.lineDiscountAmount, 2)).toBe(discount);
    expect(toFixedString(result.lineAmount, 2)).toBe(amount);
  });

  it.each(['-0.00001', '100.00001', '150'])('refuses a Line Discount %% of %s', (percent) => {
    const error = domainErrorOf(() => calculateLineAmount({ ...pricing('1', '10'), lineDiscountPercent: dec(percent) }, '0.01'));
    expect(error.code).toBe('LINE_DISCOUNT_OUT_OF_RANGE');
  });

  it('line amount + line discount amount = round(quantity × unit price)', () => {
    const amount = (scale: number) => fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n).div(10 ** scale));
    const percent = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(100_000));
    fc.assert(fc.property(amount(3), amount(5), percent, (quantity, unitPrice, lineDiscountPercent) => {
      const { lineDiscountAmount, lineAmount } = calculateLineAmount({ quantity, unitPrice, lineDiscountPercent }, '0.01');
      expect(lineAmount.plus(lineDiscountAmount).equals(roundAmount(quantity.times(unitPrice)))).toBe(true);
      expect(lineDiscountAmount.mod('0.01').isZero()).toBe(true);
    }));
  });
});

describe('lineDiscountPercentFromAmount (Line Discount Amount typed)', () => {
  it.each<[string, string, string, string]>([
    ['10', '100', '100', '10'],
    ['3', '33.33', '10', '10.001'], // 10 / 99.99 × 100 = 10.0010001… → five decimals
    ['3', '1', '1', '33.33333'],
    ['3', '1', '2', '66.66667'],
    ['10', '100', '1000', '100'],
    ['10', '100', '0', '0'],
    ['10', '100', '0.004', '0'], // the typed amount is rounded to the precision first
    ['-2', '10', '-5', '25'], // same sign as the gross amount: a discount
    ['0', '100', '0', '0'], // gross 0: no percentage
    ['5', '0', '0', '0'],
  ])('%s × %s, discount %s → %s %%', (quantity, unitPrice, discountAmount, expected) => {
    const percent = lineDiscountPercentFromAmount({ ...pricing(quantity, unitPrice), lineDiscountAmount: dec(discountAmount) }, '0.01');
    expect(percent.toString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['10', '100', '1000.01'], // more than the gross amount
    ['10', '100', '-1'], // a negative discount would raise the price
    ['-2', '10', '5'],
    ['0', '100', '5'], // a discount on nothing
  ])('refuses %s × %s with discount %s', (quantity, unitPrice, discountAmount) => {
    const error = domainErrorOf(() =>
      lineDiscountPercentFromAmount({ ...pricing(quantity, unitPrice), lineDiscountAmount: dec(discountAmount) }, '0.01'));
    expect(error.code).toBe('LINE_DISCOUNT_OUT_OF_RANGE');
  });

  it('gives back the typed amount when the line is recalculated from the percent (gross below 100 000)', () => {
    const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
    const cases = fc.tuple(fc.integer({ min: 1, max: 1000 }), cents(1, 9_999_999))
      .chain(([quantity, unitPrice]) => {
        const gross = roundAmount(unitPrice.times(quantity));
        return fc.tuple(fc.constant(new Decimal(quantity)), fc.constant(unitPrice), fc.integer({ min: 0, max: gross.times(100).toNumber() }));
      })
      .filter(([quantity, unitPrice]) => quantity.times(unitPrice).lessThan(100_000));
    fc.assert(fc.property(cases, ([quantity, unitPrice, discountCents]) => {
      const lineDiscountAmount = new Decimal(discountCents).div(100);
      const lineDiscountPercent = lineDiscountPercentFromAmount({ quantity, unitPrice, lineDiscountAmount }, '0.01');
      const recalculated = calculateLineAmount({ quantity, unitPrice, lineDiscountPercent }, '0.01');
      expect(recalculated.lineDiscountAmount.equals(lineDiscountAmount)).toBe(true);
    }));
  });
});

describe('lineDiscountPercentFromLineAmount (Line Amount typed)', () => {
  it.each<[string, string, string, string]>([
    ['10', '100', '900', '10'], // BC: discount amount = 1000.00 − 900.00
    ['10', '100', '1000', '0'],
    ['10', '100', '0', '100'],
    ['3', '33.333', '90', '10'], // gross round(99.999) = 100.00
    ['-2', '10', '-15', '25'],
    ['10', '100', '899.995', '10'], // the typed amount is rounded first: 900.00
  ])('%s × %s, line amount %s → %s %%', (quantity, unitPrice, lineAmount, expected) => {
    const percent = lineDiscountPercentFromLineAmount({ ...pricing(quantity, unitPrice), lineAmount: dec(lineAmount) }, '0.01');
    expect(percent.toString()).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['10', '100', '1000.01'], // above the gross amount
    ['10', '100', '-1'], // the other sign
    ['-2', '10', '-20.01'],
  ])('refuses %s × %s with line amount %s', (quantity, unitPrice, lineAmount) => {
    const error = domainErrorOf(() =>
      lineDiscountPercentFromLineAmount({ ...pricing(quantity, unitPrice), lineAmount: dec(lineAmount) }, '0.01'));
    expect(error.code).toBe('LINE_DISCOUNT_OUT_OF_RANGE');
  });
});
