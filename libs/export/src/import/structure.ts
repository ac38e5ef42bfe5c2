import type { Language } from '@concord/domain';
import { docFromJSON, docToJSON, FROZEN_NUMBER, newNodeId, type DivisionKind, type DocJSON, type NodeJSON } from '@concord/schema';
import { LITERAL_CLOSE, LITERAL_OPEN, SKIPPED, type Block } from './blocks';
import { ImportError, ImportErrorCode } from './import-error';
import { classify, DEEPEST_LEVEL, looksLikeHeading, type LabelReading, type Line } from './patterns';

/** The outcome of an import: the document as ProseMirror JSON and what the importer had to guess or drop. */
export interface ImportResult {
  readonly doc: DocJSON;
  /** One sentence per oddity, naming where in the source it is ("line 12: …"). */
  readonly warnings: readonly string[];
}

/** The heading line each language's texts begin their articles with, for the error when none is found. */
const ARTICLE_EXAMPLE: Record<Language, string> = {
  ar: 'المادة 1',
  zh: '第一条',
  en: 'Article 1',
  fr: 'Article premier',
  ru: 'Статья 1',
  es: 'Artículo 1',
};

interface SubDraft {
  text: string;
  ordinal: number;
  readonly children: SubDraft[];
}

interface ParagraphDraft {
  text: string;
  readonly subs: SubDraft[];
}

interface ArticleDraft {
  readonly kind: 'article';
  title: string | null;
  readonly paragraphs: ParagraphDraft[];
  readonly where: string;
  /** The article's number in the source, base and suffix rank (1 for bis …); `null` for text placed in an article. */
  readonly source: { readonly base: number | null; readonly rank: number } | null;
  /** Its frozen number, set when the source numbers articles with bis, ter …: "6", "6.1". */
  number: string | null;
}

interface ChapterDraft {
  readonly kind: 'chapter';
  readonly division: DivisionKind;
  readonly title: string | null;
  readonly articles: ArticleDraft[];
}

interface Classified {
  readonly block: Block;
  readonly line: Line;
}

/** A piece of inline text of the document being built, filled with text nodes once brackets are matched. */
interface Slot {
  readonly text: string;
  readonly where: string;
  readonly content: NodeJSON[];
}

const OPENS_LIST = /[:：]$/u;

/** A division's name in warnings. */
const DIVISION_NAME: Record<DivisionKind, string> = { chapter: 'chapter', part: 'part', section: 'section', annex: 'annex' };

function excerpt(text: string): string {
  const clean = text.replace(new RegExp(`[${LITERAL_OPEN}]`, 'g'), '[').replace(new RegExp(`[${LITERAL_CLOSE}]`, 'g'), ']');
  return clean.length > 40 ? `"${clean.slice(0, 40)}…"` : `"${clean}"`;
}

/**
 * Chooses the depth of a subparagraph label from its readings and the open subparagraphs: the reading that
 * continues its sequence wins; "(i)" after "(h)" continues the letters unless (h) ends with a colon, which
 * announces a list.
 */
function chooseReading(readings: readonly LabelReading[], containers: readonly SubDraft[][]): LabelReading | null {
  const feasible = readings.filter((reading) => containers[reading.depth - 1] !== undefined);
  const expected = (reading: LabelReading): number => (containers[reading.depth - 1]?.at(-1)?.ordinal ?? 0) + 1;
  const continuing = feasible.filter((reading) => reading.ordinal === expected(reading));
  if (continuing.length > 1) {
    const deepest = continuing[continuing.length - 1] as LabelReading;
    const parent = containers[deepest.depth - 2]?.at(-1);
    return parent && OPENS_LIST.test(parent.text) ? deepest : (continuing[0] as LabelReading);
  }
  return continuing[0] ?? feasible[0] ?? null;
}

/** Builds the document from classified blocks; see {@link buildDocument}. */
class DocumentBuilder {
  readonly warnings: string[] = [];
  private title: string | null = null;
  private readonly recitals: string[] = [];
  private readonly items: (ArticleDraft | ChapterDraft)[] = [];
  private chapter: ChapterDraft | null = null;
  private article: ArticleDraft | null = null;
  private paragraph: ParagraphDraft | null = null;
  /** The last unit created, whose text a following plain line supplies when its label stood alone. */
  private emptyUnit: { text: string } | null = null;
  /** Opening brackets found before a heading, carried into the next text. */
  private carry = '';
  private articleCount = 0;
  /** Depth given to the outer level of the bulleted list being read: 1 when it follows a paragraph announcing a list. */
  private listBase: number | null = null;
  private readonly wheres = new Map<object, string>();

  constructor(private readonly lines: readonly Classified[]) {}

  private text(value: string): string {
    const result = this.carry + value;
    this.carry = '';
    return result;
  }

  build(firstStructural: number): void {
    this.frontMatter(this.lines.slice(0, firstStructural));
    for (let i = firstStructural; i < this.lines.length; i++) {
      i += this.body(i);
    }
    this.freezeSourceNumbers();
    for (const item of this.items) {
      const articles = item.kind === 'chapter' ? item.articles : [item];
      for (const article of articles) {
        if (article.paragraphs.length > 0) continue;
        this.warnings.push(`${article.where}: the article has no text; an empty paragraph was added`);
        article.paragraphs.push({ text: '', subs: [] });
      }
    }
  }

  /** Title and recitals: what comes before the first chapter or article. */
  private frontMatter(front: readonly Classified[]): void {
    const blocks = front.filter(({ line }) => line.kind !== 'preamble-label').map(({ block }) => block);
    const headed = blocks.findIndex((block) => block.headingLevel !== null);
    let titleIndex = headed;
    if (titleIndex < 0 && blocks[0] && !/[,;:，；：،؛]$/u.test(blocks[0].text)) titleIndex = 0;
    blocks.forEach((block, index) => {
      if (index === titleIndex) this.title = block.text;
      else {
        if (block.headingLevel !== null) this.warnings.push(`${block.where}: heading ${excerpt(block.text)} before the first article is not a recital; kept as one`);
        this.recitals.push(block.text);
      }
    });
  }

  /**
   * Articles numbered with bis, ter … in the source keep the source's numbers as frozen numbers ("6", "6.1"), as
   * the secretariat's would be once numbers are frozen: numbering by order would make "Article 6 bis" article 7.
   * A number out of order is left to be derived after its predecessor, with a warning.
   */
  private freezeSourceNumbers(): void {
    const articles = this.items.flatMap((item) => (item.kind === 'chapter' ? item.articles : [item]));
    if (!articles.some((article) => (article.source?.rank ?? 0) > 0)) return;
    let previous = { base: 0, rank: 0 };
    for (const article of articles) {
      const source = article.source;
      const number = source && source.base !== null ? `${source.base}${source.rank > 0 ? `.${source.rank}` : ''}` : null;
      const follows = source !== null && source.base !== null && (source.base > previous.base || (source.base === previous.base && source.rank > previous.rank));
      if (number === null || !follows || !FROZEN_NUMBER.test(number)) {
        if (source !== null) this.warnings.push(`${article.where}: the article's number in the source does not follow the one before it; it is numbered after its predecessor`);
        continue;
      }
      article.number = number;
      previous = { base: source.base ?? 0, rank: source.rank };
    }
  }

  /** Handles the body line at `index`; returns how many following lines it consumed. */
  private body(index: number): number {
    const { block, line } = this.lines[index] as Classified;
    const next = this.lines[index + 1];
    if (block.listDepth === null) this.listBase = null;
    if (line.kind === 'chapter' || line.kind === 'article') {
      this.carry += /^\[+/.exec(block.text)?.[0] ?? '';
    }
    switch (line.kind) {
      case 'chapter': {
        let title = line.title ?? line.text;
        let consumed = 0;
        if (title === null && next && next.line.kind === 'plain' && (next.block.headingLevel !== null || looksLikeHeading(next.block.text))) {
          title = next.block.text;
          consumed = 1;
        }
        if (title === null && line.division === 'chapter') this.warnings.push(`${block.where}: the chapter has no heading`);
        this.chapter = { kind: 'chapter', division: line.division, title: title === null ? null : this.text(title), articles: [] };
        this.items.push(this.chapter);
        this.article = null;
        this.paragraph = null;
        this.emptyUnit = null;
        return consumed;
      }
      case 'article': {
        this.articleCount++;
        const suffixed = this.lines.some(({ line: other }) => other.kind === 'article' && other.rank > 0);
        if (!suffixed && line.number !== null && line.number !== this.articleCount) {
          this.warnings.push(`${block.where}: the article numbered ${line.number} in the source is article ${this.articleCount} here, as numbers follow order`);
        }
        const article: ArticleDraft = { kind: 'article', title: null, paragraphs: [], where: block.where, source: { base: line.number, rank: line.rank }, number: null };
        (this.chapter ? this.chapter.articles : this.items).push(article);
        this.article = article;
        this.paragraph = null;
        this.emptyUnit = null;
        let consumed = 0;
        if (line.title !== null) article.title = this.text(line.title);
        else if (line.text === null && next && next.line.kind === 'plain' && this.isTitle(next, this.lines[index + 2])) {
          article.title = this.text(next.block.text);
          consumed = 1;
        }
        if (line.text !== null) this.addParagraph(line.text, block.where);
        return consumed;
      }
      case 'preamble-label':
        this.warnings.push(`${block.where}: ${excerpt(block.text)} after the first article is out of place; kept as text`);
        if (!this.article) return this.outsideArticle(block);
        this.addParagraph(block.text, block.where);
        return 0;
      case 'paragraph':
        if (!this.article) return this.outsideArticle(block, line.text);
        if (line.number !== null && line.number !== this.article.paragraphs.length + 1) {
          this.warnings.push(`${block.where}: the paragraph numbered ${line.number} in the source is paragraph ${this.article.paragraphs.length + 1} here`);
        }
        this.addParagraph(line.text, block.where);
        return 0;
      case 'subparagraph':
        this.addSubparagraph(line.readings, line.text, block);
        return 0;
      case 'plain':
        return this.plain(block);
    }
  }

  /** Whether the line after an article heading is its title rather than its first paragraph. */
  private isTitle(next: Classified, after: Classified | undefined): boolean {
    if (next.block.headingLevel !== null) return true;
    if (!looksLikeHeading(next.block.text)) return false;
    // A short line alone between two headings is the article's only text, not its title.
    return after !== undefined && after.line.kind !== 'article' && after.line.kind !== 'chapter';
  }

  private plain(block: Block): number {
    if (!this.article) return this.outsideArticle(block);
    if (block.headingLevel !== null && this.article.title === null && this.article.paragraphs.length === 0) {
      this.article.title = this.text(block.text);
      return 0;
    }
    if (this.emptyUnit) {
      this.emptyUnit.text = this.text(block.text);
      this.emptyUnit = null;
      return 0;
    }
    if (block.listDepth !== null) {
      // A list after "… as follows:" enumerates subparagraphs; a list standing alone, paragraphs.
      this.listBase ??= this.paragraph && (OPENS_LIST.test(this.paragraph.text) || this.paragraph.subs.length > 0) ? 1 : 0;
      const depth = Math.min(DEEPEST_LEVEL, this.listBase + block.listDepth);
      if (depth > 0) {
        const readings = ([4, 3, 2, 1] as const).filter((level) => level <= depth).map((level) => ({ depth: level, ordinal: 0 }));
        this.addSubparagraph(readings, block.text, block);
        return 0;
      }
    }
    const last = this.lastSubparagraph();
    if (last) {
      // Published texts go on after a list without a number: the closing words of the paragraph ("where the
      // offence is transnational …"), or a subparagraph's text carried over a page break. A paragraph here would
      // renumber every paragraph after it; the words stay with the subparagraph they follow.
      this.warnings.push(`${block.where}: unnumbered text after a subparagraph continues it (a paragraph of its own would renumber those after it): ${excerpt(block.text)}`);
      last.text = `${last.text} ${this.text(block.text)}`;
      return 0;
    }
    this.addParagraph(block.text, block.where);
    return 0;
  }

  /** The innermost last subparagraph of the open paragraph, when it has one. */
  private lastSubparagraph(): SubDraft | null {
    let last = this.paragraph?.subs.at(-1) ?? null;
    while (last && last.children.length > 0) last = last.children.at(-1) ?? null;
    return last;
  }

  /**
   * Text between a division's heading and its first article (an annex of text alone, an introductory note) is
   * kept in an article without heading of its own, so that no text is lost; the secretariat moves it.
   */
  private outsideArticle(block: Block, text = block.text): number {
    const name = DIVISION_NAME[this.chapter?.division ?? 'chapter'];
    this.warnings.push(`${block.where}: text between ${name === 'annex' ? 'an' : 'a'} ${name} heading and its first article is not part of any article; kept in an article of its own: ${excerpt(block.text)}`);
    const article: ArticleDraft = { kind: 'article', title: null, paragraphs: [], where: block.where, source: null, number: null };
    (this.chapter ? this.chapter.articles : this.items).push(article);
    this.article = article;
    this.paragraph = null;
    this.emptyUnit = null;
    this.addParagraph(text, block.where);
    return 0;
  }

  private addParagraph(text: string, where: string): void {
    if (!this.article) return;
    const paragraph: ParagraphDraft = { text: this.text(text), subs: [] };
    this.wheres.set(paragraph, where);
    this.article.paragraphs.push(paragraph);
    this.paragraph = paragraph;
    this.emptyUnit = text === '' ? paragraph : null;
  }

  private addSubparagraph(readings: readonly LabelReading[], text: string, block: Block): void {
    if (!this.article) this.outsideArticle(block, '');
    if (!this.paragraph) {
      this.warnings.push(`${block.where}: subparagraph without a paragraph to belong to; it was given a paragraph without text`);
      this.addParagraph('', block.where);
      this.emptyUnit = null;
    }
    const paragraph = this.paragraph as ParagraphDraft;
    const containers: SubDraft[][] = [paragraph.subs];
    for (let depth = 1; depth < DEEPEST_LEVEL; depth++) {
      const open = containers[depth - 1]?.at(-1);
      if (!open) break;
      containers.push(open.children);
    }
    let reading = chooseReading(readings, containers);
    if (!reading) {
      const deepest = containers.length as LabelReading['depth'];
      reading = { depth: deepest, ordinal: 0 };
      this.warnings.push(`${block.where}: subparagraph ${excerpt(block.text)} has no enclosing subparagraph of the level above; placed at level ${deepest}`);
    }
    const container = containers[reading.depth - 1] as SubDraft[];
    const sub: SubDraft = { text: this.text(text), ordinal: reading.ordinal || (container.at(-1)?.ordinal ?? 0) + 1, children: [] };
    this.wheres.set(sub, block.where);
    container.push(sub);
    this.emptyUnit = text === '' ? sub : null;
  }

  /** The document as ProseMirror JSON, brackets matched across the whole text. */
  toJSON(): DocJSON {
    const slots: Slot[] = [];
    const slot = (text: string, where: string): NodeJSON[] => {
      const content: NodeJSON[] = [];
      slots.push({ text, where, content });
      return content;
    };
    const textBlock = (text: string, where: string): NodeJSON => ({ type: 'text_block', content: slot(text, where) });
    const sub = (draft: SubDraft): NodeJSON => ({
      type: 'subparagraph',
      attrs: { id: newNodeId() },
      content: [textBlock(draft.text, this.wheres.get(draft) ?? ''), ...draft.children.map(sub)],
    });
    const article = (draft: ArticleDraft): NodeJSON => ({
      type: 'article',
      attrs: { id: newNodeId(), status: 'open', ...(draft.number === null ? {} : { number: draft.number }) },
      content: [
        ...(draft.title === null ? [] : [{ type: 'heading', content: slot(draft.title, draft.where) }]),
        ...draft.paragraphs.map((paragraph) => ({
          type: 'paragraph',
          attrs: { id: newNodeId(), status: 'open' },
          content: [textBlock(paragraph.text, this.wheres.get(paragraph) ?? draft.where), ...paragraph.subs.map(sub)],
        })),
      ],
    });
    const content: NodeJSON[] = [];
    if (this.title !== null) content.push({ type: 'title', content: slot(this.title, 'the title') });
    if (this.recitals.length > 0) {
      content.push({ type: 'preamble', content: this.recitals.map((text) => ({ type: 'recital', attrs: { id: newNodeId() }, content: slot(text, 'the preamble') })) });
    }
    for (const item of this.items) {
      if (item.kind === 'article') content.push(article(item));
      else {
        const attrs = { id: newNodeId(), ...(item.division === 'chapter' ? {} : { kind: item.division }) };
        content.push({ type: 'chapter', attrs, content: [{ type: 'heading', content: slot(item.title ?? '', `${item.division === 'annex' ? 'an' : 'a'} ${DIVISION_NAME[item.division]} heading`) }, ...item.articles.map(article)] });
      }
    }
    this.fillSlots(slots);
    return { type: 'doc', content };
  }

  /**
   * Turns square brackets into bracket marks. Brackets pair across slots (a bracket may hold several
   * paragraphs); a bracket without its partner is kept as a literal character.
   */
  private fillSlots(slots: readonly Slot[]): void {
    const partner = new Map<string, string>();
    const stack: { key: string; slot: Slot }[] = [];
    slots.forEach((slot, s) => {
      [...slot.text].forEach((char, i) => {
        const key = `${s}:${i}`;
        if (char === '[') stack.push({ key, slot });
        else if (char === ']') {
          const open = stack.pop();
          if (open) {
            const id = newNodeId();
            partner.set(open.key, id);
            partner.set(key, id);
          } else this.warnings.push(`${slot.where}: "]" without an opening bracket in ${excerpt(slot.text)}; kept as text`);
        }
      });
    });
    for (const open of stack) this.warnings.push(`${open.slot.where}: "[" is never closed in ${excerpt(open.slot.text)}; kept as text`);

    const active: string[] = [];
    slots.forEach((slot, s) => {
      let run = '';
      const flush = (): void => {
        if (run === '') return;
        const marks = active.map((id) => ({ type: 'bracket', attrs: { id } }));
        slot.content.push(marks.length > 0 ? { type: 'text', text: run, marks } : { type: 'text', text: run });
        run = '';
      };
      [...slot.text].forEach((char, i) => {
        const id = partner.get(`${s}:${i}`);
        if (id === undefined) {
          run += char === LITERAL_OPEN ? '[' : char === LITERAL_CLOSE ? ']' : char;
          return;
        }
        flush();
        const at = active.indexOf(id);
        if (at >= 0) active.splice(at, 1);
        else active.push(id);
      });
      flush();
    });
  }
}

/**
 * Recognises the structure of a treaty text cut into blocks: the title and preamble before the first article
 * or chapter, chapters, articles with their headings, paragraphs and subparagraphs (by label, list nesting or
 * position), and square brackets. Numbers in the source are dropped; ids are fresh.
 *
 * @throws ImportError when no article heading is found.
 */
export function buildDocument(all: readonly Block[], language: Language): ImportResult {
  const notes = all.filter((block) => block.note !== undefined).map((block) => `${block.where}: ${block.note ?? ''}`);
  const blocks = all.filter((block) => block.text !== SKIPPED);
  const lines = blocks.map((block) => ({ block, line: classify(block.text) }));
  const first = lines.findIndex(({ line }) => line.kind === 'article' || line.kind === 'chapter');
  if (!lines.some(({ line }) => line.kind === 'article')) {
    throw new ImportError(ImportErrorCode.NoArticle, `No article found: expected a line such as "${ARTICLE_EXAMPLE[language]}"`);
  }
  const builder = new DocumentBuilder(lines);
  builder.build(first);
  // Checking against the schema makes a recogniser bug fail here, not in an editor; it also orders brackets.
  const doc = docToJSON(docFromJSON(builder.toJSON()));
  return { doc, warnings: [...notes, ...builder.warnings] };
}
