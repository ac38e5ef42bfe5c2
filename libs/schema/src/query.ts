import type { Language, ProvisionStatus } from '@concord/domain';
import type { Node } from 'prosemirror-model';
import { hasStableId } from './ids';
import { numberDocument, type NumberingOptions } from './numbering';
import { inlineToText } from './text';

/** A node and its position in the document (the position just before the node). */
export interface NodeWithPos {
  readonly node: Node;
  readonly pos: number;
}

/** The structural node with the given id and its position, or `null` when the document has none. */
export function findNodeById(doc: Node, id: string): NodeWithPos | null {
  let found: NodeWithPos | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (hasStableId(node) && node.attrs['id'] === id) found = { node, pos };
    // Besides block nodes, a footnote inside a textblock has an id; text has none.
    return !found && !node.isText;
  });
  return found;
}

/**
 * The ids of the articles and paragraphs that hold the node with the given id, the node itself included when it is
 * one, outermost first; none when the document has no such node.
 */
export function provisionsHolding(doc: Node, id: string): readonly string[] {
  const found = findNodeById(doc, id);
  if (!found) return [];
  const inside = doc.resolve(found.pos + 1);
  const ids: string[] = [];
  for (let depth = 1; depth <= inside.depth; depth += 1) {
    const node = inside.node(depth);
    if ((node.type.name === 'article' || node.type.name === 'paragraph') && typeof node.attrs['id'] === 'string') ids.push(node.attrs['id']);
  }
  return ids;
}

/** An article or paragraph of a document: a unit that has a negotiation status. */
export interface Provision {
  readonly id: string;
  readonly kind: 'article' | 'paragraph';
  /** Its number in the requested language ("Article 3", "2."; `''` for an article's lone paragraph). */
  readonly label: string;
  /** The article's heading text; `null` for paragraphs and articles without a heading. */
  readonly heading: string | null;
  readonly status: ProvisionStatus;
  /** Position of the node in the document. */
  readonly pos: number;
  /** Ids of the structural nodes from the outermost ancestor down to this provision, itself included. */
  readonly path: readonly string[];
}

/**
 * The articles and paragraphs of a document in document order, each numbered in `language` (English unless
 * given), with its status and the ids of the nodes that contain it. Paragraphs inside options are listed,
 * under the path of their option group and option.
 */
export function listProvisions(doc: Node, language: Language = 'en', options: NumberingOptions = {}): readonly Provision[] {
  const labels = numberDocument(doc, language, options);
  const provisions: Provision[] = [];
  const visit = (node: Node, pos: number, path: readonly string[]): void => {
    const id = typeof node.attrs['id'] === 'string' ? node.attrs['id'] : null;
    const here = id && hasStableId(node) ? [...path, id] : path;
    const kind = node.type.name;
    if (id && (kind === 'article' || kind === 'paragraph')) {
      const first = node.firstChild;
      provisions.push({
        id,
        kind,
        label: labels.get(id)?.label ?? '',
        heading: kind === 'article' && first?.type.name === 'heading' ? inlineToText(first) : null,
        status: node.attrs['status'] as ProvisionStatus,
        pos,
        path: here,
      });
    }
    if (node.isTextblock) return;
    node.forEach((child, offset) => visit(child, pos + offset + 1, here));
  };
  doc.forEach((child, offset) => visit(child, offset, []));
  return provisions;
}
