import { toArabicIndic } from '@concord/schema';
import type { Language, ProvisionStatus } from '@concord/domain';

/**
 * The fixed words of exported documents in the six official languages. These are working translations, to be
 * confirmed by the language services; the document text itself is never translated here.
 */

/** How widely a document is distributed, as its masthead says. */
export type Distribution = 'General' | 'Limited';

/** ISO 639-2 terminology codes, as Akoma Ntoso's `FRBRlanguage` expects. */
export const ISO_639_2: Readonly<Record<Language, string>> = { ar: 'ara', zh: 'zho', en: 'eng', fr: 'fra', ru: 'rus', es: 'spa' };

/** BCP 47 tags for HTML `lang` and Word's proofing language. UN Chinese texts are in simplified characters. */
export const BCP_47: Readonly<Record<Language, string>> = { ar: 'ar', zh: 'zh-Hans', en: 'en', fr: 'fr', ru: 'ru', es: 'es' };

/** Word's language ids, which are region-qualified. */
export const WORD_LANGUAGE: Readonly<Record<Language, string>> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

/** The words of a revision's masthead and apparatus in one language. */
export interface RevisionPhrases {
  readonly distribution: Readonly<Record<Distribution, string>>;
  /** "Original: English", given the original language's name in this language. */
  readonly original: (languageName: string) => string;
  /** The names of the six languages as the "Original:" line writes them. */
  readonly languageNames: Readonly<Record<Language, string>>;
  /** The line naming the language of a translation ("Arabic" on the Arabic version of an English original). */
  readonly languageLine: string;
  /** Printed after the number of a provision that is not open. */
  readonly status: Readonly<Record<Exclude<ProvisionStatus, 'open'>, string>>;
  /** The heading of the list of footnotes in HTML. */
  readonly notes: string;
  /** The secretariat, which issues the document. */
  readonly secretariat: string;
  /** Month names in the form dates use (genitive in Russian, with both Arabic names as UN Arabic texts write them). */
  readonly months: readonly string[];
  readonly date: (day: number, month: string, year: number) => string;
}

/** The phrases of each official language. */
export const REVISION_PHRASES: Readonly<Record<Language, RevisionPhrases>> = {
  en: {
    distribution: { General: 'Distr.: General', Limited: 'Distr.: Limited' },
    original: (name) => `Original: ${name}`,
    languageNames: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
    languageLine: 'English',
    status: { 'informally-agreed': '(informally agreed)', 'agreed-ad-referendum': '(agreed ad referendum)' },
    notes: 'Notes',
    secretariat: 'Secretariat',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    date: (day, month, year) => `${day} ${month} ${year}`,
  },
  fr: {
    distribution: { General: 'Distr. générale', Limited: 'Distr. limitée' },
    original: (name) => `Original : ${name}`,
    languageNames: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
    languageLine: 'Français',
    status: { 'informally-agreed': '(approuvé officieusement)', 'agreed-ad-referendum': '(adopté ad referendum)' },
    notes: 'Notes',
    secretariat: 'Secrétariat',
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    // French writes the first day of a month as an ordinal: "1er mai 2024".
    date: (day, month, year) => `${day === 1 ? '1er' : day} ${month} ${year}`,
  },
  es: {
    distribution: { General: 'Distr. general', Limited: 'Distr. limitada' },
    original: (name) => `Original: ${name}`,
    languageNames: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
    languageLine: 'Español',
    status: { 'informally-agreed': '(acordado oficiosamente)', 'agreed-ad-referendum': '(aprobado ad referéndum)' },
    notes: 'Notas',
    secretariat: 'Secretaría',
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    date: (day, month, year) => `${day} de ${month} de ${year}`,
  },
  ru: {
    distribution: { General: 'Распр.: общая', Limited: 'Распр.: ограниченная' },
    original: (name) => `Язык оригинала: ${name}`,
    languageNames: { ar: 'арабский', zh: 'китайский', en: 'английский', fr: 'французский', ru: 'русский', es: 'испанский' },
    languageLine: 'Русский',
    status: { 'informally-agreed': '(согласовано в неофициальном порядке)', 'agreed-ad-referendum': '(согласовано ad referendum)' },
    notes: 'Примечания',
    secretariat: 'Секретариат',
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    date: (day, month, year) => `${day} ${month} ${year} года`,
  },
  zh: {
    distribution: { General: '分发：普遍', Limited: '分发：有限' },
    original: (name) => `原件：${name}`,
    languageNames: { ar: '阿拉伯文', zh: '中文', en: '英文', fr: '法文', ru: '俄文', es: '西班牙文' },
    languageLine: '中文',
    status: { 'informally-agreed': '（已非正式商定）', 'agreed-ad-referendum': '（已暂时商定）' },
    notes: '注',
    secretariat: '秘书处',
    months: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    date: (day, month, year) => `${year}年${month}月${day}日`,
  },
  ar: {
    distribution: { General: 'التوزيع: عام', Limited: 'التوزيع: محدود' },
    original: (name) => `الأصل: ${name}`,
    languageNames: { ar: 'بالعربية', zh: 'بالصينية', en: 'بالإنكليزية', fr: 'بالفرنسية', ru: 'بالروسية', es: 'بالإسبانية' },
    languageLine: 'عربي',
    status: { 'informally-agreed': '(اتُّفق عليه بصورة غير رسمية)', 'agreed-ad-referendum': '(اتُّفق عليه رهناً بالاستشارة)' },
    notes: 'الحواشي',
    secretariat: 'الأمانة',
    months: [
      'كانون الثاني/يناير',
      'شباط/فبراير',
      'آذار/مارس',
      'نيسان/أبريل',
      'أيار/مايو',
      'حزيران/يونيه',
      'تموز/يوليه',
      'آب/أغسطس',
      'أيلول/سبتمبر',
      'تشرين الأول/أكتوبر',
      'تشرين الثاني/نوفمبر',
      'كانون الأول/ديسمبر',
    ],
    // UN Arabic mastheads write dates in Western digits ("8 آذار/مارس 2021").
    date: (day, month, year) => `${day} ${month} ${year}`,
  },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A date as a UN document writes it in a language: "8 March 2021", "8 mars 2021", "8 de marzo de 2021",
 * "8 марта 2021 года", "2021年3月8日", "8 آذار/مارس 2021". Takes `YYYY-MM-DD` or an ISO 8601 date-time (its date
 * part); anything else is returned unchanged.
 */
export function formatDate(iso: string, language: Language): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, year = '', month = '', day = ''] = match;
  const phrases = REVISION_PHRASES[language];
  const name = phrases.months[Number(month) - 1];
  if (name === undefined || Number(day) < 1 || Number(day) > 31) return iso;
  return phrases.date(Number(day), name, Number(year));
}

/** A whole number as the language writes it in running text: Arabic-Indic digits in Arabic. */
export function formatNumber(n: number, language: Language): string {
  return language === 'ar' ? toArabicIndic(n) : String(n);
}

/** The masthead lines under the symbol: distribution, date, the language line of a translation, and "Original:". */
export function mastheadLines(
  distribution: Distribution,
  date: string,
  language: Language,
  originalLanguage: Language,
): { readonly distribution: string; readonly date: string; readonly languageLine: string | null; readonly original: string } {
  const phrases = REVISION_PHRASES[language];
  return {
    distribution: phrases.distribution[distribution],
    date: formatDate(date, language),
    languageLine: language === originalLanguage ? null : phrases.languageLine,
    original: phrases.original(phrases.languageNames[originalLanguage]),
  };
}
