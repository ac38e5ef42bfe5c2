import type { Language } from '@concord/domain';
import { describe, expect, it } from 'vitest';
import { formatDate, mastheadLines } from './locale';

describe(formatDate.name, () => {
  it.each<[Language, string, string]>([
    ['en', '2021-03-08', '8 March 2021'],
    ['fr', '2021-03-08', '8 mars 2021'],
    ['fr', '2024-05-01', '1er mai 2024'],
    ['es', '2021-03-08', '8 de marzo de 2021'],
    ['ru', '2021-03-08', '8 марта 2021 года'],
    ['zh', '2021-03-08', '2021年3月8日'],
    ['ar', '2021-05-17', '17 أيار/مايو 2021'],
    ['en', '2024-04-30T17:00:00Z', '30 April 2024'],
    ['en', 'not a date', 'not a date'],
    ['en', '2024-13-01', '2024-13-01'],
  ])('writes a date in %s: %s → %s', (language, iso, expected) => {
    expect(formatDate(iso, language)).toBe(expected);
  });
});

describe(mastheadLines.name, () => {
  it('names the language of a translation and its original', () => {
    expect(mastheadLines('Limited', '2021-03-08', 'ar', 'en')).toEqual({
      distribution: 'التوزيع: محدود',
      date: '8 آذار/مارس 2021',
      languageLine: 'عربي',
      original: 'الأصل: بالإنكليزية',
    });
  });

  it('has no language line on the original', () => {
    expect(mastheadLines('General', '2021-03-08', 'fr', 'fr')).toEqual({
      distribution: 'Distr. générale',
      date: '8 mars 2021',
      languageLine: null,
      original: 'Original : français',
    });
  });
});
