import type { Language } from '@concord/domain';
import { translate } from './strings';

/**
 * The locale used to format numbers and dates in each language. Arabic asks for Arabic-Indic digits explicitly,
 * since plain `ar` gives Western digits in recent CLDR versions; English follows UN usage (day month year).
 */
export const LOCALES: { readonly [L in Language]: string } = {
  ar: 'ar-u-nu-arab',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date (`YYYY-MM-DD`) such as a session's first day: "3 May 2024", "٣ مايو ٢٠٢٤". The date
 * has no time zone, so it is formatted in UTC to keep it the same day for every reader.
 */
export function formatCalendarDate(date: string, language: Language): string {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

/** Formats an instant (ISO 8601) with date and time in the reader's time zone, naming the zone. */
export function formatDateTime(instant: string, language: Language, timeZone?: string): string {
  const value = Date.parse(instant);
  if (Number.isNaN(value)) return instant;
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(value);
}

/** Formats an instant (ISO 8601) as a date only, in the reader's time zone. */
export function formatDate(instant: string, language: Language, timeZone?: string): string {
  const value = Date.parse(instant);
  if (Number.isNaN(value)) return instant;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'long',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(value);
}

/** Formats an integer with the language's digits. */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Joins items (delegation codes) as the language lists them: "EU, G77 and AU". */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction', style: 'long' }).format(items);
}

/** The name of `language` written in `inLanguage` ("Arabic", "arabe", "阿拉伯语"). */
export function languageName(language: Language, inLanguage: Language): string {
  return new Intl.DisplayNames([LOCALES[inLanguage]], { type: 'language' }).of(language) ?? language;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Says how long remains until a deadline, to the minute: "Deadline in 3 days 4 h", "Deadline in 5 h 20 min",
 * "Deadline in 1 min", and "Deadline passed" once it is reached. Days use the language's own plural rules
 * (through Intl); hours and minutes the table's abbreviations.
 */
export function formatCountdown(deadline: string, now: number, language: Language): string {
  const remaining = Date.parse(deadline) - now;
  if (Number.isNaN(remaining)) return deadline;
  if (remaining <= 0) return translate(language, 'countdown.passed');

  const days = Math.floor(remaining / DAY);
  const hours = Math.floor((remaining % DAY) / HOUR);
  const minutes = Math.floor((remaining % HOUR) / MINUTE);

  const number = (n: number) => formatNumber(n, language);
  const parts: string[] = [];
  if (days > 0) {
    parts.push(
      new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days),
    );
    if (hours > 0) parts.push(translate(language, 'countdown.hours', { n: number(hours) }));
  } else if (hours > 0) {
    parts.push(translate(language, 'countdown.hours', { n: number(hours) }));
    if (minutes > 0) parts.push(translate(language, 'countdown.minutes', { n: number(minutes) }));
  } else {
    // Round the last minute up so the countdown never says "0 min" while the deadline is still ahead.
    parts.push(translate(language, 'countdown.minutes', { n: number(Math.ceil(remaining / MINUTE)) }));
  }
  return translate(language, 'countdown.in', { time: parts.join(' ') });
}
