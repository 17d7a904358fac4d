import { isIsoDate } from '../../core/dates/calendar-date.ts';
import { todayIsoDate } from './dates.ts';
import type { SupportedLocale } from './locales.ts';

/** nl-NL writes day-month-year, en-US month/day/year. */
const monthFirst = (locale: SupportedLocale) => locale === 'en-US';

function splitDigits(digits: string): string[] | undefined {
  switch (digits.length) {
    case 1: case 2: return [digits];
    case 4: return [digits.slice(0, 2), digits.slice(2)];
    case 6: return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
    case 8: return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
    default: return undefined;
  }
}

/**
 * A date as typed in Business Central: in the locale's order with any separator ("25-11-2026",
 * "25/11", "251126", "25112026"), a day alone (in the work date's month), "t" for today or "w" for
 * the work date. Missing month and year come from the work date. Returns YYYY-MM-DD, null for an
 * empty input, undefined when it is not a date.
 */
export function parseDateInput(text: string, locale: SupportedLocale, workDate: string): string | null | undefined {
  const typed = text.trim().toLowerCase();
  if (typed === '') return null;
  if (typed === 't') return todayIsoDate();
  if (typed === 'w') return workDate;
  const parts = /^\d+$/.test(typed) ? splitDigits(typed) : typed.split(/[-/.\s]+/);
  if (!parts || parts.length > 3 || parts.some((part) => !/^\d{1,4}$/.test(part))) return undefined;
  const [workYear, workMonth] = workDate.split('-') as [string, string];
  const [first, second, year = workYear] = parts as [string, string | undefined, string | undefined];
  const [day, month]: [string, string] = second === undefined ? [first, workMonth] : monthFirst(locale) ? [second, first] : [first, second];
  const fullYear = year.length <= 2 ? `20${year.padStart(2, '0')}` : year;
  const iso = `${fullYear.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
