import { Decimal } from './decimal.ts';

/**
 * What the numeric columns hold (DESIGN §2): amounts numeric(18,2), unit amounts and quantities
 * numeric(18,5), percentages numeric(9,5), exchange rate amounts numeric(18,6). A value with more
 * digits before the decimal point is refused by PostgreSQL as a whole statement, so input and
 * derived values are checked against these first.
 */
export const columnLimits = {
  amount: { integerDigits: 16, scale: 2 },
  unitAmount: { integerDigits: 13, scale: 5 },
  quantity: { integerDigits: 13, scale: 5 },
  percent: { integerDigits: 4, scale: 5 },
  exchangeRateAmount: { integerDigits: 12, scale: 6 },
} as const;

/** Whether the value, rounded to the column's scale as PostgreSQL would, fits its digits before the point. */
export function fitsColumn(value: Decimal, limit: { integerDigits: number; scale: number }): boolean {
  return value.abs().toDecimalPlaces(limit.scale).lt(new Decimal(10).pow(limit.integerDigits));
}
