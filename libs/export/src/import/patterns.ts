import { abjad, arabicOrdinal, cyrillicLetters, fromArabicIndic, latinLetters, parseChineseNumeral, parseRoman } from '@concord/schema';

/**
 * Recognition of the lines of a treaty text in the six official languages: chapter and article headings,
 * the preamble label, paragraph numbers and subparagraph labels. Numbers are read only to report gaps; the
 * imported document derives its own.
 */

/** A possible reading of a subparagraph label: its depth (1 for (a), 2 for (i), 3 for (A)) and ordinal. */
export interface LabelReading {
  readonly depth: 1 | 2 | 3;
  readonly ordinal: number;
}

/** What one block of the source is. */
export type Line =
  | { readonly kind: 'chapter' | 'article'; readonly number: number | null; readonly title: string | null; readonly text: string | null }
  | { readonly kind: 'preamble-label' }
  | { readonly kind: 'paragraph'; readonly number: number | null; readonly text: string }
  | { readonly kind: 'subparagraph'; readonly label: string; readonly readings: readonly LabelReading[]; readonly text: string }
  | { readonly kind: 'plain'; readonly text: string };

const TERMINAL = /[.;:,!?。；：，！？،؛؟]$/u;
const NUMBER_END = '(?=$|[\\s\\-–—:.．：])';
const ARABIC_WORD = '[\\u0621-\\u064A]+';

const ARTICLE = new RegExp(`^(?:article|art[ií]culo|статья)\\s+(\\d+|premier|1er|primero|[ivxlc]+)${NUMBER_END}(.*)$`, 'iu');
const CHAPTER = new RegExp(`^(?:chapter|chapitre|cap[ií]tulo|глава)\\s+(\\d+|premier|primero|[ivxlcdm]+)${NUMBER_END}(.*)$`, 'iu');
const ZH_ARTICLE = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*条(.*)$/u;
const ZH_CHAPTER = /^第\s*([零〇一二两三四五六七八九十百千万\d]+)\s*章(.*)$/u;
const AR_ARTICLE = new RegExp(`^المادة\\s+([\\d٠-٩]+|ال${ARABIC_WORD}(?:\\s+(?:عشرة?|و${ARABIC_WORD}))?)${NUMBER_END}(.*)$`, 'u');
const AR_CHAPTER = new RegExp(`^الفصل\\s+([\\d٠-٩]+|[IVXLC]+|ال${ARABIC_WORD}(?:\\s+(?:عشر|و${ARABIC_WORD}))?)${NUMBER_END}(.*)$`, 'u');
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

function heading(kind: 'chapter' | 'article', match: RegExpExecArray | null, uncased: boolean): Line | null {
  if (!match) return null;
  const number = headingNumber(match[1] ?? '');
  if (number === null) return null;
  const rest = headingRest(match[2] ?? '', uncased);
  return rest ? { kind, number, ...rest } : null;
}

/** Classifies one block of source text. */
export function classify(text: string): Line {
  // A provision may open with brackets that put all of it in brackets: "[Article 5", "[2. Each State …".
  const lead = /^\[+\s*/u.exec(text)?.[0] ?? '';
  const brackets = lead.replace(/\s/g, '');
  const body = text.slice(lead.length);
  const structural =
    heading('chapter', CHAPTER.exec(body), false) ??
    heading('chapter', ZH_CHAPTER.exec(body), true) ??
    heading('chapter', AR_CHAPTER.exec(body), true) ??
    heading('article', ARTICLE.exec(body), false) ??
    heading('article', ZH_ARTICLE.exec(body), true) ??
    heading('article', AR_ARTICLE.exec(body), true);
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
