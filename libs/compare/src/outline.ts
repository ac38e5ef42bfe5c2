import type { Language, ProvisionStatus } from '@concord/domain';
import { numberDocument, type NumberingOptions, type TreatyNodeName } from '@concord/schema';
import type { Mark, Node } from 'prosemirror-model';
import type { BlockRole, ProvisionKind } from './comparison';

/** A chapter, article or paragraph of one document, where it stands and what it is numbered. */
export interface OutlineProvision {
  readonly id: string;
  readonly kind: ProvisionKind;
  readonly label: string;
  /** The label of the article holding a paragraph; `null` for chapters and articles. */
  readonly parentLabel: string | null;
  readonly status: ProvisionStatus | null;
  /** What its order is relative to: `''` for chapters and articles, the article's id for a paragraph. */
  readonly container: string;
  /** Its position among the provisions of its kind in document order. */
  readonly index: number;
}

/** A run of a block's text carrying a provenance mark, in UTF-16 offsets of the block's text. */
export interface ProvenanceRun {
  readonly from: number;
  readonly to: number;
  readonly mark: Mark;
}

/** A text-bearing node of one document. */
export interface OutlineBlock {
  readonly key: string;
  readonly role: BlockRole;
  readonly ownerId: string | null;
  readonly ownerKind: TreatyNodeName;
  /** Ids of the chapter, article and paragraph around the block, outermost first. */
  readonly provisions: readonly string[];
  readonly depth: number;
  readonly label: string;
  readonly text: string;
  /** The textblock itself, to find provenance in; `null` for the stand-in heading of an article without one. */
  readonly node: Node | null;
}

/** The provisions and blocks of a document, in document order and by key. */
export interface Outline {
  readonly provisions: readonly OutlineProvision[];
  readonly provisionById: ReadonlyMap<string, OutlineProvision>;
  readonly blocks: readonly OutlineBlock[];
  readonly blockByKey: ReadonlyMap<string, OutlineBlock>;
}

function bracketIds(node: Node): string[] {
  const ids: string[] = [];
  for (const mark of node.marks) if (mark.type.name === 'bracket') ids.push(String(mark.attrs['id']));
  return ids;
}

function provenanceOf(node: Node): Mark | null {
  return node.marks.find((mark) => mark.type.name === 'provenance') ?? null;
}

/**
 * The text of a textblock exactly as `inlineToText` writes it (unagreed text in square brackets), and, when
 * `runs` is given, the extent of every provenance-marked run in that text.
 */
export function readInline(block: Node, runs?: ProvenanceRun[]): string {
  let out = '';
  const open: string[] = [];
  block.forEach((child) => {
    const ids = bracketIds(child);
    if (ids.length > 0 || open.length > 0) {
      let keep = 0;
      while (keep < open.length && ids.includes(open[keep] ?? '')) keep++;
      const reopened = open.slice(keep).filter((id) => ids.includes(id));
      out += ']'.repeat(open.length - keep);
      open.length = keep;
      for (const id of [...reopened, ...ids.filter((id) => !open.includes(id) && !reopened.includes(id))]) {
        open.push(id);
        out += '[';
      }
    }
    const text = child.text ?? '';
    const mark = runs ? provenanceOf(child) : null;
    if (mark && runs && text) runs.push({ from: out.length, to: out.length + text.length, mark });
    out += text;
  });
  return out + ']'.repeat(open.length);
}

/**
 * Reads a document once: its chapters, articles and paragraphs with their numbers in `language`, and every
 * text-bearing node keyed by its owner's stable id. A node without an id, or whose id an earlier node already
 * has, is keyed by its place under its parent instead and is not a provision of the concordance.
 */
export function outline(doc: Node, language: Language, numbering: NumberingOptions = {}): Outline {
  const labels = numberDocument(doc, language, numbering);
  const provisions: OutlineProvision[] = [];
  const provisionById = new Map<string, OutlineProvision>();
  const blocks: OutlineBlock[] = [];
  const blockByKey = new Map<string, OutlineBlock>();
  const seen = new Set<string>();
  const counters: Record<ProvisionKind, number> = { chapter: 0, article: 0, paragraph: 0 };
  // Labels of numbered nodes just entered that the next block of text prints first ("2. Option 1:").
  let pending: string[] = [];

  /** The node's stable id if it has one no earlier node has, else `null`. */
  const uniqueId = (node: Node): string | null => {
    const id: unknown = node.attrs['id'];
    if (typeof id !== 'string' || id === '' || seen.has(id)) return null;
    seen.add(id);
    return id;
  };
  const labelOf = (id: string | null): string => (id === null ? '' : (labels.get(id)?.label ?? ''));

  const addBlock = (block: OutlineBlock): void => {
    blocks.push(block);
    blockByKey.set(block.key, block);
  };

  const addProvision = (id: string | null, node: Node, kind: ProvisionKind, container: string, parentLabel: string | null): void => {
    if (id === null) return;
    const status = kind === 'chapter' ? null : (node.attrs['status'] as ProvisionStatus);
    const provision = { id, kind, label: labelOf(id), parentLabel, status, container, index: counters[kind]++ };
    provisions.push(provision);
    provisionById.set(id, provision);
  };

  let notes = 0;
  const textBlock = (node: Node, key: string, role: BlockRole, owner: string | null, ownerKind: TreatyNodeName, chain: readonly string[], depth: number): void => {
    const label = pending.join(' ');
    pending = [];
    addBlock({ key, role, ownerId: owner, ownerKind, provisions: chain, depth, label, text: readInline(node), node });
    // A footnote's words follow the text it stands in, as a block keyed by the note's id, numbered in document
    // order, so that a note added, removed or reworded shows as such.
    node.forEach((child, _offset, index) => {
      if (child.type.name !== 'footnote') return;
      const id = uniqueId(child);
      notes += 1;
      addBlock({ key: id ?? `${key}#note${index}`, role: 'footnote', ownerId: id, ownerKind: 'footnote', provisions: chain, depth: depth + 1, label: `(${notes})`, text: readInline(child), node: child });
    });
  };

  /** The heading line of a chapter or article: its number, then its heading text if it has one. */
  const headingLine = (node: Node, key: string, id: string | null, chain: readonly string[]): void => {
    const first = node.firstChild;
    const heading = first?.type.name === 'heading' ? first : null;
    const ownerKind = node.type.name as TreatyNodeName;
    const text = heading ? readInline(heading) : '';
    addBlock({ key: `${key}#heading`, role: 'heading', ownerId: id, ownerKind, provisions: chain, depth: 0, label: labelOf(id), text, node: heading });
  };

  /** The content of a paragraph, subparagraph or option: text blocks, subparagraphs, option groups, paragraphs. */
  const content = (node: Node, key: string, owner: string | null, chain: readonly string[], depth: number, article: ArticleContext): void => {
    let texts = 0;
    node.forEach((child, _offset, index) => {
      switch (child.type.name) {
        case 'text_block':
          textBlock(child, `${key}#${texts++}`, 'text', owner, node.type.name as TreatyNodeName, chain, depth);
          break;
        case 'paragraph':
          paragraph(child, `${key}/${index}`, chain, depth, article);
          break;
        case 'subparagraph':
          subparagraph(child, `${key}/${index}`, chain, depth + 1, article);
          break;
        case 'option_group':
          optionGroup(child, `${key}/${index}`, chain, depth, article);
          break;
      }
    });
  };

  const subparagraph = (node: Node, fallbackKey: string, chain: readonly string[], depth: number, article: ArticleContext): void => {
    const id = uniqueId(node);
    const label = labelOf(id);
    if (label) pending.push(label);
    content(node, id ?? fallbackKey, id, chain, depth, article);
  };

  const optionGroup = (group: Node, fallbackKey: string, chain: readonly string[], depth: number, article: ArticleContext): void => {
    const groupKey = uniqueId(group) ?? fallbackKey;
    group.forEach((option, _offset, index) => {
      const id = uniqueId(option);
      const label = labelOf(id);
      if (label) pending.push(`${label}:`);
      content(option, id ?? `${groupKey}/${index}`, id, chain, depth + 1, article);
    });
  };

  const paragraph = (node: Node, fallbackKey: string, chain: readonly string[], depth: number, article: ArticleContext): void => {
    const id = uniqueId(node);
    addProvision(id, node, 'paragraph', article.key, article.label);
    const label = labelOf(id);
    if (label) pending.push(label);
    content(node, id ?? fallbackKey, id, id === null ? chain : [...chain, id], depth, article);
  };

  const articleNode = (node: Node, fallbackKey: string, chain: readonly string[]): void => {
    const id = uniqueId(node);
    const key = id ?? fallbackKey;
    addProvision(id, node, 'article', '', null);
    const inner = id === null ? chain : [...chain, id];
    headingLine(node, key, id, inner);
    const context = { key, label: labelOf(id) };
    node.forEach((child, _offset, index) => {
      if (child.type.name === 'paragraph') paragraph(child, `${key}/${index}`, inner, 0, context);
      else if (child.type.name === 'option_group') optionGroup(child, `${key}/${index}`, inner, 0, context);
    });
  };

  doc.forEach((child, _offset, index) => {
    switch (child.type.name) {
      case 'title':
        textBlock(child, 'title', 'title', null, 'doc', [], 0);
        break;
      case 'preamble':
        child.forEach((recital, _o, i) => {
          const id = uniqueId(recital);
          textBlock(recital, id ?? `preamble/${i}`, 'recital', id, 'recital', [], 0);
        });
        break;
      case 'article':
        articleNode(child, `/${index}`, []);
        break;
      case 'chapter': {
        const id = uniqueId(child);
        const key = id ?? `/${index}`;
        addProvision(id, child, 'chapter', '', null);
        const chain = id === null ? [] : [id];
        headingLine(child, key, id, chain);
        child.forEach((grandchild, _o, i) => {
          if (grandchild.type.name === 'article') articleNode(grandchild, `${key}/${i}`, chain);
        });
        break;
      }
    }
  });
  return { provisions, provisionById, blocks, blockByKey };
}

/** The article a paragraph stands in: what its order is relative to, and the article's number. */
interface ArticleContext {
  readonly key: string;
  readonly label: string;
}
