/** Small readers shared by the statement parsers: dates, IBANs and texts as the banks write them. */
import { isIsoDate, type IsoDate } from '../../dates/calendar-date.ts';

/** 'YYYY-MM-DD' from its parts, or null when they name no calendar date. */
export function isoDateOf(year: string, month: string, day: string): IsoDate | null {
  const text = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/** The calendar date an ISO date or date-time starts with, as written (the bank's own date, not UTC). */
export function isoDatePrefix(value: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T|Z|[+-]\d{2}:?\d{2}$)/.exec(value.trim());
  return match ? isoDateOf(match[1]!, match[2]!, match[3]!) : null;
}

const ibanPattern = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Whether the text has an IBAN's shape (country, check digits, 11–30 letters and digits). */
export function looksLikeIban(text: string): boolean {
  return ibanPattern.test(text.replace(/\s+/g, '').toUpperCase());
}

export function compactIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Whitespace runs (line breaks, tabs, padding) become one space; ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The non-empty parts, cleaned and joined with a space. */
export function joinTexts(parts: readonly string[], separator = ' '): string {
  return parts.map(cleanText).filter((part) => part !== '').join(separator);
}
