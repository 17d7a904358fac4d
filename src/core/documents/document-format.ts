/**
 * How amounts, quantities and dates look on a printed document, per document language. Decimals
 * stay strings: core's Decimal fixes the scale, Intl only places separators (it formats a decimal
 * string exactly, without a float) — the same approach as the web's formatters.
 */
import { dec, toFixedString } from '../money/decimal.ts';
import type { DocumentLanguage } from './document-captions.ts';

const locales: Record<DocumentLanguage, string> = { en: 'en-US', nl: 'nl-NL' };

export interface DocumentFormatter {
  /** An amount at the currency's scale, e.g. nl "1.234,50", en "1,234.50". */
  amount(value: string): string;
  unitPrice(value: string): string;
  quantity(value: string): string;
  percent(value: string): string;
  /** A YYYY-MM-DD date as the language writes it (nl 25-11-2026, en 11/25/2026); '' for none. */
  date(isoDate: string | null): string;
}

function formatDecimal(value: string, locale: string, minimum: number, maximum: number): string {
  const fixed = toFixedString(dec(value), maximum);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: minimum, maximumFractionDigits: maximum });
  return format.format(fixed as Intl.StringNumericLiteral);
}

function formatDate(isoDate: string | null, language: DocumentLanguage): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return language === 'nl' ? `${day}-${month}-${year}` : `${month}/${day}/${year}`;
}

/** amountDecimals: the decimals of the document currency's amount rounding precision (2 for EUR, 0 for JPY). */
export function documentFormatter(language: DocumentLanguage, amountDecimals = 2): DocumentFormatter {
  const locale = locales[language];
  return {
    amount: (value) => formatDecimal(value, locale, amountDecimals, amountDecimals),
    unitPrice: (value) => formatDecimal(value, locale, Math.min(amountDecimals, 2), 5),
    quantity: (value) => formatDecimal(value, locale, 0, 5),
    percent: (value) => formatDecimal(value, locale, 0, 5),
    date: (isoDate) => formatDate(isoDate, language),
  };
}
