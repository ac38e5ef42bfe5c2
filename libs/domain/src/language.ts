import { isMemberOf } from './constant-list';

/** The six official languages of the United Nations, in the order the UN lists them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** An official language, as its ISO 639-1 code. */
export type Language = (typeof LANGUAGES)[number];

/** Each language's name written in that language, for language pickers that every reader can recognise. */
export const LANGUAGE_NAMES = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
} as const satisfies { readonly [L in Language]: string };

/** Whether `value` is an official language code. */
export function isLanguage(value: unknown): value is Language {
  return isMemberOf(LANGUAGES, value);
}

/** Whether text in `language` is written right to left (of the six, only Arabic). */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}
