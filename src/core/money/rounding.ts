/**
 * Business Central's Round(Number, Precision, Direction) and the named roundings built on it.
 *
 * BC rounds by magnitude ("System.Round Method"): '=' nearest with halves away from zero, '>' away
 * from zero, '<' toward zero — so Round(-1234.56789, 0.001, '<') = -1234.567 and '>' gives -1234.568.
 */
import type { Decimal as DecimalJs } from 'decimal.js';
import { DomainError } from '../errors.ts';
import { Decimal, ZERO, dec } from './decimal.ts';

export type RoundingDirection = 'nearest' | 'up' | 'down';

const decimalJsRounding: Record<RoundingDirection, DecimalJs.Rounding> = {
  nearest: Decimal.ROUND_HALF_UP, // decimal.js: half away from zero
  up: Decimal.ROUND_UP, // decimal.js: away from zero
  down: Decimal.ROUND_DOWN, // decimal.js: toward zero
};

export const AMOUNT_ROUNDING_PRECISION = '0.01';
export const UNIT_AMOUNT_ROUNDING_PRECISION = '0.00001';
export const QUANTITY_ROUNDING_PRECISION = '0.00001';

/** Rounds to a multiple of precision (0.01, 0.05, 0.5, 1, 10, 0.00001 …), like BC's Round. */
export function roundTo(
  value: Decimal,
  precision: Decimal | string,
  direction: RoundingDirection = 'nearest',
): Decimal {
  const step = roundingPrecision(precision);
  const rounded = value.toNearest(step, decimalJsRounding[direction]);
  return rounded.isZero() ? ZERO : rounded;
}

/** General Ledger Setup / Currency: Amount Rounding Precision. */
export function roundAmount(
  value: Decimal,
  precision: Decimal | string = AMOUNT_ROUNDING_PRECISION,
): Decimal {
  return roundTo(value, precision);
}

/** General Ledger Setup / Currency: Unit-Amount Rounding Precision (unit prices and costs). */
export function roundUnitAmount(
  value: Decimal,
  precision: Decimal | string = UNIT_AMOUNT_ROUNDING_PRECISION,
): Decimal {
  return roundTo(value, precision);
}

/** Quantities are kept to five decimals, as in BC (UOMMgt.QtyRndPrecision). */
export function roundQuantity(value: Decimal): Decimal {
  return roundTo(value, QUANTITY_ROUNDING_PRECISION);
}

/**
 * The amount posted to the Invoice Rounding Account so that amountIncludingVat lands on the
 * Inv. Rounding Precision. Same formula as BC's sales posting:
 * -Round(total - Round(total, invoicePrecision, direction), amountPrecision).
 */
export function invoiceRoundingDifference(
  amountIncludingVat: Decimal,
  invoiceRoundingPrecision: Decimal | string,
  direction: RoundingDirection,
  amountRoundingPrecision: Decimal | string = AMOUNT_ROUNDING_PRECISION,
): Decimal {
  const invoiced = roundTo(amountIncludingVat, invoiceRoundingPrecision, direction);
  const excess = roundTo(amountIncludingVat.minus(invoiced), amountRoundingPrecision);
  return excess.isZero() ? ZERO : excess.negated();
}

/** Precisions given as text, parsed once: a few distinct ones (0.01, 0.00001, a currency's) recur in every posting. */
const parsedPrecisions = new Map<string, Decimal>();

/** The precision as a Decimal; a precision of zero or less is a setup error. */
export function roundingPrecision(precision: Decimal | string): Decimal {
  if (typeof precision === 'string') {
    const known = parsedPrecisions.get(precision);
    if (known) return known;
  }
  const step = dec(precision);
  if (step.lessThanOrEqualTo(0)) {
    throw new DomainError('INVALID_ROUNDING_PRECISION', { precision: step.toString() });
  }
  if (typeof precision === 'string' && parsedPrecisions.size < 100) parsedPrecisions.set(precision, step);
  return step;
}
