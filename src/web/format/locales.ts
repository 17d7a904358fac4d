/** The locales the app formats amounts and dates for; the header switches between them. */
export const supportedLocales = ['nl-NL', 'en-US'] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value);
}

/** The browser's first preference we support, by language; else English. */
export function defaultLocale(preferences: readonly string[]): SupportedLocale {
  for (const preference of preferences) {
    const match = supportedLocales.find((locale) => locale.split('-')[0] === preference.split('-')[0]);
    if (match) return match;
  }
  return 'en-US';
}
