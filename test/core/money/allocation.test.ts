import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateProportionally } from '../../../src/core/money/allocation.ts';
import { Decimal, dec, sum } from '../../../src/core/money/decimal.ts';
import { domainErrorOf } from '../domain-error-helper.ts';

const decimals = (values: readonly string[]) => values.map((value) => dec(value));
const texts = (values: readonly Decimal[]) => values.map((value) => value.toString());

describe('allocateProportionally', () => {
  it.each<[string, string[], string | undefined, string[]]>([
    ['100', ['1', '1', '1'], undefined, ['33.33', '33.34', '33.33']],
    ['-100', ['1', '1', '1'], undefined, ['-33.33', '-33.34', '-33.33']],
    ['10', ['1', '2', '3', '4'], undefined, ['1', '2', '3', '4']],
    ['100', ['1'], undefined, ['100']],
    ['100', ['1', '0', '1'], undefined, ['50', '0', '50']],
    ['0.01', ['1', '1', '1'], undefined, ['0', '0.01', '0']],
    ['0', ['5', '7'], undefined, ['0', '0']],
    ['100.00', ['200', '300', '500'], undefined, ['20', '30', '50']],
    ['99.99', ['0.5', '0.25', '0.25'], undefined, ['50', '24.99', '25']],
    ['10', ['1', '1', '1'], '1', ['3', '4', '3']],
    ['1', ['1', '1', '1'], '0.05', ['0.35', '0.3', '0.35']],
    ['1', ['1', '1', '1'], '0.00001', ['0.33333', '0.33334', '0.33333']],
    // a negative weight (a return line inside an invoice discount base)
    ['100', ['2', '-1'], undefined, ['200', '-100']],
    ['100', ['3', '-1', '2'], undefined, ['75', '-25', '50']],
    ['-50', ['3', '-1', '2'], undefined, ['-37.5', '12.5', '-25']],
    // all weights zero: the whole amount on the last element
    ['100', ['0', '0', '0'], undefined, ['0', '0', '100']],
    ['-7.5', ['0'], undefined, ['-7.5']],
  ])('%s over %j (precision %s) → %j', (total, weights, precision, expected) => {
    const parts = allocateProportionally(dec(total), decimals(weights), precision);
    expect(texts(parts)).toEqual(expected);
    expect(sum(parts).equals(dec(total))).toBe(true);
  });

  it('returns no parts for zero over no weights', () => {
    expect(allocateProportionally(dec('0'), [])).toEqual([]);
  });

  it.each<[string, string[], string, string]>([
    ['100', [], '0.01', 'nothing to allocate it to'],
    ['100', ['1', '-1'], '0.01', 'add up to zero'],
    ['100.005', ['1', '1'], '0.01', 'not a multiple of the rounding precision 0.01'],
    ['1.02', ['1', '1'], '0.05', 'not a multiple of the rounding precision 0.05'],
  ])('refuses %s over %j at %s', (total, weights, precision, reason) => {
    const error = domainErrorOf(() => allocateProportionally(dec(total), decimals(weights), precision));
    expect(error.code).toBe('ALLOCATION_IMPOSSIBLE');
    expect(String(error.params.reason)).toContain(reason);
  });

  it('refuses a precision of zero', () => {
    expect(domainErrorOf(() => allocateProportionally(dec('1'), [dec('1')], '0')).code).toBe('INVALID_ROUNDING_PRECISION');
  });

  it('never returns negative zero', () => {
    const parts = allocateProportionally(dec('-0.01'), decimals(['1', '1', '1']));
    expect(parts.filter((part) => part.isZero()).every((part) => !part.isNegative())).toBe(true);
  });
});

describe('allocateProportionally properties', () => {
  const precision = fc.constantFrom('0.01', '0.05', '1', '0.00001', '0.5');
  const steps = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
  const weight = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => new Decimal(cents).div(100));
  const weights = fc.array(weight, { minLength: 1, maxLength: 30 }).filter((list) => !sum(list).isZero());
  const nonNegativeWeights = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }).map((value) => new Decimal(value).div(1000)), { minLength: 1, maxLength: 30 });
  const multiple = (count: bigint, step: string) => new Decimal(count.toString()).times(step);

  it('parts are multiples of the precision and sum exactly to the total', () => {
    fc.assert(fc.property(steps, weights, precision, (count, list, step) => {
      const total = multiple(count, step);
      const parts = allocateProportionally(total, list, step);
      expect(parts).toHaveLength(list.length);
      expect(sum(parts).equals(total)).toBe(true);
      expect(parts.every((part) => part.mod(step).isZero())).toBe(true);
    }));
  });

  it('each part is within one precision step of its exact share', () => {
    fc.assert(fc.property(steps, weights, precision, (count, list, step) => {
      const total = multiple(count, step);
      const totalWeight = sum(list);
      allocateProportionally(total, list, step).forEach((part, index) => {
        const exactShare = total.times(list[index]!).div(totalWeight);
        expect(part.minus(exactShare).abs().lessThanOrEqualTo(step)).toBe(true);
      });
    }));
  });

  it('with a non-negative total and weights every part is non-negative', () => {
    fc.assert(fc.property(steps.map((count) => (count < 0n ? -count : count)), nonNegativeWeights, precision, (count, list, step) => {
      const parts = allocateProportionally(multiple(count, step), list, step);
      expect(parts.every((part) => !part.isNegative())).toBe(true);
    }));
  });

  it('negating the total negates every part', () => {
    fc.assert(fc.property(steps, weights, precision, (count, list, step) => {
      const total = multiple(count, step);
      const parts = allocateProportionally(total, list, step);
      const negatedParts = allocateProportionally(total.negated(), list, step);
      negatedParts.forEach((part, index) => expect(part.equals(parts[index]!.negated())).toBe(true));
    }));
  });
});
