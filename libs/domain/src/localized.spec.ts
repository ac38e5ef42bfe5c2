import { describe, expect, it } from 'vitest';
import type { Language } from './language';
import { type Localized, pickLocalized } from './localized';
import { show, titled } from './testing/titled';

interface PickCase {
  readonly when: string;
  readonly names: Localized;
  readonly language: Language;
  readonly fallback: readonly Language[];
  readonly expected: string | undefined;
}

const ALL: Localized = { ar: 'اتفاقية', zh: '公约', en: 'Convention', fr: 'Convention (fr)', ru: 'Конвенция', es: 'Convención' };

// prettier-ignore
const PICK_CASES: readonly PickCase[] = [
  { when: 'the requested language is present',
    names: ALL, language: 'ru', fallback: ['en'], expected: 'Конвенция' },
  { when: 'only the original language and English are present',
    names: { es: 'Convención', en: 'Convention' }, language: 'zh', fallback: ['es'], expected: 'Convención' },
  { when: 'fallbacks are tried in order',
    names: { fr: 'Convention (fr)', ru: 'Конвенция' }, language: 'ar', fallback: ['es', 'ru', 'fr'], expected: 'Конвенция' },
  { when: 'neither the requested nor the original language is present',
    names: { en: 'Convention', ru: 'Конвенция' }, language: 'zh', fallback: ['fr'], expected: 'Convention' },
  { when: 'no fallback order is given and English is missing',
    names: { ru: 'Конвенция', es: 'Convención' }, language: 'fr', fallback: [], expected: 'Конвенция' },
  { when: 'only one language is present',
    names: { ar: 'اتفاقية' }, language: 'en', fallback: ['fr'], expected: 'اتفاقية' },
  { when: 'the requested value is an empty string',
    names: { fr: '', en: 'Convention' }, language: 'fr', fallback: [], expected: '' },
  { when: 'no language is present',
    names: {}, language: 'en', fallback: ['fr'], expected: undefined },
];

describe(pickLocalized.name, () => {
  it.each(titled(PICK_CASES, (c) => `returns ${show(c.expected)} when ${c.when}`))(
    '%s',
    (_title, { names, language, fallback, expected }) => {
      expect(pickLocalized(names, language, fallback)).toBe(expected);
    },
  );

  it('falls back to English when no fallback order is given', () => {
    expect(pickLocalized({ en: 'Convention', es: 'Convención' }, 'zh')).toBe('Convention');
  });

  it('picks values of any type when the localized values are not strings', () => {
    expect(pickLocalized<number>({ fr: 2, en: 1 }, 'fr')).toBe(2);
  });
});
