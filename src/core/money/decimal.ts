/**
 * The one Decimal the whole program uses for money, prices and quantities.
 * 34 significant digits keep numeric(18,5) × numeric(18,5) products exact; ROUND_HALF_UP in
 * decimal.js rounds halves away from zero, like Business Central. The exponent limits keep
 * toString() in plain notation for every value a ledger can hold.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { DomainError } from '../errors.ts';

export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

// Plain notation only: strings arrive from JSON, forms and bank files, where "1e3", " 5" or
// "Infinity" is a mistake to report, not a value to guess at.
const decimalPattern = /^-?\d+(\.\d+)?$/;

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && decimalPattern.test(value);
}

/** A Decimal from a plain decimal string ("-12.345", "0", "12") or another Decimal. */
export function dec(value: string | Decimal): Decimal {
  // Decimals are immutable: one of ours is taken as it is, another clone's is converted.
  if (DecimalJs.isDecimal(value)) return normalizeZero((value as { constructor: unknown }).constructor === Decimal ? value : new Decimal(value));
  if (!isDecimalString(value)) throw new DomainError('INVALID_DECIMAL', { value: String(value) });
  return normalizeZero(new Decimal(value));
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value), ZERO);
}

/** Fixed-scale text for JSON and documents, e.g. toFixedString(dec('12.5'), 2) = "12.50". */
export function toFixedString(value: Decimal, scale: number): string {
  return normalizeZero(value.toDecimalPlaces(scale)).toFixed(scale);
}

// "-0.00" on an invoice reads as a refund; a zero is a zero.
function normalizeZero(value: Decimal): Decimal {
  return value.isZero() ? ZERO : value;
}
