/**
 * The amount range of a statement line (BC's Bank Acc. Reconciliation Line GetAmountRangeForTolerance)
 * and where an entry's amount stands in it.
 */
import { type Decimal, ZERO } from '../../money/decimal.ts';
import { roundAmount } from '../../money/rounding.ts';
import type { MatchTolerance } from './types.ts';

export interface AmountRange {
  minimum: Decimal;
  maximum: Decimal;
}

/**
 * Amount: [A − v, A + v], clamped at 0 so a receipt never reaches into payments (and back);
 * Percentage: [A × (1 − v/100), A × (1 + v/100)] (the bounds swapped for money out). Both bounds are
 * rounded to the amount precision, as BC rounds them.
 */
export function amountRange(statementAmount: Decimal, tolerance: MatchTolerance, precision: Decimal): AmountRange {
  let minimum: Decimal;
  let maximum: Decimal;
  if (tolerance.type === 'amount') {
    minimum = statementAmount.minus(tolerance.value);
    maximum = statementAmount.plus(tolerance.value);
  } else {
    const share = tolerance.value.div(100);
    minimum = statementAmount.times(share.negated().plus(1));
    maximum = statementAmount.times(share.plus(1));
    if (statementAmount.isNegative()) [minimum, maximum] = [maximum, minimum];
  }
  // BC clamps only the Amount type; a percentage above 100 would cross zero the same way.
  if (!statementAmount.isNegative() && minimum.isNegative()) minimum = ZERO;
  if (statementAmount.isNegative() && maximum.isPositive() && !maximum.isZero()) maximum = ZERO;
  return { minimum: roundAmount(minimum, precision), maximum: roundAmount(maximum, precision) };
}

export function inRange(amount: Decimal, range: AmountRange): boolean {
  return amount.gte(range.minimum) && amount.lte(range.maximum);
}
