import { LANGUAGES, type Language } from './language';

/** A value (by default a name) given in some of the official languages. */
export type Localized<T = string> = { readonly [L in Language]?: T };

/**
 * Picks the best available version of a localized value: the requested language, then each language of
 * `fallbackOrder` (callers pass the original language here), then English, then any language in UN order.
 * Returns `undefined` only when no language has a value.
 */
export function pickLocalized<T>(
  names: Localized<T>,
  language: Language,
  fallbackOrder: readonly Language[] = [],
): T | undefined {
  const preference: readonly Language[] = [language, ...fallbackOrder, 'en', ...LANGUAGES];
  const found = preference.find((candidate) => names[candidate] !== undefined);
  return found === undefined ? undefined : names[found];
}
