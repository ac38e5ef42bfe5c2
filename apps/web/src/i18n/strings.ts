import type { Language } from '@concord/domain';
import { ar } from './ar';
import { en, type StringKey, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

export type { StringKey, Strings } from './en';

/** Every language's string table. */
export const STRING_TABLES: { readonly [L in Language]: Strings } = { ar, zh, en, fr, ru, es };

/** Values substituted for `{name}` placeholders. */
export type Params = { readonly [name: string]: string | number };

/**
 * Looks `key` up in `language`'s table and fills its `{placeholders}`; an unknown placeholder is left as written.
 * A key built from server data (`role.${role}`) that the tables lack comes back as the key, not as a crash.
 */
export function translate(language: Language, key: StringKey, params: Params = {}): string {
  const template: string | undefined = STRING_TABLES[language][key];
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
