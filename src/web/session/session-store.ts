import { useSyncExternalStore } from 'react';
import { todayIsoDate } from '../format/dates.ts';
import { defaultLocale, isSupportedLocale, type SupportedLocale } from '../format/locales.ts';

/**
 * Who is signed in, the work date and the display locale. The token lives in sessionStorage (gone
 * when the tab closes), as does the work date (BC's session date, default today); the locale is a
 * lasting preference in localStorage. The API client reads this store at request time.
 */
interface Session {
  token: string | null;
  username: string | null;
  workDate: string;
  locale: SupportedLocale;
  /** The language of captions, apart from the number and date format (BC's Language and Region). */
  language: CaptionLanguage;
}

export const captionLanguages = ['en', 'nl'] as const;
export type CaptionLanguage = (typeof captionLanguages)[number];
const isCaptionLanguage = (value: string | null): value is CaptionLanguage => (captionLanguages as readonly (string | null)[]).includes(value);

const keys = { token: 'ledgerline.token', username: 'ledgerline.username', workDate: 'ledgerline.workDate', locale: 'ledgerline.locale', language: 'ledgerline.language' } as const;

function readSession(): Session {
  const locale = localStorage.getItem(keys.locale);
  const language = localStorage.getItem(keys.language);
  return {
    token: sessionStorage.getItem(keys.token),
    username: sessionStorage.getItem(keys.username),
    workDate: sessionStorage.getItem(keys.workDate) ?? todayIsoDate(),
    locale: locale && isSupportedLocale(locale) ? locale : defaultLocale(navigator.languages),
    language: isCaptionLanguage(language) ? language : 'en',
  };
}

let current = readSession();
const listeners = new Set<() => void>();

function persist(session: Session) {
  const store = (key: string, value: string | null, storage: Storage) => (value === null ? storage.removeItem(key) : storage.setItem(key, value));
  store(keys.token, session.token, sessionStorage);
  store(keys.username, session.username, sessionStorage);
  store(keys.workDate, session.workDate, sessionStorage);
  store(keys.locale, session.locale, localStorage);
  store(keys.language, session.language, localStorage);
}

export function getSession(): Session {
  return current;
}

export function updateSession(changes: Partial<Session>) {
  current = { ...current, ...changes };
  persist(current);
  for (const listener of listeners) listener();
}

export function signedOut() {
  updateSession({ token: null, username: null });
}

export function subscribeSession(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session {
  return useSyncExternalStore(subscribeSession, getSession);
}
