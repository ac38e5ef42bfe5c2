import type { Language } from '@concord/domain';
import type { Node } from 'prosemirror-model';
import { abjad, arabicOrdinal, chineseNumeral, cyrillicLetters, latinLetters, roman, toArabicIndic } from './numerals';

/** What a number label numbers. */
export type NumberedKind = 'chapter' | 'article' | 'paragraph' | 'subparagraph' | 'option';

/** The number of one structural node in one language, derived from its position. */
export interface NumberLabel {
  readonly kind: NumberedKind;
  /** 1-based position among its numbered siblings (an option's position in its group). */
  readonly ordinal: number;
  /** Nesting depth of a subparagraph (1 for (a), 2 for (i), 3 for (A)); 0 for other kinds. */
  readonly depth: number;
  /** The label as printed: "Article 7", "2.", "(b)", "Option 1"; empty for the lone paragraph of an article. */
  readonly label: string;
}

/** Options of numbering. */
export interface NumberingOptions {
  /** Digits of Arabic labels: Arabic-Indic `٧` (default) or Western `7`. */
  readonly arabicDigits?: 'arabic-indic' | 'western';
}

/**
 * Formats the label of the `ordinal`-th item of a kind in a language (`depth` matters for subparagraphs only):
 *
 * - chapter: "Chapter I", "Chapitre I", "Capítulo I", "Глава I", "第一章", "الفصل الأول" (Arabic ordinal words up
 *   to 99, then digits);
 * - article: "Article 7", "Article 7" ("Article premier" for the first, as French treaties write it),
 *   "Artículo 7", "Статья 7", "第七条", "المادة ٧";
 * - paragraph: "1." in every language but Arabic, which writes "١-";
 * - subparagraph, depth 1: (a) … (z), (aa), (bb) …; Russian а) б) в) … (without ё, й, ъ, ы, ь); Arabic (أ) (ب)
 *   (ج) … in abjad order, then doubled letters; Chinese uses (a) as UN Chinese texts do;
 * - subparagraph, depth 2: (i), (ii) …; Russian i), ii); Arabic '١', '٢' (digits between apostrophes);
 * - subparagraph, depth 3: (A), (B) …; Russian А), Б); Arabic (١), (٢); deeper levels repeat the cycle;
 * - option: "Option 1", "Option 1", "Opción 1", "Вариант 1", "备选案文1", "الخيار ١".
 *
 * Arabic numbers use Arabic-Indic digits unless `options.arabicDigits` is `'western'`.
 */
export function formatLabel(kind: NumberedKind, ordinal: number, language: Language, depth = 1, options: NumberingOptions = {}): string {
  const digits = (n: number): string => (options.arabicDigits === 'western' ? String(n) : toArabicIndic(n));
  const n = ordinal;
  switch (kind) {
    case 'chapter':
      return chapterLabel(n, language, digits);
    case 'article':
      return articleLabel(n, language, digits);
    case 'paragraph':
      return language === 'ar' ? `${digits(n)}-` : `${n}.`;
    case 'subparagraph':
      return subparagraphLabel(n, Math.max(depth, 1), language, digits);
    case 'option':
      return optionLabel(n, language, digits);
  }
}

function chapterLabel(n: number, language: Language, digits: (n: number) => string): string {
  switch (language) {
    case 'en':
      return `Chapter ${roman(n)}`;
    case 'fr':
      return `Chapitre ${roman(n)}`;
    case 'es':
      return `Capítulo ${roman(n)}`;
    case 'ru':
      return `Глава ${roman(n)}`;
    case 'zh':
      return `第${chineseNumeral(n)}章`;
    case 'ar':
      return `الفصل ${arabicOrdinal(n) ?? digits(n)}`;
  }
}

function articleLabel(n: number, language: Language, digits: (n: number) => string): string {
  switch (language) {
    case 'en':
      return `Article ${n}`;
    case 'fr':
      // French treaty practice writes the first article "Article premier".
      return n === 1 ? 'Article premier' : `Article ${n}`;
    case 'es':
      return `Artículo ${n}`;
    case 'ru':
      return `Статья ${n}`;
    case 'zh':
      return `第${chineseNumeral(n)}条`;
    case 'ar':
      return `المادة ${digits(n)}`;
  }
}

function subparagraphLabel(n: number, depth: number, language: Language, digits: (n: number) => string): string {
  const level = ((depth - 1) % 3) + 1;
  if (language === 'ar') {
    if (level === 1) return `(${abjad(n)})`;
    return level === 2 ? `'${digits(n)}'` : `(${digits(n)})`;
  }
  if (language === 'ru') {
    if (level === 1) return `${cyrillicLetters(n)})`;
    return level === 2 ? `${roman(n).toLowerCase()})` : `${cyrillicLetters(n).toUpperCase()})`;
  }
  if (level === 1) return `(${latinLetters(n)})`;
  return level === 2 ? `(${roman(n).toLowerCase()})` : `(${latinLetters(n).toUpperCase()})`;
}

function optionLabel(n: number, language: Language, digits: (n: number) => string): string {
  switch (language) {
    case 'en':
    case 'fr':
      return `Option ${n}`;
    case 'es':
      return `Opción ${n}`;
    case 'ru':
      return `Вариант ${n}`;
    case 'zh':
      return `备选案文${n}`;
    case 'ar':
      return `الخيار ${digits(n)}`;
  }
}

function children(node: Node): Node[] {
  const result: Node[] = [];
  node.forEach((child) => result.push(child));
  return result;
}

/**
 * How many numbered positions of `type` a run of siblings occupies. An option group occupies as many as its
 * longest option, so every option starts at the same number and numbering continues after the longest.
 */
function positions(items: readonly Node[], type: 'paragraph' | 'subparagraph'): number {
  let count = 0;
  for (const item of items) {
    if (item.type.name === type) count++;
    else if (item.type.name === 'option_group') {
      count += Math.max(0, ...children(item).map((option) => positions(children(option), type)));
    }
  }
  return count;
}

/**
 * Numbers a treaty document in a language: every chapter, article, paragraph, subparagraph and option with an
 * id gets a {@link NumberLabel}, keyed by node id. Numbers come from order alone, so they change when
 * provisions move while ids do not.
 *
 * - Articles are numbered through the whole document, across chapters; chapters in Roman numerals (ordinal
 *   words in Arabic, Chinese numerals in Chinese).
 * - Paragraphs are numbered within their article; the single paragraph of an article is unnumbered (label
 *   `''`), as in United Nations conventions. Subparagraphs are numbered within their parent, by depth.
 * - The options of a group all start at the number the group stands at; numbering resumes after the longest.
 * - Titles, headings, recitals and text blocks are not numbered.
 */
export function numberDocument(doc: Node, language: Language, options: NumberingOptions = {}): ReadonlyMap<string, NumberLabel> {
  const labels = new Map<string, NumberLabel>();
  const put = (node: Node, kind: NumberedKind, ordinal: number, depth: number, label: string): void => {
    const id: unknown = node.attrs['id'];
    if (typeof id === 'string' && id !== '') labels.set(id, { kind, ordinal, depth, label });
  };

  const numberSequence = (items: readonly Node[], type: 'paragraph' | 'subparagraph', depth: number): void => {
    const lone = type === 'paragraph' && positions(items, type) === 1;
    const numberItem = (node: Node, ordinal: number): void => {
      const label = lone ? '' : formatLabel(type, ordinal, language, depth, options);
      put(node, type, ordinal, depth, label);
      numberSequence(children(node), 'subparagraph', depth + 1);
    };
    let counter = 0;
    for (const item of items) {
      if (item.type.name === type) {
        counter++;
        numberItem(item, counter);
      } else if (item.type.name === 'option_group') {
        const start = counter;
        children(item).forEach((option, index) => {
          put(option, 'option', index + 1, 0, formatLabel('option', index + 1, language, 0, options));
          let ordinal = start;
          option.forEach((child) => {
            if (child.type.name === type) numberItem(child, ++ordinal);
          });
        });
        counter = start + positions([item], type);
      }
    }
  };

  let chapters = 0;
  let articles = 0;
  const numberArticle = (article: Node): void => {
    articles++;
    put(article, 'article', articles, 0, formatLabel('article', articles, language, 0, options));
    numberSequence(children(article), 'paragraph', 0);
  };
  doc.forEach((child) => {
    if (child.type.name === 'article') numberArticle(child);
    if (child.type.name !== 'chapter') return;
    chapters++;
    put(child, 'chapter', chapters, 0, formatLabel('chapter', chapters, language, 0, options));
    child.forEach((grandchild) => {
      if (grandchild.type.name === 'article') numberArticle(grandchild);
    });
  });
  return labels;
}
