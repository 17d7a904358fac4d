import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { getSession, subscribeSession } from '../session/session-store.ts';
import { dutchCaptions } from './nl/index.ts';

/**
 * Captions in the user's language. The English caption is the key, so English needs no dictionary
 * and a caption without a Dutch entry shows in English rather than as a key. The language is a
 * setting of its own, apart from the number and date format (BC's Language and Region).
 */
void i18next.use(initReactI18next).init({
  lng: getSession().language,
  fallbackLng: false,
  resources: { nl: { translation: dutchCaptions } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

subscribeSession(() => {
  const { language } = getSession();
  if (i18next.language !== language) void i18next.changeLanguage(language);
});

/** The caption function: `t('Customer No.')`, `t('Sales Order {{no}}', { no })`. Re-renders on a language switch. */
export function useCaptions() {
  return useTranslation().t;
}

/** A caption outside React (column specs built once, messages): in the language in use now. */
export function caption(english: string, values?: Record<string, unknown>): string {
  return i18next.t(english, values ?? {});
}
