import type { Language } from '@concord/domain';
import { en, type StringKey, type Strings } from './en';

export type { StringKey, Strings } from './en';

/**
 * Each language's string table, as its own chunk of the build: a reader downloads English (always there, the
 * fallback) and the language it reads in, not all six.
 */
export const STRING_LOADERS: { readonly [L in Language]: () => Promise<Strings> } = {
  ar: async () => (await import('./ar')).ar,
  zh: async () => (await import('./zh')).zh,
  en: async () => en,
  fr: async () => (await import('./fr')).fr,
  ru: async () => (await import('./ru')).ru,
  es: async () => (await import('./es')).es,
};

const loaded = new Map<Language, Strings>([['en', en]]);

/** Whether `language`'s table is here, so that `translate` answers in it rather than in English. */
export function hasStrings(language: Language): boolean {
  return loaded.has(language);
}

/** Fetches `language`'s table once; a failed fetch rejects and may be tried again. */
export async function loadStrings(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  loaded.set(language, await STRING_LOADERS[language]());
}

/** Values substituted for `{name}` placeholders. */
export type Params = { readonly [name: string]: string | number };

/**
 * Looks `key` up in `language`'s table (English until that table is loaded) and fills its `{placeholders}`; an
 * unknown placeholder is left as written. A key built from server data (`role.${role}`) that the tables lack comes
 * back as the key, not as a crash.
 */
export function translate(language: Language, key: StringKey, params: Params = {}): string {
  const template: string | undefined = (loaded.get(language) ?? en)[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A translator bound to one language. */
export type Translate = (key: StringKey, params?: Params) => string;

/** Binds `translate` to `language`. */
export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
