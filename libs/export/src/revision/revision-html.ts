import { isRightToLeft, type Language, type ProvisionStatus } from '@concord/domain';
import { BCP_47, formatNumber, mastheadLines, REVISION_PHRASES } from './locale';
import type { RevisionExportInput } from './revision-input';
import {
  revisionModel,
  type ArticleModel,
  type BlockModel,
  type ChapterModel,
  type InlineNode,
  type OptionGroupModel,
  type ProvisionModel,
  type RevisionModel,
} from './revision-model';
import { el, serialize, type XmlChild, type XmlElement } from './xml';

/** Elements HTML writes without an end tag. */
export const HTML_VOID_ELEMENTS: ReadonlySet<string> = new Set(['meta', 'br', 'hr', 'link']);

/** Elements whose content is text, written on one line. */
export const HTML_INLINE_ELEMENTS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'li', 'span', 'a', 'sup', 'ins', 'del', 'bdi', 'time', 'title', 'style', 'strong', 'em']);

// Written into a <style> element, whose text HTML does not unescape: no '<', '>' or '&' here.
const REVISION_CSS = [
  'body{font-family:"Times New Roman",Times,serif;line-height:1.45;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}',
  '.masthead{display:flex;justify-content:space-between;align-items:flex-start;gap:2rem;border-bottom:2px solid #111;padding-bottom:.5rem}',
  '.masthead p{margin:0}',
  '.masthead-symbol{text-align:end}',
  '.symbol{font-size:1.5em;font-weight:bold}',
  '.committee{font-weight:bold}',
  'h1{font-size:1.35em;margin:1.5rem 0}',
  '.chapter-heading,.article-heading{text-align:center;font-size:1em;margin:1.5rem 0 .75rem}',
  '.chapter-heading span,.article-heading span{display:block}',
  '.status{font-style:italic;font-weight:normal}',
  '.num{margin-inline-end:.4em}',
  '.subparagraph{margin-inline-start:2.5em}',
  '.option-group{border-inline-start:3px solid #888;padding-inline-start:1em;margin:.75em 0}',
  '.option-label{font-weight:bold;font-style:italic;margin-bottom:.25em}',
  '.provenance{text-decoration:underline dotted}',
  '.note-ref a{text-decoration:none}',
  '.notes{border-top:1px solid #111;margin-top:2rem;font-size:.9em}',
  '[dir=rtl] .notes ol{list-style-type:arabic-indic}',
].join('\n');

/** The head of a standalone HTML document: charset, viewport, title, styles; never a script. */
export function htmlHead(title: string, css: string, meta: Readonly<Record<string, string>> = {}): XmlElement {
  return el('head', {}, [
    el('meta', { charset: 'utf-8' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    ...Object.entries(meta).map(([name, content]) => el('meta', { name, content })),
    el('title', {}, [title]),
    el('style', {}, [css]),
  ]);
}

/** A complete HTML5 document: doctype, `html` with `lang` and `dir`, escaped throughout. */
export function htmlDocument(language: Language, head: XmlElement, body: XmlElement): string {
  const html = el('html', { lang: BCP_47[language], dir: isRightToLeft(language) ? 'rtl' : 'ltr' }, [head, body]);
  return `<!DOCTYPE html>\n${serialize(html, { voidElements: HTML_VOID_ELEMENTS, selfClose: false, inlineElements: HTML_INLINE_ELEMENTS })}\n`;
}

class RevisionHtml {
  /** Ids of the references to each note, in order, for the notes' links back. */
  private readonly references = new Map<number, string[]>();

  constructor(
    private readonly input: RevisionExportInput,
    private readonly model: RevisionModel,
  ) {}

  inline(nodes: readonly InlineNode[]): XmlChild[] {
    return nodes.flatMap((node): XmlChild[] => {
      switch (node.kind) {
        case 'text':
          return [node.text];
        case 'bracket':
          return [el('span', { class: 'bracket', 'data-bracket': node.bracketId }, ['[', ...this.inline(node.children), ']'])];
        case 'provenance':
          return node.origin === 'proposal'
            ? [el('span', { class: 'provenance', 'data-proposals': node.ref, 'data-delegations': node.delegations.join(' ') || null }, this.inline(node.children))]
            : [el('span', { class: 'provenance-edit', title: node.label || null }, this.inline(node.children))];
        case 'note-ref': {
          const note = this.model.notes[node.note - 1];
          if (!note) return [];
          this.references.set(node.note, [...(this.references.get(node.note) ?? []), node.eId]);
          const marker = formatNumber(node.note, this.input.language);
          return [el('sup', { class: 'note-ref' }, [el('a', { id: node.eId, href: `#${note.eId}`, role: 'doc-noteref' }, [marker])])];
        }
        case 'xref': {
          const eId = this.model.eIds.get(node.target);
          return [eId === undefined ? node.text : el('a', { class: 'xref', href: `#${eId}` }, [node.text])];
        }
      }
    });
  }

  private status(status: ProvisionStatus | null): XmlElement | null {
    return status && status !== 'open' ? el('span', { class: 'status' }, [REVISION_PHRASES[this.input.language].status[status]]) : null;
  }

  /** A provision's number and the space after it, so that copied text reads "1. The…". */
  private num(label: string): XmlChild[] {
    return label ? [el('span', { class: 'num' }, [label]), ' '] : [];
  }

  private provision(block: ProvisionModel): XmlElement {
    const [lead, ...rest] = block.children;
    const status = this.status(block.status);
    const attrs = { class: block.kind, id: block.eId, 'data-status': block.status };
    if (lead?.kind === 'text') {
      const first = el('p', {}, [...this.num(block.label), ...this.inline(lead.content), status && ' ', status]);
      return el('div', attrs, [first, ...rest.map((child) => this.block(child))]);
    }
    const own = block.label || status ? el('p', {}, [...this.num(block.label), status]) : null;
    return el('div', attrs, [own, ...block.children.map((child) => this.block(child))]);
  }

  private options(group: OptionGroupModel): XmlElement {
    return el(
      'div',
      { class: 'option-group', id: group.eId },
      group.options.map((option) =>
        el('div', { class: option.isBase ? 'option option-base' : 'option', id: option.eId, 'data-sponsors': option.sponsors.join(' ') || null }, [
          el('p', { class: 'option-label' }, [option.label, ...(option.note ? this.inline([option.note]) : [])]),
          ...option.children.map((child) => this.block(child)),
        ]),
      ),
    );
  }

  private block(block: BlockModel): XmlElement {
    switch (block.kind) {
      case 'text':
        return el('p', {}, this.inline(block.content));
      case 'paragraph':
      case 'subparagraph':
        return this.provision(block);
      case 'options':
        return this.options(block);
    }
  }

  article(article: ArticleModel, level: 'h2' | 'h3'): XmlElement {
    const heading = el(level, { class: 'article-heading' }, [
      el('span', { class: 'num' }, [article.label]),
      article.heading && article.heading.length > 0 && ' ',
      article.heading && article.heading.length > 0 ? el('span', { class: 'heading' }, this.inline(article.heading)) : null,
      article.status !== 'open' && ' ',
      this.status(article.status),
    ]);
    return el('section', { class: 'article', id: article.eId, 'data-status': article.status }, [heading, ...article.children.map((child) => this.block(child))]);
  }

  chapter(chapter: ChapterModel): XmlElement {
    const heading = el('h2', { class: 'chapter-heading' }, [
      el('span', { class: 'num' }, [chapter.label]),
      chapter.heading.length > 0 && ' ',
      chapter.heading.length > 0 ? el('span', { class: 'heading' }, this.inline(chapter.heading)) : null,
    ]);
    return el('section', { class: 'chapter', id: chapter.eId }, [heading, ...chapter.articles.map((article) => this.article(article, 'h3'))]);
  }

  masthead(): XmlElement {
    const { input } = this;
    const lines = mastheadLines(input.distribution, input.date, input.language, input.originalLanguage);
    return el('header', { class: 'masthead' }, [
      el('div', { class: 'masthead-body' }, [el('p', { class: 'committee' }, [input.committee.name])]),
      el('div', { class: 'masthead-symbol' }, [
        el('p', { class: 'symbol' }, [el('bdi', {}, [input.symbol])]),
        el('p', { class: 'distribution' }, [lines.distribution]),
        el('p', { class: 'date' }, [el('time', { datetime: input.date }, [lines.date])]),
        lines.languageLine !== null && el('p', { class: 'language' }, [lines.languageLine]),
        el('p', { class: 'original' }, [lines.original]),
      ]),
    ]);
  }

  notes(): XmlElement | null {
    if (this.model.notes.length === 0) return null;
    const phrases = REVISION_PHRASES[this.input.language];
    return el('footer', {}, [
      el('section', { class: 'notes', id: 'notes', role: 'doc-endnotes' }, [
        el('h2', {}, [phrases.notes]),
        el(
          'ol',
          {},
          this.model.notes.map((note) =>
            el('li', { id: note.eId, class: note.kind === 'authorial' ? 'authorial-note' : null, 'data-proposals': note.proposalIds.join(' ') || null, 'data-delegations': note.delegations.join(' ') || null }, [
              ...(note.kind === 'authorial' ? this.inline(note.content) : [note.text]),
              ...(this.references.get(note.number) ?? []).flatMap((ref) => [' ', el('a', { href: `#${ref}`, class: 'note-back', role: 'doc-backlink' }, ['↩'])]),
            ]),
          ),
        ),
      ]),
    ]);
  }
}

/**
 * A revision in one language as a standalone HTML5 document: `lang` and `dir` set (right to left in Arabic), the
 * masthead (committee; symbol, distribution, date, "Original: …"), the title, the preamble, chapters and
 * articles numbered in the language, paragraphs and subparagraphs, unagreed text in [square brackets], options
 * with their labels, and the provenance footnotes as an ordered list linked both ways with their references.
 * Every text and attribute is escaped; the page has no script. Element ids are the Akoma Ntoso `eId`s.
 */
export function revisionToHtml(input: RevisionExportInput): string {
  const model = revisionModel(input);
  const writer = new RevisionHtml(input, model);
  const preamble =
    model.preamble.length > 0 &&
    el(
      'section',
      { class: 'preamble', id: 'preamble' },
      model.preamble.map((recital) => el('p', { class: 'recital', id: recital.eId }, writer.inline(recital.content))),
    );
  const body = model.body.map((node) => (node.kind === 'chapter' ? writer.chapter(node) : writer.article(node, 'h2')));
  const main = el('main', {}, [el('h1', { class: 'title' }, writer.inline(model.title)), preamble, ...body]);
  // Notes are written last: their links back need the references the body made.
  const page = el('body', {}, [writer.masthead(), main, writer.notes()]);
  const meta: Record<string, string> = { 'dc.identifier': input.symbol, 'dc.date': input.date };
  if (input.contentHash) meta['content-hash'] = input.contentHash;
  return htmlDocument(input.language, htmlHead(`${input.symbol} – ${input.title}`, REVISION_CSS, meta), page);
}
