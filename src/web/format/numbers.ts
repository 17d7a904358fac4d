/**
 * Decimals stay strings from the API to the screen: rounding is done by core's Decimal, Intl only
 * places separators (Intl.NumberFormat formats a decimal string exactly, without a float).
 */
import { dec, isDecimalString, toFixedString } from '../../core/money/decimal.ts';
import type { SupportedLocale } from './locales.ts';

interface Scale { minimum: number; maximum: number }

const amountScale: Scale = { minimum: 2, maximum: 2 };
const unitPriceScale: Scale = { minimum: 2, maximum: 5 };
const quantityScale: Scale = { minimum: 0, maximum: 5 };

function formatDecimal(value: string, locale: SupportedLocale, scale: Scale, grouping = true): string {
  const rounded = toFixedString(dec(value), scale.maximum);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: scale.minimum, maximumFractionDigits: scale.maximum, useGrouping: grouping });
  return format.format(rounded as Intl.StringNumericLiteral);
}

export const formatAmount = (value: string, locale: SupportedLocale) => formatDecimal(value, locale, amountScale);
export const formatUnitPrice = (value: string, locale: SupportedLocale) => formatDecimal(value, locale, unitPriceScale);
export const formatQuantity = (value: string, locale: SupportedLocale) => formatDecimal(value, locale, quantityScale);

/** How a decimal appears in an input to edit: the locale's decimal sign, no grouping. */
export function decimalForInput(value: string, locale: SupportedLocale, minimumScale = 0): string {
  return formatDecimal(value, locale, { minimum: minimumScale, maximum: 5 }, false);
}

function separators(locale: SupportedLocale) {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the user typed as a plain decimal string ("1.234,5" in nl-NL → "1234.5"), or null when it is
 * not a number. Grouping is accepted only in whole groups of three, so "3.5" typed in nl-NL means
 * 3.5 and not 35; an empty input is 0.
 */
export function parseDecimalInput(text: string, locale: SupportedLocale): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return '0';
  const { group, decimal } = separators(locale);
  const grouped = new RegExp(`^-?\\d{1,3}(${escape(group)}\\d{3})+(${escape(decimal)}\\d+)?$`);
  const plain = grouped.test(compact) ? compact.split(group).join('').replace(decimal, '.') : compact.replace(decimal, '.');
  return isDecimalString(plain) ? plain : null;
}
