import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, isRightToLeft } from './language';
import { show, titled } from './testing/titled';

const GUARD_CASES = [
  { value: 'ar', expected: true },
  { value: 'zh', expected: true },
  { value: 'es', expected: true },
  { value: 'de', expected: false },
  { value: 'EN', expected: false },
  { value: '', expected: false },
  { value: undefined, expected: false },
  { value: ['en'], expected: false },
] as const;

const DIRECTION_CASES = [
  { language: 'ar', expected: true },
  { language: 'zh', expected: false },
  { language: 'en', expected: false },
  { language: 'fr', expected: false },
  { language: 'ru', expected: false },
  { language: 'es', expected: false },
] as const;

describe(isLanguage.name, () => {
  it.each(titled(GUARD_CASES, (c) => `returns ${c.expected} when given ${show(c.value)}`))(
    '%s',
    (_title, { value, expected }) => {
      expect(isLanguage(value)).toBe(expected);
    },
  );
});

describe(isRightToLeft.name, () => {
  it.each(titled(DIRECTION_CASES, (c) => `returns ${c.expected} when given ${c.language}`))(
    '%s',
    (_title, { language, expected }) => {
      expect(isRightToLeft(language)).toBe(expected);
    },
  );
});

describe('LANGUAGE_NAMES', () => {
  it('names every language in its own script', () => {
    expect(LANGUAGES.map((language) => LANGUAGE_NAMES[language])).toEqual([
      'العربية',
      '中文',
      'English',
      'Français',
      'Русский',
      'Español',
    ]);
  });
});
