import type { Language } from '@concord/domain';
import { findNodeById, hasStableId, numberDocument, type NumberLabel } from '@concord/schema';
import { diffWordsWithSpace } from 'diff';
import type { Node } from 'prosemirror-model';

/** A run of words of a changed text: kept, inserted or deleted. */
export interface ChangeSegment {
  readonly kind: 'same' | 'inserted' | 'deleted';
  readonly text: string;
}

/** One step of the way to a changed text: "Article 4", paragraph 2, "(a)", its heading… */
export type LocationPart =
  | { readonly kind: 'chapter' | 'article' | 'option' | 'subparagraph'; readonly label: string }
  | { readonly kind: 'paragraph'; readonly label: string }
  | { readonly kind: 'recital'; readonly ordinal: number }
  | { readonly kind: 'title' | 'preamble' | 'heading' };

/** A change of a proposal against its base, as a reader reviews it. */
export interface TextChange {
  /** The slot of the changed node, stable across versions of the text (a node id, `a1#heading`, `p1#text0`). */
  readonly key: string;
  /** Words changed inside a text; a node added; a node deleted. */
  readonly kind: 'text' | 'added' | 'deleted';
  readonly location: readonly LocationPart[];
  readonly segments: readonly ChangeSegment[];
}

/** Containers whose children a proposal may leave out without deleting them (it holds only the articles it targets). */
const PARTIAL: ReadonlySet<string> = new Set(['doc', 'chapter']);

/** The slot keys of a node's children, as the compile engine names them. */
function childKeys(node: Node, key: string): string[] {
  const keys: string[] = [];
  let texts = 0;
  node.forEach((child, _offset, index) => {
    const id: unknown = child.attrs['id'];
    if (hasStableId(child) && typeof id === 'string' && id !== '') keys.push(id);
    else if (child.type.name === 'title') keys.push('#title');
    else if (child.type.name === 'preamble') keys.push('#preamble');
    else if (child.type.name === 'heading') keys.push(`${key}#heading`);
    else if (child.type.name === 'text_block') keys.push(`${key}#text${texts++}`);
    else keys.push(`${key}#${child.type.name}${index}`);
  });
  return keys;
}

function indexSlots(doc: Node): Map<string, Node> {
  const slots = new Map<string, Node>();
  const visit = (node: Node, key: string) => {
    if (!slots.has(key)) slots.set(key, node);
    if (node.isTextblock) return;
    const keys = childKeys(node, key);
    node.forEach((child, _offset, index) => visit(child, keys[index] ?? `${key}#${index}`));
  };
  visit(doc, '#doc');
  return slots;
}

/** The step of the way that a child adds, or `null` when it adds nothing worth saying (a text block, a lone paragraph). */
function partOf(child: Node, labels: ReadonlyMap<string, NumberLabel>, recital: number): LocationPart | null {
  const id: unknown = child.attrs['id'];
  const label = typeof id === 'string' ? labels.get(id) : undefined;
  switch (child.type.name) {
    case 'title':
      return { kind: 'title' };
    case 'preamble':
      return { kind: 'preamble' };
    case 'heading':
      return { kind: 'heading' };
    case 'recital':
      return { kind: 'recital', ordinal: recital };
    case 'chapter':
    case 'article':
    case 'option':
    case 'subparagraph':
      return label === undefined || label.label === '' ? null : { kind: child.type.name, label: label.label };
    case 'paragraph':
      return label === undefined || label.label === '' ? null : { kind: 'paragraph', label: label.label };
    default:
      return null;
  }
}

/** The words of two versions of a text, each run kept, inserted or deleted (jsdiff, word level, spaces kept). */
export function wordSegments(before: string, after: string): readonly ChangeSegment[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    text: change.value,
  }));
}

function blockText(node: Node): string {
  return node.isTextblock ? node.textContent : node.textBetween(0, node.content.size, '\n', ' ');
}

/**
 * What a proposed text changes against its base, node by node by stable id, in the order of the proposed text:
 * the words changed inside each text, provisions added, and provisions deleted from one the proposal targets.
 * Articles left out of a partial proposal are not deleted by it (as the server computes the change set). Each
 * change says where it is, numbered in `language`; articles keep their numbers in `numbering` (the whole base text
 * of which `base` may hold only some articles).
 */
export function textChanges(base: Node, proposed: Node, language: Language, numbering: Node = base): readonly TextChange[] {
  const baseSlots = indexSlots(base);
  const proposedSlots = indexSlots(proposed);
  const baseLabels = numberDocument(numbering, language);
  const ownLabels = numberDocument(proposed, language);
  // A drafting space holds only some articles: they keep the numbers they have in the base.
  const proposedLabels = new Map(ownLabels);
  for (const [id, label] of ownLabels) {
    const fromBase = baseLabels.get(id);
    if ((label.kind === 'article' || label.kind === 'chapter') && fromBase?.kind === label.kind) proposedLabels.set(id, fromBase);
  }
  const changes: TextChange[] = [];

  const visit = (node: Node, key: string, location: readonly LocationPart[]): void => {
    const original = baseSlots.get(key);
    if (original === undefined) return;
    if (node.isTextblock || original.isTextblock) {
      if (node.isTextblock && original.isTextblock && node.textContent !== original.textContent) {
        changes.push({ key, kind: 'text', location, segments: wordSegments(original.textContent, node.textContent) });
      }
      return;
    }
    const keys = childKeys(node, key);
    let recitals = 0;
    node.forEach((child, _offset, index) => {
      const childKey = keys[index] ?? '';
      if (child.type.name === 'recital') recitals++;
      const part = partOf(child, proposedLabels, recitals);
      const childLocation = part === null ? location : [...location, part];
      if (baseSlots.has(childKey)) visit(child, childKey, childLocation);
      else changes.push({ key: childKey, kind: 'added', location: childLocation, segments: [{ kind: 'inserted', text: blockText(child) }] });
    });
    if (PARTIAL.has(node.type.name)) return;
    const originalKeys = childKeys(original, key);
    let originalRecitals = 0;
    original.forEach((child, _offset, index) => {
      const childKey = originalKeys[index] ?? '';
      if (child.type.name === 'recital') originalRecitals++;
      if (proposedSlots.has(childKey)) return;
      const part = partOf(child, baseLabels, originalRecitals);
      changes.push({
        key: childKey,
        kind: 'deleted',
        location: part === null ? location : [...location, part],
        segments: [{ kind: 'deleted', text: blockText(child) }],
      });
    });
  };
  visit(proposed, '#doc', []);
  return changes;
}

/** The words a location is said with, in the reader's language. */
export interface LocationWords {
  readonly paragraph: (number: string) => string;
  readonly recital: (ordinal: number) => string;
  readonly title: string;
  readonly preamble: string;
  readonly heading: string;
  /** Between the steps of the way: ", " (Arabic "، "). */
  readonly separator: string;
}

/** "Article 4, paragraph 2 (a)": where a change is. A chapter is left out when an article says enough. */
export function locationText(location: readonly LocationPart[], words: LocationWords): string {
  const hasArticle = location.some((part) => part.kind === 'article');
  let text = '';
  for (const part of location) {
    if (part.kind === 'chapter' && hasArticle) continue;
    let piece: string;
    switch (part.kind) {
      case 'chapter':
      case 'article':
      case 'option':
      case 'subparagraph':
        piece = part.label;
        break;
      case 'paragraph':
        // "2." and "٢-" are printed numbers; in a sentence the number alone reads better.
        piece = words.paragraph(part.label.replace(/[.-]$/u, ''));
        break;
      case 'recital':
        piece = words.recital(part.ordinal);
        break;
      case 'title':
        piece = words.title;
        break;
      case 'preamble':
        piece = words.preamble;
        break;
      case 'heading':
        piece = words.heading;
        break;
    }
    // A subparagraph's letter follows its paragraph's number directly: "paragraph 2 (a)".
    text = text === '' ? piece : part.kind === 'subparagraph' ? `${text} ${piece}` : `${text}${words.separator}${piece}`;
  }
  return text;
}

/**
 * The base a drafting space is compared with: the base text narrowed to the articles the space drafts on (all of
 * it when there are none), as the server seeds the space.
 */
export function spaceBase(base: Node, provisionIds: readonly string[]): Node {
  if (provisionIds.length === 0) return base;
  const articles = provisionIds.map((id) => findNodeById(base, id)?.node).filter((node): node is Node => node !== undefined);
  return base.type.schema.node('doc', null, articles);
}
