/**
 * Splitting an amount over lines (invoice discount, freight, payment discount …) so the parts are
 * rounded and still add up to the amount exactly.
 */
import { DomainError } from '../errors.ts';
import { type Decimal, ZERO, sum } from './decimal.ts';
import { AMOUNT_ROUNDING_PRECISION, roundTo, roundingPrecision } from './rounding.ts';

/**
 * Parts proportional to weights, each a multiple of precision, summing exactly to total.
 *
 * Cumulative rounding: part i = round(total × (w1 + … + wi) / Σw) − (part1 + … + part i−1), so
 * each part is within one precision step of its exact share and no remainder is left over.
 * Negative totals and negative weights follow the same formula.
 *
 * When every weight is zero there is no proportion to follow: the whole total goes to the last
 * element (where BC leaves rounding residue), the others get zero. Weights that are not all zero
 * but cancel out (e.g. 1 and −1) have no meaningful proportion and are refused.
 */
export function allocateProportionally(
  total: Decimal,
  weights: readonly Decimal[],
  precision: Decimal | string = AMOUNT_ROUNDING_PRECISION,
): Decimal[] {
  const step = roundingPrecision(precision);
  if (!total.mod(step).isZero()) {
    refuse(total, `it is not a multiple of the rounding precision ${step.toString()}`);
  }
  if (weights.length === 0) {
    if (total.isZero()) return [];
    refuse(total, 'there is nothing to allocate it to');
  }
  const totalWeight = sum(weights);
  if (totalWeight.isZero()) {
    if (!weights.every((weight) => weight.isZero())) refuse(total, 'the weights add up to zero');
    return weights.map((_, index) => (index === weights.length - 1 ? total : ZERO));
  }
  return cumulativeParts(total, weights, totalWeight, step);
}

function cumulativeParts(
  total: Decimal,
  weights: readonly Decimal[],
  totalWeight: Decimal,
  step: Decimal,
): Decimal[] {
  const parts: Decimal[] = [];
  let cumulativeWeight = ZERO;
  let allocated = ZERO;
  weights.forEach((weight, index) => {
    cumulativeWeight = cumulativeWeight.plus(weight);
    // The last target is the total itself, so division rounding can never leave a residue.
    const target = index === weights.length - 1
      ? total
      : roundTo(total.times(cumulativeWeight).div(totalWeight), step);
    const part = target.minus(allocated);
    parts.push(part.isZero() ? ZERO : part);
    allocated = target;
  });
  return parts;
}

function refuse(total: Decimal, reason: string): never {
  throw new DomainError('ALLOCATION_IMPOSSIBLE', { total: total.toString(), reason });
}
