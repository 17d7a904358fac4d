/**
 * Captions for modules kept free of the app's i18next set-up (node tests load them): a function
 * takes the caption function to use, `caption` from ../i18n/captions.ts in the app, and falls back
 * to the English caption with its `{{values}}` filled in.
 */
export type Translate = (english: string, values?: Record<string, unknown>) => string;

/** The English caption itself, with its values: what `t` gives for the language 'en'. */
export const inEnglish: Translate = (english, values = {}) =>
  english.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
