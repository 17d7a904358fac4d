import { z } from 'zod';
import { dec, isDecimalString } from '../money/decimal.ts';
import { columnLimits } from '../money/column-limits.ts';
import { isIsoDate } from '../dates/calendar-date.ts';
import { isValidDateFormula } from '../dates/date-formula.ts';

/**
 * Field schemas shared by the API and the web forms. Defaults are NOT declared here: the database
 * owns them, so that a partial update never resets a field the client did not send.
 */

/** A Business Central Code field: trimmed, upper-cased, 1–20 characters. */
export const code = (max = 20) =>
  z.string().trim().min(1, 'must not be empty').max(max).transform((value) => value.toUpperCase());

/** A reference to another record's code; null or "" clears it. */
export const codeReference = (max = 20) =>
  z.union([z.string().trim().max(max), z.null()])
    .transform((value) => (value === null || value === '' ? null : value.toUpperCase()));

export const text = (max = 100) => z.string().trim().max(max);
export const requiredText = (max = 100) => z.string().trim().min(1, 'must not be empty').max(max);

/** The postal and contact block of company, location, customer, vendor and ship-to records. */
export const addressFields = () => ({
  address: text(100), address2: text(50), city: text(30), postCode: text(20),
  countryRegionCode: countryRegionCode(), phoneNo: text(30), email: email(),
});

export const email = () =>
  z.string().trim().max(80).refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'must be an e-mail address');

export const countryRegionCode = () =>
  z.string().trim().transform((value) => value.toUpperCase())
    .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), 'must be a two-letter ISO 3166 country code');

export const currencyCode = () =>
  z.string().trim().transform((value) => value.toUpperCase()).refine((value) => /^[A-Z]{3}$/.test(value), 'must be a three-letter ISO 4217 currency code');

/**
 * A decimal travels as a JSON string ("12.50"), never as a JSON number: the JSON parser would have
 * turned 12345678901234567.89 or 0.30000000000000001 into a float, losing digits before any check
 * could see them. `integerDigits` and `scale` are those of the column the value goes into
 * (core/money/column-limits.ts), so a value the column cannot hold is refused here, naming the
 * field, instead of by the database.
 */
export interface DecimalOptions { scale: number; integerDigits: number; min?: string; max?: string; positive?: boolean }

export const decimal = (options: DecimalOptions) =>
  z.string({ error: (issue) => decimalTypeMessage(issue.input) })
    .trim()
    .transform((text, context) => {
      if (!isDecimalString(text)) {
        context.addIssue({ code: 'custom', message: 'must be a decimal number such as "12.50"' });
        return z.NEVER;
      }
      const [integerPart = '', fraction = ''] = text.replace('-', '').split('.');
      if (fraction.replace(/0+$/, '').length > options.scale) {
        context.addIssue({ code: 'custom', message: `must have at most ${options.scale} decimal places` });
        return z.NEVER;
      }
      if (!withinBounds(text, options)) {
        context.addIssue({ code: 'custom', message: boundsMessage(options) });
        return z.NEVER;
      }
      if (integerPart.replace(/^0+/, '').length > options.integerDigits) {
        context.addIssue({ code: 'custom', message: `must have at most ${options.integerDigits} digits before the decimal point` });
        return z.NEVER;
      }
      return text;
    });

function decimalTypeMessage(input: unknown): string | undefined {
  if (input === undefined) return undefined;
  return typeof input === 'number'
    ? 'must be a string such as "12.50": send decimals as JSON strings, not numbers, so that no digit is lost'
    : 'must be a decimal number in a JSON string, such as "12.50"';
}

function withinBounds(text: string, options: { min?: string; max?: string; positive?: boolean }): boolean {
  const value = dec(text);
  if (options.positive && value.lte(0)) return false;
  if (options.min !== undefined && value.lt(dec(options.min))) return false;
  if (options.max !== undefined && value.gt(dec(options.max))) return false;
  return true;
}

function boundsMessage(options: { min?: string; max?: string; positive?: boolean }): string {
  if (options.positive) return 'must be greater than 0';
  if (options.min !== undefined && options.max !== undefined) return `must be between ${options.min} and ${options.max}`;
  if (options.min !== undefined) return `must be at least ${options.min}`;
  return `must be at most ${options.max}`;
}

type Bounds = { min?: string; max?: string; positive?: boolean };
export const amount = (options: Bounds = {}) => decimal({ ...columnLimits.amount, ...options });
export const unitAmount = (options: Omit<Bounds, 'positive'> = {}) => decimal({ ...columnLimits.unitAmount, ...options });
export const quantity = (options: Bounds = {}) => decimal({ ...columnLimits.quantity, ...options });
export const percent = () => decimal({ ...columnLimits.percent, min: '0', max: '100' });
/** A Prepayment %: its 0–100 range is a business rule answered with PREPAYMENT_PCT_RANGE (spec §26.10), not a 400. */
export const prepaymentPercent = () => decimal({ ...columnLimits.percent });
/** Rounding precisions are kept in numeric(18,5) columns, as unit amounts are. */
export const roundingPrecision = () => decimal({ ...columnLimits.unitAmount, positive: true });
export const exchangeRateAmount = () => decimal({ ...columnLimits.exchangeRateAmount, positive: true });

export const integerField = (options: { min?: number; max?: number } = {}) =>
  z.number().int().min(options.min ?? 0).max(options.max ?? 2_000_000_000);

/** An entry or register number in a path: an integer column's positive range (a larger one would reach the database). */
export const entryNumberParam = () => z.coerce.number().int().positive().max(2_147_483_647);

export const isoDate = () => z.string().refine(isIsoDate, 'must be a date in the form YYYY-MM-DD');
export const optionalIsoDate = () =>
  z.union([isoDate(), z.null(), z.literal('')]).transform((value) => (value === '' ? null : value));

/** A date formula such as 30D, 1M, CM+10D; "" means none. Stored upper-cased. */
export const dateFormula = () =>
  z.string().trim().transform((value) => value.toUpperCase())
    .refine((value) => value === '' || isValidDateFormula(value), 'must be a date formula such as 30D, 1M or CM+10D');

/**
 * Create and update schemas from one field list. Create: the key (optional when a number series
 * can supply it) plus the fields, of which only `required` must be sent. Update: any subset of the
 * fields, never the key. Unknown fields are refused, so a typo is an error and not a silent no-op.
 */
export function recordSchemas(
  keyShape: z.ZodRawShape,
  fields: z.ZodRawShape,
  required: readonly string[] = [],
): { create: z.ZodObject; update: z.ZodObject } {
  const createFields = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [name, required.includes(name) ? schema : (schema as z.ZodType).optional()]),
  );
  return {
    create: z.strictObject({ ...keyShape, ...createFields }),
    update: z.strictObject(fields).partial(),
  };
}
