import type { ProvisionStatus } from '@concord/domain';
import { BCP_47, ISO_639_2, mastheadLines, REVISION_PHRASES } from './locale';
import type { RevisionExportInput } from './revision-input';
import {
  revisionModel,
  type ArticleModel,
  type BlockModel,
  type ChapterModel,
  type InlineNode,
  type OptionGroupModel,
  type OptionModel,
  type ProvisionModel,
  type RevisionModel,
} from './revision-model';
import { el, serialize, type XmlChild, type XmlElement } from './xml';

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The namespace of Concord's own metadata inside `proprietary`. */
export const CONCORD_NAMESPACE = 'urn:concord:revision:1';

const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'num',
  'heading',
  'docTitle',
  'docNumber',
  'docStatus',
  'docDate',
  'docCommittee',
  'span',
  'inline',
  'authorialNote',
]);

/** The number of a symbol inside a URI: `A/AC.291/22/Rev.1` → `A-AC.291-22-Rev.1`. */
function uriNumber(symbol: string): string {
  return encodeURIComponent(symbol.replaceAll('/', '-'));
}

function classes(...names: readonly (string | null | false)[]): string | null {
  const kept = names.filter((name): name is string => typeof name === 'string' && name !== '');
  return kept.length > 0 ? kept.join(' ') : null;
}

function statusClass(status: ProvisionStatus | null): string | null {
  return status && status !== 'open' ? `status-${status}` : null;
}

class AknWriter {
  constructor(
    private readonly input: RevisionExportInput,
    private readonly model: RevisionModel,
  ) {}

  private refersTo(codes: readonly string[]): string | null {
    const refs = codes.map((code) => this.model.organizationIds.get(code)).filter((id): id is string => id !== undefined);
    return refs.length > 0 ? refs.map((id) => `#${id}`).join(' ') : null;
  }

  inline(nodes: readonly InlineNode[]): XmlChild[] {
    return nodes.map((node): XmlChild => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'bracket':
          return el('inline', { name: 'bracket', eId: node.eId, class: classes('bracket', node.continued && 'bracket-continued') }, this.inline(node.children));
        case 'provenance':
          return node.origin === 'proposal'
            ? el('span', { class: 'provenance', refersTo: this.refersTo(node.delegations) }, this.inline(node.children))
            : el('span', { class: 'provenance-edit', title: node.label || null }, this.inline(node.children));
        case 'note-ref': {
          const note = this.model.notes[node.note - 1];
          // A note of the text is part of it and stands where its marker stands; a provenance note is metadata.
          if (note?.kind === 'authorial') {
            return el('authorialNote', { eId: note.eId, marker: String(note.number), placement: 'bottom', class: 'footnote' }, [el('p', {}, this.inline(note.content))]);
          }
          return el('noteRef', { eId: node.eId, href: `#${this.noteEId(node.note)}`, marker: String(node.note), placement: 'bottom', class: 'footnote' });
        }
        case 'xref': {
          const eId = this.model.eIds.get(node.target);
          return eId === undefined ? node.text : el('ref', { href: `#${eId}`, class: 'xref' }, [node.text]);
        }
      }
    });
  }

  private noteEId(number: number): string {
    return this.model.notes[number - 1]?.eId ?? `fn_${number}`;
  }

  private p(nodes: readonly InlineNode[], className: string | null = null): XmlElement {
    return el('p', { class: className }, this.inline(nodes));
  }

  /** Whether a block can stand as the text of its paragraph: a text block, or options of text blocks. */
  private static isTextual(block: BlockModel | undefined): boolean {
    if (!block) return false;
    if (block.kind === 'text') return true;
    return block.kind === 'options' && block.options.every((option) => option.children.every((child) => child.kind === 'text'));
  }

  /** The blocks of a paragraph's own text: its text, or its options of text as block containers. */
  private textBlocks(block: BlockModel): XmlElement[] {
    if (block.kind === 'text') return [this.p(block.content)];
    if (block.kind !== 'options') return [];
    return [
      el(
        'blockContainer',
        { eId: block.eId, wId: block.eId, class: 'option-group' },
        block.options.map((option) =>
          el('blockContainer', this.optionAttrs(option), [
            this.optionNum(option),
            ...option.children.flatMap((child) => (child.kind === 'text' ? [this.p(child.content)] : [])),
          ]),
        ),
      ),
    ];
  }

  private optionAttrs(option: OptionModel): XmlElement['attrs'] {
    return { eId: option.eId, wId: option.eId, class: classes('option', option.isBase && 'option-base'), refersTo: this.refersTo(option.sponsors) };
  }

  private optionNum(option: OptionModel): XmlElement {
    return el('num', {}, [option.label, ...(option.note ? this.inline([option.note]) : [])]);
  }

  /** A paragraph (`paragraph`) or subparagraph (`point`): number, then its text as content, or as intro before its parts. */
  private provision(block: ProvisionModel): XmlElement {
    const name = block.kind === 'paragraph' ? 'paragraph' : 'point';
    const attrs = { eId: block.eId, wId: block.eId, class: statusClass(block.status) };
    const num = block.label ? el('num', {}, [block.label]) : null;
    const [lead, ...rest] = block.children;
    if (!lead || !AknWriter.isTextual(lead)) return el(name, attrs, [num, ...block.children.map((child) => this.hierarchical(child))]);
    if (rest.length === 0) return el(name, attrs, [num, el('content', {}, this.textBlocks(lead))]);
    return el(name, attrs, [num, el('intro', {}, this.textBlocks(lead)), ...rest.map((child) => this.hierarchical(child))]);
  }

  /** Options among paragraphs or subparagraphs: a container per group and per option, holding the option's parts. */
  private optionGroup(block: OptionGroupModel): XmlElement {
    return el(
      'hcontainer',
      { name: 'optionGroup', eId: block.eId, wId: block.eId, class: 'option-group' },
      block.options.map((option) => {
        const text = option.children.every((child) => child.kind === 'text');
        const parts = text
          ? [el('content', {}, option.children.flatMap((child) => (child.kind === 'text' ? [this.p(child.content)] : [])))]
          : option.children.map((child) => this.hierarchical(child));
        return el('hcontainer', { name: 'option', ...this.optionAttrs(option) }, [this.optionNum(option), ...parts]);
      }),
    );
  }

  private hierarchical(block: BlockModel): XmlElement {
    switch (block.kind) {
      case 'paragraph':
      case 'subparagraph':
        return this.provision(block);
      case 'options':
        return this.optionGroup(block);
      case 'text':
        // A text block never follows a paragraph's own text in a valid document; kept rather than dropped.
        return el('hcontainer', { name: 'text' }, [el('content', {}, [this.p(block.content)])]);
    }
  }

  article(article: ArticleModel): XmlElement {
    return el('article', { eId: article.eId, wId: article.eId, class: statusClass(article.status) }, [
      el('num', {}, [article.label]),
      article.heading ? el('heading', {}, this.inline(article.heading)) : null,
      ...article.children.map((child) => this.hierarchical(child)),
    ]);
  }

  /** A chapter, part or section as its Akoma Ntoso element; an annex of the body as an `hcontainer` named so. */
  chapter(chapter: ChapterModel): XmlElement {
    const name = chapter.division === 'annex' ? 'hcontainer' : chapter.division;
    const attributes = chapter.division === 'annex' ? { eId: chapter.eId, wId: chapter.eId, name: 'annex' } : { eId: chapter.eId, wId: chapter.eId };
    return el(name, attributes, [
      el('num', {}, [chapter.label]),
      chapter.heading.length > 0 ? el('heading', {}, this.inline(chapter.heading)) : null,
      ...chapter.articles.map((article) => this.article(article)),
    ]);
  }

  private uris(): { work: string; expression: string; manifestation: string } {
    const work = `/akn/un/bill/${this.input.date}/${uriNumber(this.input.symbol)}`;
    const expression = `${work}/${ISO_639_2[this.input.language]}@`;
    return { work, expression, manifestation: `${expression}.akn` };
  }

  meta(): XmlElement {
    const { input, model } = this;
    const { work, expression, manifestation } = this.uris();
    const date = input.date;
    const original = `${work}/${ISO_639_2[input.originalLanguage]}@`;
    const identification = el('identification', { source: '#secretariat' }, [
      el('FRBRWork', {}, [
        el('FRBRthis', { value: `${work}/!main` }),
        el('FRBRuri', { value: work }),
        el('FRBRdate', { date, name: 'publication' }),
        el('FRBRauthor', { href: '#committee' }),
        el('FRBRcountry', { value: 'un' }),
        el('FRBRnumber', { value: input.symbol }),
        el('FRBRname', { value: input.symbol }),
        el('FRBRprescriptive', { value: 'true' }),
      ]),
      el('FRBRExpression', {}, [
        el('FRBRthis', { value: `${expression}/!main` }),
        el('FRBRuri', { value: expression }),
        el('FRBRdate', { date, name: 'publication' }),
        el('FRBRauthor', { href: '#committee' }),
        el('FRBRlanguage', { language: ISO_639_2[input.language] }),
        input.language !== input.originalLanguage &&
          el('FRBRtranslation', { href: original, fromLanguage: ISO_639_2[input.originalLanguage], by: '#secretariat' }),
      ]),
      el('FRBRManifestation', {}, [
        el('FRBRthis', { value: `${expression}/!main.xml` }),
        el('FRBRuri', { value: manifestation }),
        el('FRBRdate', { date, name: 'generation' }),
        el('FRBRauthor', { href: '#secretariat' }),
        el('FRBRformat', { value: 'application/akn+xml' }),
      ]),
    ]);
    const references = el('references', { source: '#secretariat' }, [
      el('TLCOrganization', { eId: 'committee', href: `/akn/ontology/organizations/un/${encodeURIComponent(input.committee.symbolPrefix)}`, showAs: input.committee.name }),
      el('TLCOrganization', { eId: 'secretariat', href: '/akn/ontology/organizations/un/secretariat', showAs: REVISION_PHRASES[input.language].secretariat }),
      ...model.organizations.map((organization) =>
        el('TLCOrganization', {
          eId: organization.eId,
          href: `/akn/ontology/organizations/un/delegation/${encodeURIComponent(organization.code)}`,
          showAs: organization.name,
        }),
      ),
    ]);
    const provenanceNotes = model.notes.filter((note) => note.kind === 'provenance');
    const notes =
      provenanceNotes.length > 0 &&
      el(
        'notes',
        { source: '#secretariat' },
        provenanceNotes.map((note) =>
          el('note', { eId: note.eId, marker: String(note.number), placement: 'bottom', class: 'provenance', refersTo: this.refersTo(note.delegations) }, [
            el('p', {}, [note.text]),
          ]),
        ),
      );
    const proprietary = el('proprietary', { source: '#secretariat' }, [
      el('concord:revision', {
        'xmlns:concord': CONCORD_NAMESPACE,
        symbol: input.symbol,
        distribution: input.distribution,
        originalLanguage: input.originalLanguage,
        language: input.language,
        contentHash: input.contentHash ?? null,
      }),
    ]);
    return el('meta', {}, [identification, references, notes, proprietary]);
  }

  coverPage(): XmlElement {
    const { input } = this;
    const lines = mastheadLines(input.distribution, input.date, input.language, input.originalLanguage);
    return el('coverPage', { eId: 'masthead', 'xml:lang': BCP_47[input.language] }, [
      el('p', { class: 'symbol' }, [el('docNumber', {}, [input.symbol])]),
      el('p', { class: 'distribution' }, [el('docStatus', {}, [lines.distribution])]),
      el('p', { class: 'date' }, [el('docDate', { date: input.date }, [lines.date])]),
      lines.languageLine !== null && el('p', { class: 'language' }, [lines.languageLine]),
      el('p', { class: 'original' }, [lines.original]),
      el('p', { class: 'committee' }, [el('docCommittee', { refersTo: '#committee' }, [input.committee.name])]),
    ]);
  }
}

/**
 * A revision in one language as Akoma Ntoso 3.0 XML, valid against the OASIS schema (`libs/export/schema`):
 *
 * - `bill` (a draft instrument) with FRBR Work (the symbol as `FRBRnumber` and `FRBRname`, country `un`),
 *   Expression (ISO 639-2 language, `FRBRtranslation` for a version that is not the original) and Manifestation;
 * - `references`: the committee, the secretariat and a `TLCOrganization` per delegation the text or its notes
 *   name (id from the delegation code); `notes`: the provenance footnotes, referred to by `noteRef`;
 *   `proprietary`: symbol, distribution and content hash;
 * - `coverPage` with the masthead, `preface` with the title, `preamble` with the recitals, `body` with chapters,
 *   articles (`num` numbered in the language, `heading`), paragraphs and subparagraphs (`point`), each with
 *   `intro` or `content`;
 * - unagreed text as `<inline name="bracket">` (nested as the brackets nest; the square brackets themselves are
 *   left to the renderer), text from proposals as `<span class="provenance" refersTo="#delegations">` followed
 *   by a `noteRef`, a footnote of the text as an `authorialNote` where its marker stands, option groups as containers with one per option (`blockContainer` where they stand for a
 *   paragraph's text, `hcontainer` among paragraphs), each numbered "Option 1" and referring to its sponsors.
 *
 * `eId` and `wId` are the node's stable id with a type prefix (`art_…`, `para_…`), so they are the same in every
 * language and every export and do not change when provisions are renumbered.
 */
export function revisionToAkomaNtoso(input: RevisionExportInput): string {
  const model = revisionModel(input);
  const writer = new AknWriter(input, model);
  const lang = BCP_47[input.language];
  const preamble =
    model.preamble.length > 0 &&
    el('preamble', { 'xml:lang': lang }, [
      el(
        'recitals',
        { eId: 'recs' },
        model.preamble.map((recital) => el('recital', { eId: recital.eId, wId: recital.eId }, [el('p', {}, writer.inline(recital.content))])),
      ),
    ]);
  const body = model.body.map((node) => (node.kind === 'chapter' ? writer.chapter(node) : writer.article(node)));
  const bill = el('bill', { name: 'draftConvention' }, [
    writer.meta(),
    writer.coverPage(),
    el('preface', { 'xml:lang': lang }, [
      el('longTitle', { eId: 'longTitle' }, [el('p', {}, [el('docTitle', {}, writer.inline(model.title))])]),
    ]),
    preamble,
    el('body', { 'xml:lang': lang }, body.length > 0 ? body : [el('hcontainer', { name: 'empty' })]),
  ]);
  const root = el('akomaNtoso', { xmlns: AKN_NAMESPACE }, [bill]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, { inlineElements: INLINE_ELEMENTS })}\n`;
}
