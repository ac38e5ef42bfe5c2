import { LANGUAGES, ROLES, DELEGATION_KINDS } from '@concord/domain';
import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { STRING_LOADERS, translate, type Strings } from './strings';

const STRING_TABLES = Object.fromEntries(await Promise.all(LANGUAGES.map(async (language) => [language, await STRING_LOADERS[language]()] as const))) as Record<
  (typeof LANGUAGES)[number],
  Strings
>;

const englishKeys = Object.keys(en).sort();
/** Words of two letters or more, placeholders aside: "{n} h" has none, "Original: {language}" one. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? [];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const others = LANGUAGES.filter((language) => language !== 'en');

describe('STRING_TABLES', () => {
  it.each(LANGUAGES)('has exactly the English keys in %s', (language) => {
    expect(Object.keys(STRING_TABLES[language]).sort()).toEqual(englishKeys);
  });

  it.each(LANGUAGES)('has no empty string in %s', (language) => {
    const empty = Object.entries(STRING_TABLES[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(others)('keeps the English placeholders in %s', (language) => {
    const table = STRING_TABLES[language];
    const mismatched = englishKeys.filter(
      (key) => placeholders(table[key as keyof typeof en]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(others)('translates %s rather than copying English', (language) => {
    const table = STRING_TABLES[language];
    // Names (Concord, Markdown), symbols and a few cognates legitimately stay the same; phrases may not.
    const copied = englishKeys.filter((key) => table[key as keyof typeof en] === en[key as keyof typeof en]);
    const sentences = copied.filter((key) => words(en[key as keyof typeof en]).length > 1);
    expect(sentences).toEqual([]);
    expect(copied.length).toBeLessThan(englishKeys.length / 10);
  });

  it('names every role and every delegation kind', () => {
    for (const role of ROLES) expect(englishKeys).toContain(`role.${role}`);
    for (const kind of DELEGATION_KINDS) expect(englishKeys).toContain(`kind.${kind}`);
  });
});

describe(translate.name, () => {
  it('answers in English until a language’s table is loaded, then in that language', async () => {
    // A fresh copy of the module, as a page starts: English only (the specs' setup loads every table).
    vi.resetModules();
    const fresh = await import('./strings');
    expect(fresh.hasStrings('zh')).toBe(false);
    expect(fresh.translate('zh', 'app.tagline')).toBe(en['app.tagline']);
    await fresh.loadStrings('zh');
    expect(fresh.hasStrings('zh')).toBe(true);
    expect(fresh.translate('zh', 'app.tagline')).toBe(STRING_TABLES.zh['app.tagline']);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'invite.tooShort', { min: 12 })).toBe('The password must be at least 12 characters long.');
  });

  it('leaves an unknown placeholder as written', () => {
    expect(translate('en', 'invite.tooShort')).toBe('The password must be at least {min} characters long.');
  });

  it('answers with the key when a table lacks it', () => {
    expect(translate('fr', 'role.nobody' as keyof typeof en)).toBe('role.nobody');
  });
});
