import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatCountdown, formatDateTime, languageName } from './format';

const now = Date.parse('2025-03-01T12:00:00Z');
const later = (ms: number) => new Date(now + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Intl separates number and unit with no-break spaces in some languages; the tests compare the words.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe(formatCountdown.name, () => {
  it.each([
    [3 * DAY + 4 * HOUR, 'Deadline in 3 days 4 h'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, 'Deadline in 3 days 4 h'],
    [1 * DAY, 'Deadline in 1 day'],
    [5 * HOUR + 20 * MINUTE, 'Deadline in 5 h 20 min'],
    [2 * HOUR, 'Deadline in 2 h'],
    [25 * MINUTE, 'Deadline in 25 min'],
    [10_000, 'Deadline in 1 min'],
    [0, 'Deadline passed'],
    [-DAY, 'Deadline passed'],
  ])('says how long remains when %i ms are left', (remaining, expected) => {
    expect(formatCountdown(later(remaining), now, 'en')).toBe(expected);
  });

  it('uses the plural rules of the language', () => {
    expect(plain(formatCountdown(later(2 * DAY + HOUR), now, 'ru'))).toBe('До истечения срока: 2 дня 1 ч');
    expect(plain(formatCountdown(later(5 * DAY), now, 'ru'))).toBe('До истечения срока: 5 дней');
    expect(plain(formatCountdown(later(3 * DAY + 4 * HOUR), now, 'fr'))).toBe('Date limite dans 3 jours 4 h');
  });

  it('writes Arabic with Arabic-Indic digits', () => {
    const text = formatCountdown(later(3 * DAY + 4 * HOUR), now, 'ar');
    expect(text).toContain('٣');
    expect(text).toContain('٤ س');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('says the deadline passed in every language', () => {
    expect(formatCountdown(later(-1), now, 'zh')).toBe('已过截止时间');
    expect(formatCountdown(later(-1), now, 'es')).toBe('El plazo ha vencido');
  });
});

describe(formatCalendarDate.name, () => {
  it('keeps the calendar day whatever the time zone', () => {
    expect(formatCalendarDate('2024-01-29', 'en')).toBe('29 January 2024');
    expect(plain(formatCalendarDate('2024-01-29', 'fr'))).toBe('29 janvier 2024');
  });

  it('uses Arabic-Indic digits in Arabic', () => {
    expect(formatCalendarDate('2024-01-29', 'ar')).toMatch(/^٢٩ .+ ٢٠٢٤$/);
  });

  it('returns anything that is not a calendar date unchanged', () => {
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });
});

describe(formatDateTime.name, () => {
  it('formats an instant in the given time zone', () => {
    expect(plain(formatDateTime('2024-08-08T16:00:00Z', 'en', 'UTC'))).toBe('8 August 2024 at 16:00 UTC');
  });
});

describe(languageName.name, () => {
  it('names a language in the reader’s language', () => {
    expect(languageName('ar', 'en')).toBe('Arabic');
    expect(languageName('ar', 'fr')).toBe('arabe');
    expect(languageName('en', 'zh')).toBe('英语');
  });
});
