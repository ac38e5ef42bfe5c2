import { isProvisionStatus, type ProvisionStatus } from '@concord/domain';
import { Schema, type Attrs, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';

/**
 * Where a span of consolidated text came from: the base text, a proposal, a secretariat edit, or a translation of
 * the original's words (which keeps the delegations and label of the text it renders).
 */
export const PROVENANCE_KINDS = ['base', 'proposal', 'edit', 'translation'] as const;

/** The origin kind recorded by a `provenance` mark. */
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/** Attributes shared by every structural node: its stable id (`null` only until an id is assigned). */
export interface NodeIdAttrs {
  readonly id: string | null;
}

/** Attributes of `article` and `paragraph`: the provision's negotiation status. */
export interface ProvisionAttrs extends NodeIdAttrs {
  readonly status: ProvisionStatus;
}

/**
 * Attributes of an `article`: besides its status, its frozen number, `"7"` or, for a provision inserted after
 * article 7 while numbers were frozen, `"7.1"` (7 bis), `"7.2"` (7 ter); `null` until the secretariat numbers it.
 */
export interface ArticleAttrs extends ProvisionAttrs {
  readonly number: string | null;
}

/**
 * The kinds of division a `chapter` node stands for: a chapter, or a part, section or annex of texts that are
 * divided so. Divisions do not nest; a part's chapters and a chapter's sections follow it as siblings, each
 * numbered in its own sequence (see `numberDocument`).
 */
export const DIVISION_KINDS = ['chapter', 'part', 'section', 'annex'] as const;

/** What a `chapter` node is a division of the text as. */
export type DivisionKind = (typeof DIVISION_KINDS)[number];

/** Attributes of a `chapter`: its id and the kind of division it is (`chapter` unless imported otherwise). */
export interface ChapterAttrs extends NodeIdAttrs {
  readonly kind: DivisionKind;
}

/** Attributes of an `xref` mark: the stable id of the provision the marked words refer to. */
export interface XrefAttrs {
  readonly target: string;
}

/** Attributes of an `option`: who proposed it, from which proposals, and whether it is the base text's option. */
export interface OptionAttrs extends NodeIdAttrs {
  /** Codes of the delegations that sponsor or support this formulation. */
  readonly sponsors: readonly string[];
  /** Ids of the proposals this formulation comes from. */
  readonly proposalIds: readonly string[];
  /** Whether this option is the formulation of the base text. */
  readonly isBase: boolean;
  /**
   * Who is behind the option in words, by language code: "Proposed by Egypt, co-sponsored by the European
   * Union; supported by Brazil". Empty for options written before it existed, which name their sponsors' codes.
   */
  readonly attribution: Readonly<Record<string, string>>;
}

/** Attributes of a `bracket` mark: its own id, so that two brackets over the same text stay two. */
export interface BracketAttrs {
  readonly id: string;
}

/** Attributes of a `provenance` mark. */
export interface ProvenanceAttrs {
  readonly kind: ProvenanceKind;
  /**
   * The revision id (`base`), proposal id (`proposal`) or user id (`edit`) the text comes from; a `translation`
   * keeps the ref of the original words it renders (the translator's user id where it renders none).
   */
  readonly ref: string;
  /**
   * Codes of the delegations behind the text (proposer first, then co-sponsors and supporters); a translation
   * keeps those of the original words it renders.
   */
  readonly delegations: readonly string[];
  /** A human-readable description, e.g. a footnote text. */
  readonly label: string;
}

/** Names of the node types of {@link treatySchema}. */
export type TreatyNodeName =
  | 'doc'
  | 'title'
  | 'preamble'
  | 'recital'
  | 'chapter'
  | 'heading'
  | 'article'
  | 'paragraph'
  | 'subparagraph'
  | 'text_block'
  | 'option_group'
  | 'option'
  | 'footnote'
  | 'text';

/** Names of the mark types of {@link treatySchema}. */
export type TreatyMarkName = 'bracket' | 'provenance' | 'xref';

/** Node types that carry a stable `id` attribute. */
export const STRUCTURAL_NODE_NAMES: readonly TreatyNodeName[] = [
  'recital',
  'chapter',
  'article',
  'paragraph',
  'subparagraph',
  'option_group',
  'option',
  'footnote',
];

/** The minimal view of a DOM element that the parse rules need, so this module needs no DOM typings. */
interface ElementAttributes {
  getAttribute(name: string): string | null;
}

function validateStringArray(name: string): (value: unknown) => void {
  return (value) => {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw new RangeError(`Expected an array of strings for attribute ${name}, got ${JSON.stringify(value)}`);
    }
  };
}

function validateStringRecord(name: string): (value: unknown) => void {
  return (value) => {
    const valid = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
    if (!valid) throw new RangeError(`Expected an object of strings for attribute ${name}, got ${JSON.stringify(value)}`);
  };
}

function validateStatus(value: unknown): void {
  if (!isProvisionStatus(value)) {
    throw new RangeError(`Expected a provision status for attribute status, got ${JSON.stringify(value)}`);
  }
}

function validateDivisionKind(value: unknown): void {
  if (!(DIVISION_KINDS as readonly unknown[]).includes(value)) {
    throw new RangeError(`Expected one of ${DIVISION_KINDS.join(', ')} for attribute kind, got ${JSON.stringify(value)}`);
  }
}

function validateProvenanceKind(value: unknown): void {
  if (!(PROVENANCE_KINDS as readonly unknown[]).includes(value)) {
    throw new RangeError(`Expected one of ${PROVENANCE_KINDS.join(', ')} for attribute kind, got ${JSON.stringify(value)}`);
  }
}

/** A frozen article number: its base number, then after a dot the rank of its suffix (1 bis, 2 ter …). */
export const FROZEN_NUMBER = /^[1-9][0-9]{0,3}(\.[1-9][0-9]?)?$/;

function validateNumber(value: unknown): void {
  if (value !== null && !(typeof value === 'string' && FROZEN_NUMBER.test(value))) {
    throw new RangeError(`Expected a frozen number such as "7" or "7.1" for attribute number, got ${JSON.stringify(value)}`);
  }
}

const idAttr = { default: null, validate: 'string|null' } as const;
const numberAttr = { default: null, validate: validateNumber } as const;
const statusAttr = { default: 'open', validate: validateStatus } as const;

function words(value: string | null): string[] {
  return value ? value.split(/\s+/).filter((word) => word.length > 0) : [];
}

function parseRecord(value: string | null): Record<string, string> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function idOf(dom: ElementAttributes): Attrs {
  return { id: dom.getAttribute('data-id') };
}

function provisionOf(dom: ElementAttributes): Attrs {
  const status = dom.getAttribute('data-status');
  return { id: dom.getAttribute('data-id'), status: isProvisionStatus(status) ? status : 'open' };
}

/** DOM attributes for a node's id, leaving the attribute out when the id is not yet assigned. */
function idDOM(attrs: Attrs): Record<string, string> {
  return typeof attrs['id'] === 'string' ? { 'data-id': attrs['id'] } : {};
}

/** A block node rendered as `tag` with `data-node`, its id and any further attributes. */
function structural(tag: string, name: string, parseTag = tag): Pick<NodeSpec, 'toDOM' | 'parseDOM'> {
  return {
    toDOM: (node): DOMOutputSpec => [tag, { 'data-node': name, ...idDOM(node.attrs) }, 0],
    parseDOM: [{ tag: `${parseTag}[data-node="${name}"]`, getAttrs: (dom) => idOf(dom as ElementAttributes) }],
  };
}

function provision(tag: string, name: string): Pick<NodeSpec, 'toDOM' | 'parseDOM'> {
  return {
    toDOM: (node): DOMOutputSpec => [
      tag,
      {
        'data-node': name,
        ...idDOM(node.attrs),
        'data-status': String(node.attrs['status']),
        ...(typeof node.attrs['number'] === 'string' ? { 'data-number': node.attrs['number'] } : {}),
      },
      0,
    ],
    parseDOM: [
      {
        tag: `${tag}[data-node="${name}"]`,
        getAttrs: (dom) => {
          const attrs = provisionOf(dom as ElementAttributes);
          if (name !== 'article') return attrs;
          const number = (dom as ElementAttributes).getAttribute('data-number');
          return { ...attrs, number: number !== null && FROZEN_NUMBER.test(number) ? number : null };
        },
      },
    ],
  };
}

const nodes: Record<TreatyNodeName, NodeSpec> = {
  doc: { content: 'title? preamble? (chapter | article)+' },
  title: {
    content: 'text*',
    defining: true,
    toDOM: () => ['h1', { 'data-node': 'title' }, 0],
    parseDOM: [{ tag: 'h1[data-node="title"]' }],
  },
  preamble: {
    content: 'recital+',
    toDOM: () => ['section', { 'data-node': 'preamble' }, 0],
    parseDOM: [{ tag: 'section[data-node="preamble"]' }],
  },
  recital: { content: 'inline*', attrs: { id: idAttr }, defining: true, ...structural('p', 'recital') },
  chapter: {
    content: 'heading article*',
    attrs: { id: idAttr, kind: { default: 'chapter', validate: validateDivisionKind } },
    toDOM: (node): DOMOutputSpec => [
      'section',
      { 'data-node': 'chapter', ...idDOM(node.attrs), ...(node.attrs['kind'] === 'chapter' ? {} : { 'data-kind': String(node.attrs['kind']) }) },
      0,
    ],
    parseDOM: [
      {
        tag: 'section[data-node="chapter"]',
        getAttrs: (dom) => {
          const kind = (dom as ElementAttributes).getAttribute('data-kind');
          return { ...idOf(dom as ElementAttributes), kind: (DIVISION_KINDS as readonly (string | null)[]).includes(kind) ? kind : 'chapter' };
        },
      },
    ],
  },
  heading: {
    content: 'text*',
    defining: true,
    toDOM: () => ['h2', { 'data-node': 'heading' }, 0],
    parseDOM: [{ tag: 'h2[data-node="heading"]' }],
  },
  article: {
    content: 'heading? (paragraph | option_group)+',
    attrs: { id: idAttr, status: statusAttr, number: numberAttr },
    ...provision('section', 'article'),
  },
  paragraph: {
    content: '(text_block | option_group) (subparagraph | option_group)*',
    attrs: { id: idAttr, status: statusAttr },
    ...provision('div', 'paragraph'),
  },
  subparagraph: {
    content: '(text_block | option_group) (subparagraph | option_group)*',
    attrs: { id: idAttr },
    ...structural('div', 'subparagraph'),
  },
  text_block: {
    content: 'inline*',
    defining: true,
    toDOM: () => ['p', { 'data-node': 'text-block' }, 0],
    parseDOM: [{ tag: 'p[data-node="text-block"]' }],
  },
  option_group: { content: 'option{2,}', attrs: { id: idAttr }, ...structural('div', 'option-group') },
  option: {
    // One kind of content per option: whole paragraphs (in an article), whole subparagraphs (in a paragraph
    // or subparagraph) or the text of the enclosing paragraph or subparagraph.
    content: 'paragraph+ | subparagraph+ | text_block+',
    attrs: {
      id: idAttr,
      sponsors: { default: [], validate: validateStringArray('sponsors') },
      proposalIds: { default: [], validate: validateStringArray('proposalIds') },
      isBase: { default: false, validate: 'boolean' },
      attribution: { default: {}, validate: validateStringRecord('attribution') },
    },
    toDOM: (node): DOMOutputSpec => {
      const attrs: Record<string, string> = { 'data-node': 'option', ...idDOM(node.attrs) };
      const sponsors = node.attrs['sponsors'] as readonly string[];
      const proposalIds = node.attrs['proposalIds'] as readonly string[];
      if (sponsors.length > 0) attrs['data-sponsors'] = sponsors.join(' ');
      if (proposalIds.length > 0) attrs['data-proposal-ids'] = proposalIds.join(' ');
      if (node.attrs['isBase'] === true) attrs['data-base'] = 'true';
      const attribution = node.attrs['attribution'] as Readonly<Record<string, string>>;
      if (Object.keys(attribution).length > 0) attrs['data-attribution'] = JSON.stringify(attribution);
      return ['div', attrs, 0];
    },
    parseDOM: [
      {
        tag: 'div[data-node="option"]',
        getAttrs: (dom) => {
          const element = dom as ElementAttributes;
          return {
            id: element.getAttribute('data-id'),
            sponsors: words(element.getAttribute('data-sponsors')),
            proposalIds: words(element.getAttribute('data-proposal-ids')),
            isBase: element.getAttribute('data-base') === 'true',
            attribution: parseRecord(element.getAttribute('data-attribution')),
          };
        },
      },
    ],
  },
  footnote: {
    // A note is an inline node holding its own text rather than an atom with the text in an attribute:
    // y-prosemirror stores it as an element whose words are a Y.XmlText of their own, so two people editing
    // one note merge character by character, and the note's words carry provenance and brackets like any other
    // words (y-prosemirror keeps no marks of an element, only those of text). `atom` keeps the cursor out of it:
    // the editor draws it as a numbered marker through a node view and edits its words in a dialog.
    group: 'inline',
    inline: true,
    atom: true,
    content: 'text*',
    marks: 'bracket provenance',
    attrs: { id: idAttr },
    toDOM: (node): DOMOutputSpec => ['span', { 'data-node': 'footnote', ...idDOM(node.attrs) }, 0],
    parseDOM: [{ tag: 'span[data-node="footnote"]', getAttrs: (dom) => idOf(dom as ElementAttributes) }],
  },
  text: { group: 'inline' },
};

const marks: Record<TreatyMarkName, MarkSpec> = {
  bracket: {
    attrs: { id: { validate: 'string' } },
    // Brackets nest and overlap: a bracket never excludes another bracket.
    excludes: '',
    inclusive: false,
    toDOM: (mark): DOMOutputSpec => ['span', { class: 'bracket', 'data-id': String(mark.attrs['id']) }, 0],
    parseDOM: [
      {
        tag: 'span.bracket',
        getAttrs: (dom) => {
          const id = (dom as ElementAttributes).getAttribute('data-id');
          return id ? { id } : false;
        },
      },
    ],
  },
  provenance: {
    attrs: {
      kind: { validate: validateProvenanceKind },
      ref: { validate: 'string' },
      delegations: { default: [], validate: validateStringArray('delegations') },
      label: { default: '', validate: 'string' },
    },
    // Text typed next to attributed text is attributed afresh by the editor, never by extension.
    inclusive: false,
    toDOM: (mark): DOMOutputSpec => {
      const attrs: Record<string, string> = {
        class: 'provenance',
        'data-kind': String(mark.attrs['kind']),
        'data-ref': String(mark.attrs['ref']),
      };
      const delegations = mark.attrs['delegations'] as readonly string[];
      if (delegations.length > 0) attrs['data-delegations'] = delegations.join(' ');
      if (mark.attrs['label']) attrs['title'] = String(mark.attrs['label']);
      return ['span', attrs, 0];
    },
    parseDOM: [
      {
        tag: 'span.provenance',
        getAttrs: (dom) => {
          const element = dom as ElementAttributes;
          const kind = element.getAttribute('data-kind');
          const ref = element.getAttribute('data-ref');
          if (!(PROVENANCE_KINDS as readonly (string | null)[]).includes(kind) || ref === null) return false;
          return {
            kind,
            ref,
            delegations: words(element.getAttribute('data-delegations')),
            label: element.getAttribute('title') ?? '',
          };
        },
      },
    ],
  },
  xref: {
    attrs: { target: { validate: 'string' } },
    // Words typed after a reference are not part of it.
    inclusive: false,
    excludes: 'xref',
    toDOM: (mark): DOMOutputSpec => ['span', { class: 'xref', 'data-target': String(mark.attrs['target']) }, 0],
    parseDOM: [
      {
        tag: 'span.xref',
        getAttrs: (dom) => {
          const target = (dom as ElementAttributes).getAttribute('data-target');
          return target ? { target } : false;
        },
      },
    ],
  },
};

/**
 * The ProseMirror schema of treaty text.
 *
 * ```
 * doc          title? preamble? (chapter | article)+
 * preamble     recital+
 * chapter      heading article*                          id, kind (chapter, part, section or annex)
 * article      heading? (paragraph | option_group)+      id, status, number
 * paragraph    (text_block | option_group) (subparagraph | option_group)*   id, status
 * subparagraph (text_block | option_group) (subparagraph | option_group)*   id
 * option_group option{2,}                                id
 * option       paragraph+ | subparagraph+ | text_block+  id, sponsors, proposalIds, isBase, attribution
 * footnote     text*  (inline, atom)                    id
 * title, heading: text; recital, text_block: inline (text and footnotes)
 * ```
 *
 * An option group stands wherever what its options hold may stand: options of paragraphs in an article,
 * options of subparagraphs in a paragraph, options of text_blocks in place of a paragraph's own text.
 * A footnote is part of the text: it stands where its marker stands and holds the note's own words.
 * Marks: `bracket` (nestable and overlapping unagreed text), `provenance` (origin of the text) and `xref` (words
 * that refer to a provision by id, rewritten when the provision is renumbered).
 * Numbers of paragraphs and below are derived from order; an article's is frozen in its `number` attribute once
 * the secretariat has numbered the text (see `numberDocument`).
 */
export const treatySchema: Schema<TreatyNodeName, TreatyMarkName> = new Schema<TreatyNodeName, TreatyMarkName>({
  nodes,
  marks,
});
