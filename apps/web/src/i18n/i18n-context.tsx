import { isLanguage, isRightToLeft, type Language } from '@concord/domain';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { loadStrings, translator, type Translate } from './strings';

const STORAGE_KEY = 'concord.language';

/** The language the reader chose before (stored in this browser), else the browser's, else English. */
export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled (private modes, policies); the browser's preference still applies.
  }
  for (const tag of window.navigator.languages ?? []) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Sets `<html lang dir>`, which drives screen readers, fonts and the mirrored layout of right-to-left languages. */
export function applyLanguageToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

/** The interface language and its translator. */
export interface I18n {
  readonly language: Language;
  readonly t: Translate;
  readonly setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the interface language, persists the reader's choice and mirrors it on `<html>`. */
export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initial);

  useLayoutEffect(() => applyLanguageToDocument(language), [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts until the page is reloaded.
    }
    // The page switches once the language's words are here, never half in one language and half in another; if
    // they cannot be fetched (offline), it stays in the language it is in.
    loadStrings(next).then(
      () => setLanguageState(next),
      () => undefined,
    );
  }, []);

  const value = useMemo<I18n>(() => ({ language, t: translator(language), setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface language and its translator; only inside `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n is used outside I18nProvider.');
  return i18n;
}
