import { LANGUAGES, type Language, type Localized } from '@concord/domain';

/** A localized value together with the language it is actually in, for the `lang` attribute. */
export interface LocalizedEntry {
  readonly text: string;
  readonly language: Language;
}

/**
 * Picks the version of a name or title to show a reader of `language`: theirs, then the original language,
 * then English, then any (the same order as `pickLocalized` in the domain library), and says which it picked.
 */
export function pickLocalizedEntry(
  values: Localized,
  language: Language,
  original?: Language,
): LocalizedEntry | undefined {
  const order: readonly Language[] = [language, ...(original === undefined ? [] : [original]), 'en', ...LANGUAGES];
  for (const candidate of order) {
    const text = values[candidate];
    if (text !== undefined && text.trim() !== '') return { text, language: candidate };
  }
  return undefined;
}
