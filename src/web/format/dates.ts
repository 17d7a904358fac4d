import type { SupportedLocale } from './locales.ts';

/** Today in the browser's time zone as YYYY-MM-DD: the default work date. */
export function todayIsoDate(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD date as the locale writes it (nl-NL 25-11-2026, en-US 11/25/2026); '' for none. */
export function formatDate(isoDate: string | null, locale: SupportedLocale): string {
  if (!isoDate) return '';
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
