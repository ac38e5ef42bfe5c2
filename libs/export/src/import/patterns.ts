import { abjad, arabicOrdinal, cyrillicLetters, fromArabicIndic, latinLetters, parseChineseNumeral, parseRoman, type DivisionKind } from '@concord/schema';

/**
 * Recognition of the lines of a treaty text in the six official languages: chapter and article headings,
 * the preamble label, paragraph numbers and subparagraph labels. Numbers are read only to report gaps; the
 * imported document derives its own.
 */

/** A possible reading of a subparagraph label: its depth (1 for (a), 2 for (i), 3 for (A), 4 for a.) and ordinal. */
export interface LabelReading {
  readonly depth: 1 | 2 | 3 | 4;
  readonly ordinal: number;
}

/** The deepest level of subparagraphs the importer reads by label. */
export const DEEPEST_LEVEL = 4;

/** What one block of the source is. */
export type Line =
  | {
      readonly kind: 'chapter';
      readonly division: DivisionKind;
      readonly number: number | null;
      readonly title: string | null;
      readonly text: string | null;
    }
  | {
      readonly kind: 'article';
      readonly number: number | null;
      /** The rank of the number's suffix: 0 for "Article 6", 1 for "Article 6 bis", 2 for "6 ter" … */
      readonly rank: number;
      readonly title: string | null;
      readonly text: string | null;
    }
  | { readonly kind: 'preamble-label' }
  | { readonly kind: 'paragraph'; readonly number: number | null; readonly text: string }
  | { readonly kind: 'subparagraph'; readonly label: string; readonly readings: readonly LabelReading[]; readonly text: string }
  | { readonly kind: 'plain'; readonly text: string };

const TERMINAL = /[.;:,!?。；：，！？،؛؟]$/u;
const NUMBER_END = '(?=$|[\\s\\-–—:.．：])';
const ARABIC_WORD = '[\\u0621-\\u064A]+';

// The suffix of an article inserted after another: "6 bis", "6 ter" (English, French, Spanish), "6 бис"
// (Russian), "٦ مكرراً", "٦ مكرراً ثانياً" (Arabic, with or without the tanwin), "第六条之二" (Chinese, 之二 for bis).
const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const RUSSIAN_SUFFIXES = ['бис', 'тер', 'кватер', 'квинквиес', 'сексиес', 'септиес', 'октиес', 'новиес', 'дециес'];
const ARABIC_ADVERBS = ['ثاني', 'ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن', 'تاسع', 'عاشر'];
const SUFFIX = `(?:\\s*(${[...LATIN_SUFFIXES, ...RUSSIAN_SUFFIXES].join('|')}))?`;
const AR_SUFFIX = `(?:\\s+(مكرر(?:اً|ًا|ا)?(?:\\s+(?:${ARABIC_ADVERBS.join('|')})(?:اً|ًا|ا)?)?))?`;
const HEADING_NUMBER = '(\\d+|premier|1er|primero|[ivxlcdm]+)';

const ARTICLE = new RegExp(`^(?:article|art[ií]culo|статья)\\s+(\\d+|premier|1er|primero|[ivxlc]+)${SUFFIX}${NUMBER_END}(.*)$`, 'iu');
const CHAPTER = new RegExp(`^(?:chapter|chapitre|cap[ií]tulo|глава)\\s+${HEADING_NUMBER}${NUMBER_END}(.*)$`, 'iu');
const PART = new RegExp(`^(?:part|partie|parte|часть)\\s+${HEADING_NUMBER}${NUMBER_END}(.*)$`, 'iu');
// French and Spanish also put the ordinal first: "Première partie", "Primera parte".
const ORDINAL_PART = /^(premi[èe]re|deuxi[èe]me|troisi[èe]me|quatri[èe]me|cinqui[èe]me|sixi[èe]me|primera|segunda|tercera|cuarta|quinta|sexta)\s+(?:partie|parte)(?=$|[\s\-–—:.．：])(.*)$/iu;
const SECTION = new RegExp(`^(?:section|secci[oó]n|раздел)\\s+(\\d+|[ivxlcdm]+|[A-Z])${NUMBER_END}(.*)$`, 'iu');
const ANNEX = new RegExp(`^(?:annex|annexe|anexo|приложение)(?:\\s+(\\d+|[ivxlcdm]+|[A-Z]))?${NUMBER_END}(.*)$`, 'iu');
const ZH_ARTICLE = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*条(?:之([二三四五六七八九十]))?(.*)$/u;
const ZH_CHAPTER = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*章(.*)$/u;
const ZH_PART = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*部分(.*)$/u;
const ZH_SECTION = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*节(.*)$/u;
const ZH_ANNEX = /^附件\s*([零〇一二两三四五六七八九十\d]+)?(?=$|[\s\-–—:.．：])(.*)$/u;
const AR_NUMBER = `([\\d٠-٩]+|[IVXLC]+|ال${ARABIC_WORD}(?:\\s+(?:عشرة?|و${ARABIC_WORD}))?)`;
const AR_ARTICLE = new RegExp(`^المادة\\s+([\\d٠-٩]+|ال${ARABIC_WORD}(?:\\s+(?:عشرة?|و${ARABIC_WORD}))?)${AR_SUFFIX}${NUMBER_END}(.*)$`, 'u');
const AR_CHAPTER = new RegExp(`^الفصل\\s+${AR_NUMBER}${NUMBER_END}(.*)$`, 'u');
const AR_PART = new RegExp(`^الجزء\\s+${AR_NUMBER}${NUMBER_END}(.*)$`, 'u');
const AR_SECTION = new RegExp(`^الفرع\\s+${AR_NUMBER}${NUMBER_END}(.*)$`, 'u');
const AR_ANNEX = new RegExp(`^المرفق(?:\\s+${AR_NUMBER})?${NUMBER_END}(.*)$`, 'u');
const PREAMBLE = /^(?:preamble|préambule|preámbulo|преамбула|序言|الديباجة)[.:]?$/iu;

const PARAGRAPH = [
  /^(\d{1,3})[.)](?!\d)\s*(.*)$/u,
  /^\((\d{1,3})\)\s*(.*)$/u,
  /^([\d٠-٩]{1,3})\s*[-–]\s+(.*)$/u,
  /^([٠-٩]{1,3})\s*[-–.]\s*(.*)$/u,
  /^([一二三四五六七八九十]+)、\s*(.*)$/u,
];

const ARABIC_FEMININE_ORDINALS = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];

/** A letter sequence's ordinal: the i-th of `size` letters repeated k times is item (k − 1)·size + i. */
function sequenceOrdinal(label: string, item: (n: number) => string, size: number): number | null {
  const length = [...label].length;
  for (let i = 1; i <= size; i++) {
    const letter = item(i);
    const repeats = length / [...letter].length;
    if (Number.isInteger(repeats) && letter.repeat(repeats) === label) return (repeats - 1) * size + i;
  }
  return null;
}

// Published Arabic texts write the fifth letter (هـ) with or without its tatweel: (ه) is the same item.
const ABJAD_LABEL = new RegExp(`^[(（](${[...Array.from({ length: 28 }, (_, i) => abjad(i + 1)), 'ه'].sort((a, b) => b.length - a.length).map((letter) => `(?:${letter})+`).join('|')})[)）]\\s*(.*)$`, 'u');

/** Readings of a subparagraph label and the text after it, or `null` when the text has no label. */
function subparagraph(text: string): { label: string; readings: LabelReading[]; text: string } | null {
  const latin = /^[(（]([a-z]{1,3})[)）]\s*(.*)$/u.exec(text) ?? /^([a-z]{1,3})\)\s+(.*)$/u.exec(text);
  if (latin) {
    const [, label = '', rest = ''] = latin;
    const readings: LabelReading[] = [];
    const letter = sequenceOrdinal(label, latinLetters, 26);
    if (letter !== null) readings.push({ depth: 1, ordinal: letter });
    const roman = parseRoman(label);
    if (roman !== null) readings.push({ depth: 2, ordinal: roman });
    return readings.length > 0 ? { label, readings, text: rest } : null;
  }
  // "a." is the fourth level of English texts (1., (a), (i), (A), a.); standing alone it is read as the first.
  const dotted = /^([a-z]{1,2})\.\s+(.*)$/u.exec(text);
  if (dotted) {
    const ordinal = sequenceOrdinal(dotted[1] ?? '', latinLetters, 26);
    return ordinal === null ? null : { label: dotted[1] ?? '', readings: [{ depth: 1, ordinal }, { depth: 4, ordinal }], text: dotted[2] ?? '' };
  }
  const upper = /^[(（]([A-Z]{1,3})[)）]\s*(.*)$/u.exec(text);
  if (upper) {
    const ordinal = sequenceOrdinal((upper[1] ?? '').toLowerCase(), latinLetters, 26);
    return ordinal === null ? null : { label: upper[1] ?? '', readings: [{ depth: 3, ordinal }], text: upper[2] ?? '' };
  }
  const cyrillic = /^[(（]?([а-яё]{1,2})\)\s*(.*)$/u.exec(text);
  if (cyrillic) {
    const ordinal = sequenceOrdinal(cyrillic[1] ?? '', cyrillicLetters, 28);
    return ordinal === null ? null : { label: cyrillic[1] ?? '', readings: [{ depth: 1, ordinal }], text: cyrillic[2] ?? '' };
  }
  const upperCyrillic = /^[(（]?([А-ЯЁ]{1,2})\)\s*(.*)$/u.exec(text);
  if (upperCyrillic) {
    const ordinal = sequenceOrdinal((upperCyrillic[1] ?? '').toLowerCase(), cyrillicLetters, 28);
    return ordinal === null ? null : { label: upperCyrillic[1] ?? '', readings: [{ depth: 3, ordinal }], text: upperCyrillic[2] ?? '' };
  }
  const arabic = ABJAD_LABEL.exec(text);
  if (arabic) {
    const label = (arabic[1] ?? '').replace(/ه(?!ـ)/gu, 'هـ');
    const ordinal = sequenceOrdinal(label, abjad, 28);
    return ordinal === null ? null : { label, readings: [{ depth: 1, ordinal }], text: arabic[2] ?? '' };
  }
  const arabicDepth2 = /^['‘’`]([\d٠-٩]{1,3})['‘’`]\s*(.*)$/u.exec(text);
  if (arabicDepth2) {
    return { label: arabicDepth2[1] ?? '', readings: [{ depth: 2, ordinal: Number(fromArabicIndic(arabicDepth2[1] ?? '')) }], text: arabicDepth2[2] ?? '' };
  }
  const arabicDepth3 = /^\(([٠-٩]{1,3})\)\s*(.*)$/u.exec(text);
  if (arabicDepth3) {
    return { label: arabicDepth3[1] ?? '', readings: [{ depth: 3, ordinal: Number(fromArabicIndic(arabicDepth3[1] ?? '')) }], text: arabicDepth3[2] ?? '' };
  }
  const chinese = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$/u.exec(text);
  if (chinese) {
    const ordinal = parseChineseNumeral(chinese[1] ?? '');
    return ordinal === null ? null : { label: chinese[1] ?? '', readings: [{ depth: 1, ordinal }], text: chinese[2] ?? '' };
  }
  return null;
}

/** Reads the number of a heading: digits in either script, Roman numerals, Chinese numerals, ordinal words. */
function headingNumber(token: string): number | null {
  const trimmed = token.trim();
  const western = fromArabicIndic(trimmed);
  if (/^\d+$/.test(western)) return Number(western);
  if (/^(premier|1er|primero)$/i.test(trimmed)) return 1;
  // Sections lettered A, B … (Roman numerals I, V, X … read as such).
  if (/^[A-Z]$/.test(trimmed) && parseRoman(trimmed) === null) return trimmed.charCodeAt(0) - 64;
  const roman = parseRoman(trimmed);
  if (roman !== null) return roman;
  const chinese = parseChineseNumeral(trimmed);
  if (chinese !== null) return chinese;
  const feminine = ARABIC_FEMININE_ORDINALS.indexOf(trimmed);
  if (feminine >= 0) return feminine + 1;
  for (let n = 1; n <= 99; n++) if (arabicOrdinal(n) === trimmed) return n;
  return null;
}

/** Whether text reads as a heading: short, not ending a sentence or clause, not an enumerated item. */
export function looksLikeHeading(text: string): boolean {
  return text.length > 0 && text.length <= 150 && !TERMINAL.test(text) && subparagraph(text) === null && !PARAGRAPH.some((re) => re.test(text));
}

/**
 * What follows a heading's number: nothing, a title (after a dash, colon or full stop, or after a space when it
 * reads as a title), or the first text of the article (after a separator, when it reads as a sentence).
 * `null` when the line is a sentence that merely begins with "Article 5".
 */
function headingRest(rest: string, uncased: boolean): { title: string | null; text: string | null } | null {
  if (rest.trim() === '') return { title: null, text: null };
  const separated = /^\s*[-–—:.．：]\s*(.*)$/u.exec(rest);
  const body = (separated ? separated[1] : rest).trim();
  if (body === '') return { title: null, text: null };
  if (looksLikeHeading(body) && (separated || uncased || /^[\p{Lu}\p{N}"“«(]/u.test(body))) return { title: body, text: null };
  return separated ? { title: null, text: body } : null;
}

const ORDINAL_WORDS = ['premi', 'deuxi', 'troisi', 'quatri', 'cinqui', 'sixi'];
const SPANISH_ORDINALS = ['primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta'];

/** The rank of an article number's suffix: 1 for bis (بس, مكرراً, 之二), 2 for ter (مكرراً ثانياً, 之三) …; 0 for none. */
function suffixRank(suffix: string | undefined, chinese = false): number {
  if (!suffix) return 0;
  if (chinese) return (parseChineseNumeral(suffix) ?? 1) - 1;
  const lower = suffix.toLowerCase();
  const latin = LATIN_SUFFIXES.indexOf(lower);
  if (latin >= 0) return latin + 1;
  const russian = RUSSIAN_SUFFIXES.indexOf(lower);
  if (russian >= 0) return russian + 1;
  const adverb = ARABIC_ADVERBS.findIndex((word) => new RegExp(`\\s${word}`, 'u').test(suffix));
  return adverb >= 0 ? adverb + 2 : 1;
}

type Heading = { readonly number: number | null; readonly title: string | null; readonly text: string | null };

/** A heading line: its number (`null` only where `optional`, as an annex may have none) and what follows it. */
function heading(token: string | undefined, rest: string | undefined, uncased: boolean, optional = false): Heading | null {
  const number = token === undefined ? null : headingNumber(token);
  if (number === null && !(optional && token === undefined)) return null;
  const after = headingRest(rest ?? '', uncased);
  return after ? { number, ...after } : null;
}

function division(kind: DivisionKind, found: Heading | null): Line | null {
  return found ? { kind: 'chapter', division: kind, ...found } : null;
}

function article(match: RegExpExecArray | null, uncased: boolean, chinese = false): Line | null {
  if (!match) return null;
  const found = heading(match[1], match[3], uncased);
  return found ? { kind: 'article', rank: suffixRank(match[2], chinese), ...found } : null;
}

function ordinalPart(match: RegExpExecArray | null): Line | null {
  if (!match) return null;
  const word = (match[1] ?? '').toLowerCase();
  const french = ORDINAL_WORDS.findIndex((stem) => word.startsWith(stem));
  const ordinal = french >= 0 ? french + 1 : SPANISH_ORDINALS.indexOf(word) + 1;
  const after = headingRest(match[2] ?? '', false);
  return ordinal > 0 && after ? { kind: 'chapter', division: 'part', number: ordinal, ...after } : null;
}

/** Classifies one block of source text. */
export function classify(text: string): Line {
  // A provision may open with brackets that put all of it in brackets: "[Article 5", "[2. Each State …".
  const lead = /^\[+\s*/u.exec(text)?.[0] ?? '';
  const brackets = lead.replace(/\s/g, '');
  const body = text.slice(lead.length);
  const two = (pattern: RegExp, uncased: boolean, optional = false): Heading | null => {
    const match = pattern.exec(body);
    return match ? heading(match[1], match[2], uncased, optional) : null;
  };
  const structural =
    division('part', two(PART, false)) ??
    ordinalPart(ORDINAL_PART.exec(body)) ??
    division('part', two(ZH_PART, true)) ??
    division('part', two(AR_PART, true)) ??
    division('chapter', two(CHAPTER, false)) ??
    division('chapter', two(ZH_CHAPTER, true)) ??
    division('chapter', two(AR_CHAPTER, true)) ??
    division('section', two(SECTION, false)) ??
    division('section', two(ZH_SECTION, true)) ??
    division('section', two(AR_SECTION, true)) ??
    division('annex', two(ANNEX, false, true)) ??
    division('annex', two(ZH_ANNEX, true, true)) ??
    division('annex', two(AR_ANNEX, true, true)) ??
    article(ARTICLE.exec(body), false) ??
    article(ZH_ARTICLE.exec(body), true, true) ??
    article(AR_ARTICLE.exec(body), true);
  if (structural) return structural;
  if (PREAMBLE.test(text)) return { kind: 'preamble-label' };
  for (const pattern of PARAGRAPH) {
    const match = pattern.exec(body);
    if (match) return { kind: 'paragraph', number: headingNumber(match[1] ?? ''), text: brackets + (match[2] ?? '').trim() };
  }
  const label = subparagraph(body);
  if (label) return { kind: 'subparagraph', ...label, text: brackets + label.text.trim() };
  return { kind: 'plain', text };
}

/** Whether a line is a heading, an enumerated item (both open units of their own) or plain text. */
export function lineKind(text: string): 'heading' | 'item' | 'plain' {
  const { kind } = classify(text);
  if (kind === 'chapter' || kind === 'article' || kind === 'preamble-label') return 'heading';
  return kind === 'plain' ? 'plain' : 'item';
}
