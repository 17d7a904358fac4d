/**
 * The API words a refusal in English with amounts and dates as it stores them ("5000.5",
 * "2026-03-02") and sends the values beside it (`params`, src/server/http/problem.ts). For the codes
 * listed here the web app words the message again from the same catalogue (src/core/errors.ts), with
 * the amounts and dates in the user's locale: nl-NL reads "5.000,50" and "02-03-2026".
 */
import { DomainError, type DomainErrorCode } from '../../core/errors.ts';
import { isDecimalString } from '../../core/money/decimal.ts';
import { formatDate } from './dates.ts';
import type { SupportedLocale } from './locales.ts';
import { formatAmount, formatQuantity } from './numbers.ts';

export type MessageParams = Readonly<Record<string, string | number | boolean | null>>;

interface Formatted { amounts?: readonly string[]; percents?: readonly string[]; dates?: readonly string[] }

/** Which parameters of a code are amounts, percentages or dates. */
const formattedParams: Partial<Record<DomainErrorCode, Formatted>> = {
  INVOICE_DISCOUNT_TOO_LARGE: { amounts: ['discountAmount', 'base'] },
  INVOICE_DISCOUNT_NOT_ALLOWED: { amounts: ['discountAmount'] },
  LINE_DISCOUNT_OUT_OF_RANGE: { amounts: ['grossAmount'], percents: ['lineDiscountPercent'] },
  APPLIED_AMOUNT_TOO_LARGE: { amounts: ['remaining', 'appliedAmount'] },
  QUOTE_EXPIRED: { dates: ['validUntil', 'workDate'] },
  EXCHANGE_RATE_MISSING: { dates: ['date'] },
};

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The message of a refusal in the user's locale, or null when the code is not one of those above or
 * a value is not what it should be (then the API's own detail stands).
 */
export function localizedMessage(code: string, params: MessageParams | undefined, locale: SupportedLocale): string | null {
  const formatted = formattedParams[code as DomainErrorCode];
  if (!formatted || !params) return null;
  const values: Record<string, string | number | boolean | null> = { ...params };
  const reformat = (names: readonly string[] | undefined, valid: (value: unknown) => value is string, format: (value: string) => string) => {
    for (const name of names ?? []) {
      const value = params[name];
      if (!valid(value)) return false;
      values[name] = format(value);
    }
    return true;
  };
  const isIsoDate = (value: unknown): value is string => typeof value === 'string' && isoDatePattern.test(value);
  const complete = reformat(formatted.amounts, isDecimalString, (value) => formatAmount(value, locale))
    && reformat(formatted.percents, isDecimalString, (value) => formatQuantity(value, locale))
    && reformat(formatted.dates, isIsoDate, (value) => formatDate(value, locale));
  if (!complete) return null;
  return new DomainError(code as DomainErrorCode, values).message;
}
