/**
 * Amounts and dates as a bank's CSV export writes them, read by the saved mapping's formats, and
 * refused (never guessed) when a cell does not fit them.
 */
import type { IsoDate } from '../../dates/calendar-date.ts';
import { dec, type Decimal } from '../../money/decimal.ts';
import type { CsvStatementMappingInput } from '../csv-mapping.schemas.ts';
import { isoDateOf } from './statement-values.ts';

export type CsvDateFormat = CsvStatementMappingInput['dateFormat'];

/**
 * A signed amount: '-1.234,56', '1.234,56-' (German banks' trailing minus), '(12.50)' or '+12.50',
 * with the mapping's decimal and thousands separators; null when the cell holds no such amount.
 */
export function csvAmount(cell: string, decimalSeparator: ',' | '.', thousandsSeparator: string): Decimal | null {
  let text = cell.replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) [negative, text] = [true, parenthesised[1]!];
  if (/^[+-]/.test(text)) [negative, text] = [negative || text.startsWith('-'), text.slice(1)];
  else if (/-$/.test(text)) [negative, text] = [true, text.slice(0, -1)];
  if (thousandsSeparator !== '' && thousandsSeparator !== ' ') text = text.split(thousandsSeparator).join('');
  if (decimalSeparator === ',') {
    if (text.includes('.')) return null;
    text = text.replace(',', '.');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const amount = dec(text);
  return negative ? dec(amount.negated()) : amount;
}

const datePatterns: Record<CsvDateFormat, { pattern: RegExp; order: ['year' | 'month' | 'day', 'year' | 'month' | 'day', 'year' | 'month' | 'day'] }> = {
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/, order: ['day', 'month', 'year'] },
  'DD/MM/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/, order: ['day', 'month', 'year'] },
  'DD-MM-YYYY': { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})$/, order: ['day', 'month', 'year'] },
  'MM/DD/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/, order: ['month', 'day', 'year'] },
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: ['year', 'month', 'day'] },
};

/** A date in the mapping's format; single-digit days and months and two-digit years (20YY) are accepted. */
export function csvDate(cell: string, format: CsvDateFormat): IsoDate | null {
  const { pattern, order } = datePatterns[format];
  const match = pattern.exec(cell.trim());
  if (!match) return null;
  const parts = { year: '', month: '', day: '' };
  order.forEach((part, index) => (parts[part] = match[index + 1]!));
  const year = parts.year.length === 2 ? `20${parts.year}` : parts.year;
  return isoDateOf(year, parts.month, parts.day);
}
