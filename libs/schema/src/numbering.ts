import type { Language } from '@concord/domain';
import { Fragment, type Node } from 'prosemirror-model';
import type { DivisionKind } from './schema';
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

/** The Latin adverbs of UN English, French and Spanish texts: 7 bis, 7 ter, 7 quater … */
const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies', 'vicies'];
/** The same in Russian texts: статья 7 бис, 7 тер … */
const RUSSIAN_SUFFIXES = ['бис', 'тер', 'кватер', 'квинквиес', 'сексиес', 'септиес', 'октиес', 'новиес', 'дециес'];
/** Arabic: مكرراً for bis, then مكرراً with the ordinal adverb (ثانياً for ter, ثالثاً for quater …). */
const ARABIC_ORDINAL_ADVERBS = ['ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً'];

/**
 * The words after an inserted provision's base number, `rank` 1 for bis: "bis", "ter" … in English, French and
 * Spanish; "бис", "тер" … in Russian; "مكرراً", "مكرراً ثانياً" … in Arabic. Past the known words, the rank in
 * digits. Chinese writes the rank into the label itself ("第七条之二"), see {@link formatArticleNumber}.
 */
export function suffixWord(rank: number, language: Language, options: NumberingOptions = {}): string {
  const digits = (n: number): string => (options.arabicDigits === 'western' ? String(n) : toArabicIndic(n));
  switch (language) {
    case 'ru':
      return RUSSIAN_SUFFIXES[rank - 1] ?? `-${rank + 1}`;
    case 'ar':
      return rank === 1 ? 'مكرراً' : `مكرراً ${ARABIC_ORDINAL_ADVERBS[rank - 2] ?? digits(rank)}`;
    case 'zh':
      return `之${chineseNumeral(rank + 1)}`;
    default:
      return LATIN_SUFFIXES[rank - 1] ?? `-${rank + 1}`;
  }
}

/** A frozen number parsed: "7.2" is base 7, rank 2 (7 ter); "7" is base 7, rank 0. */
export interface FrozenNumber {
  readonly base: number;
  readonly rank: number;
}

export function parseFrozenNumber(value: unknown): FrozenNumber | null {
  if (typeof value !== 'string') return null;
  const match = /^([1-9][0-9]*)(?:\.([1-9][0-9]*))?$/.exec(value);
  return match ? { base: Number(match[1]), rank: match[2] ? Number(match[2]) : 0 } : null;
}

export function frozenNumberToString(number: FrozenNumber): string {
  return number.rank === 0 ? String(number.base) : `${number.base}.${number.rank}`;
}

/**
 * The label of an article numbered `number` (base and suffix rank): "Article 7 bis", "Article 7 ter",
 * "Artículo 7 bis", "Статья 7 бис", "第七条之二", "المادة ٧ مكرراً"; rank 0 gives the plain label.
 */
export function formatArticleNumber(number: FrozenNumber, language: Language, options: NumberingOptions = {}): string {
  const plain = formatLabel('article', number.base, language, 0, options);
  if (number.rank === 0) return plain;
  // "Article premier" keeps its word; 1 bis is written "Article 1er bis" in French practice.
  if (language === 'fr' && number.base === 1) return `Article 1er ${suffixWord(number.rank, language, options)}`;
  if (language === 'zh') return `${plain}${suffixWord(number.rank, language, options)}`;
  return `${plain} ${suffixWord(number.rank, language, options)}`;
}

function articlesOf(doc: Node): Node[] {
  const articles: Node[] = [];
  doc.forEach((child) => {
    if (child.type.name === 'article') articles.push(child);
    else if (child.type.name === 'chapter') child.forEach((grandchild) => grandchild.type.name === 'article' && articles.push(grandchild));
  });
  return articles;
}

/**
 * The number of every article of a document, by id. An article with a frozen `number` keeps it, whatever is
 * inserted or deleted around it: deleting "7 bis" leaves "7 ter" as it is until the secretariat renumbers, as in
 * United Nations practice, since delegations have referred to it by that number. One without a stored number (an
 * article a compilation or an older client inserted while numbers are frozen) takes its predecessor's base
 * number with the next suffix (bis, ter …) that no stored number holds; such a derived number does shift with
 * its predecessor, which is why the secretariat's editor stores the number of an article it inserts (see
 * {@link insertionNumber}). A document in which no article has a frozen number yet is numbered by order, as
 * before any freezing.
 */
export function articleNumbers(doc: Node): ReadonlyMap<string, FrozenNumber> {
  const articles = articlesOf(doc);
  const frozen = articles.some((article) => parseFrozenNumber(article.attrs['number']) !== null);
  const taken = new Set(articles.map((article) => article.attrs['number']).filter((value): value is string => parseFrozenNumber(value) !== null));
  const numbers = new Map<string, FrozenNumber>();
  let previous: FrozenNumber = { base: 0, rank: 0 };
  articles.forEach((article, index) => {
    const stored = frozen ? parseFrozenNumber(article.attrs['number']) : null;
    let number: FrozenNumber;
    if (!frozen) number = { base: index + 1, rank: 0 };
    else if (stored) number = stored;
    // Inserted before the first numbered article: it takes the first number there is to follow.
    else if (previous.base === 0) number = { base: 1, rank: 0 };
    else {
      let rank = previous.rank + 1;
      while (taken.has(frozenNumberToString({ base: previous.base, rank }))) rank++;
      number = { base: previous.base, rank };
    }
    previous = number;
    const id: unknown = article.attrs['id'];
    if (typeof id === 'string' && id !== '') numbers.set(id, number);
  });
  return numbers;
}

/** What number an article inserted after another takes: see {@link insertionNumber}. */
export type InsertionNumber =
  /** Store this number on the new article (`null`: the text is not numbered yet, and numbers follow order). */
  | { readonly kind: 'number'; readonly number: FrozenNumber | null }
  /** No number fits between the predecessor and the article holding the next suffix; renumber first. */
  | { readonly kind: 'taken'; readonly after: FrozenNumber; readonly next: FrozenNumber };

/**
 * The number to store on an article inserted right after the article `afterId` while numbers are frozen: the
 * predecessor's base with the next suffix, "7 bis" after 7, "7 ter" after 7 bis. If another article already
 * stores that number (inserting between 7 and an existing 7 bis), none keeps the order, and the answer says so:
 * the secretariat renumbers first. A number freed by a deletion is taken again only by an insertion at its place.
 * In a text not numbered yet, the new article stores nothing and numbers keep following order.
 */
export function insertionNumber(doc: Node, afterId: string): InsertionNumber {
  const articles = articlesOf(doc);
  if (!articles.some((article) => parseFrozenNumber(article.attrs['number']) !== null)) return { kind: 'number', number: null };
  const numbers = articleNumbers(doc);
  const after = numbers.get(afterId);
  if (after === undefined) throw new RangeError(`No article ${afterId} in the document`);
  const next: FrozenNumber = { base: after.base, rank: after.rank + 1 };
  const key = frozenNumberToString(next);
  // Only a stored number holds its place: an article without one derives its number and moves along.
  const holder = articles.some((article) => article.attrs['number'] === key);
  return holder ? { kind: 'taken', after, next } : { kind: 'number', number: next };
}

/** Numbers every article of a document by order, as the secretariat's renumbering does: ids to "1", "2" … */
export function sequentialNumbers(doc: Node): ReadonlyMap<string, string> {
  const numbers = new Map<string, string>();
  let count = 0;
  doc.descendants((node) => {
    if (node.type.name === 'article') {
      count++;
      const id: unknown = node.attrs['id'];
      if (typeof id === 'string' && id !== '') numbers.set(id, String(count));
      return false;
    }
    return node.type.name === 'doc' || node.type.name === 'chapter';
  });
  return numbers;
}

/**
 * The label of a division of the text other than a chapter, the `n`-th of its kind: "Part I", "Partie I",
 * "Parte I", "Часть I", "第一部分", "الجزء الأول"; "Section 1", "Section 1", "Sección 1", "Раздел 1", "第一节",
 * "الفرع ١"; "Annex I", "Annexe I", "Anexo I", "Приложение I", "附件一", "المرفق الأول" (`n` 0: the lone annex,
 * unnumbered: "Annex", "附件", "المرفق"). A chapter's label is {@link formatLabel}'s.
 */
export function formatDivisionLabel(kind: DivisionKind, n: number, language: Language, options: NumberingOptions = {}): string {
  const digits = (value: number): string => (options.arabicDigits === 'western' ? String(value) : toArabicIndic(value));
  if (kind === 'chapter') return chapterLabel(n, language, digits);
  const words: Record<Exclude<DivisionKind, 'chapter'>, Record<Language, string>> = {
    part: { en: 'Part', fr: 'Partie', es: 'Parte', ru: 'Часть', zh: '部分', ar: 'الجزء' },
    section: { en: 'Section', fr: 'Section', es: 'Sección', ru: 'Раздел', zh: '节', ar: 'الفرع' },
    annex: { en: 'Annex', fr: 'Annexe', es: 'Anexo', ru: 'Приложение', zh: '附件', ar: 'المرفق' },
  };
  const word = words[kind][language];
  if (n === 0) return word;
  if (language === 'zh') return kind === 'annex' ? `${word}${chineseNumeral(n)}` : `第${chineseNumeral(n)}${word}`;
  if (language === 'ar') return kind === 'section' ? `${word} ${digits(n)}` : `${word} ${arabicOrdinal(n) ?? digits(n)}`;
  return kind === 'section' ? `${word} ${n}` : `${word} ${roman(n)}`;
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
 * id gets a {@link NumberLabel}, keyed by node id. Articles keep their frozen numbers once the secretariat has
 * numbered the text, and articles inserted since are "bis", "ter" … after their predecessor (see
 * {@link articleNumbers}); everything else is numbered by order, so it changes when provisions move while ids do
 * not.
 *
 * - Articles are numbered through the whole document, across chapters; chapters in Roman numerals (ordinal
 *   words in Arabic, Chinese numerals in Chinese). Parts, sections and annexes (chapters of another `kind`) are
 *   numbered each in their own sequence, sections anew after each part or chapter ({@link formatDivisionLabel}).
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

  const divisions: Record<DivisionKind, number> = { chapter: 0, part: 0, section: 0, annex: 0 };
  let annexes = 0;
  doc.forEach((child) => {
    if (child.type.name === 'chapter' && child.attrs['kind'] === 'annex') annexes++;
  });
  let articles = 0;
  const frozen = articleNumbers(doc);
  const numberArticle = (article: Node): void => {
    articles++;
    const id: unknown = article.attrs['id'];
    const number = typeof id === 'string' ? frozen.get(id) : undefined;
    const label = number ? formatArticleNumber(number, language, options) : formatLabel('article', articles, language, 0, options);
    put(article, 'article', number && number.rank === 0 ? number.base : articles, 0, label);
    numberSequence(children(article), 'paragraph', 0);
  };
  doc.forEach((child) => {
    if (child.type.name === 'article') numberArticle(child);
    if (child.type.name !== 'chapter') return;
    const kind = child.attrs['kind'] as DivisionKind;
    divisions[kind]++;
    // Sections are numbered within their part or chapter.
    if (kind === 'part' || kind === 'chapter') divisions.section = 0;
    const ordinal = divisions[kind];
    put(child, 'chapter', ordinal, 0, formatDivisionLabel(kind, kind === 'annex' && annexes === 1 ? 0 : ordinal, language, options));
    child.forEach((grandchild) => {
      if (grandchild.type.name === 'article') numberArticle(grandchild);
    });
  });
  return labels;
}

/**
 * The document with its article numbers frozen: each article gets the number it shows now (by order, or bis/ter
 * after a frozen predecessor) in its `number` attribute, and keeps it while articles are inserted around it until
 * the secretariat renumbers. Articles that already have a number keep it; an unchanged document is returned as is.
 * With `only`, only the articles with those ids are frozen (the ones a compilation has just inserted).
 */
export function freezeNumbers(doc: Node, only?: ReadonlySet<string>): Node {
  const numbers = articleNumbers(doc);
  let changed = false;
  const freeze = (node: Node): Node => {
    if (node.type.name === 'article') {
      const id: unknown = node.attrs['id'];
      if (only !== undefined && !(typeof id === 'string' && only.has(id))) return node;
      const number = typeof id === 'string' ? numbers.get(id) : undefined;
      if (!number || node.attrs['number'] === frozenNumberToString(number)) return node;
      changed = true;
      return node.type.create({ ...node.attrs, number: frozenNumberToString(number) }, node.content, node.marks);
    }
    if (node.type.name !== 'doc' && node.type.name !== 'chapter') return node;
    const children: Node[] = [];
    node.forEach((child) => children.push(freeze(child)));
    return node.copy(Fragment.fromArray(children));
  };
  const frozen = freeze(doc);
  return changed ? frozen : doc;
}

/** The ids of a document's articles, and whether any of them stores a number. */
function articleIdsOf(doc: Node): { readonly ids: Set<string>; readonly frozen: boolean } {
  const ids = new Set<string>();
  let frozen = false;
  for (const article of articlesOf(doc)) {
    const id: unknown = article.attrs['id'];
    if (typeof id === 'string') ids.add(id);
    if (parseFrozenNumber(article.attrs['number']) !== null) frozen = true;
  }
  return { ids, frozen };
}

/**
 * `after` (a text a compilation made of `before`) with the articles it inserted numbered for good ("7 bis" after
 * 7), as the secretariat's editor numbers the articles it inserts, when `before`'s numbers are frozen: so that
 * deleting a provision before them later does not shift their numbers. Other articles are left as they are.
 */
export function freezeNewArticles(before: Node, after: Node): Node {
  const old = articleIdsOf(before);
  if (!old.frozen) return after;
  const inserted = new Set([...articleIdsOf(after).ids].filter((id) => !old.ids.has(id)));
  return inserted.size === 0 ? after : freezeNumbers(after, inserted);
}
