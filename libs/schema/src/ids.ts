import { Fragment, type Node } from 'prosemirror-model';
import { STRUCTURAL_NODE_NAMES } from './schema';

const structural: ReadonlySet<string> = new Set(STRUCTURAL_NODE_NAMES);

/**
 * A fresh identifier for a structural node or a bracket: a random UUID (version 4) from the platform's
 * `crypto.randomUUID`, which Node 20 and every current browser provide on `globalThis.crypto`.
 *
 * Ids are generated once, when a node is created, and travel with the node from then on; they are never
 * derived from a node's position, so moving or renumbering a provision keeps its id.
 */
export function newNodeId(): string {
  return globalThis.crypto.randomUUID();
}

/** Whether nodes of this type carry a stable `id` attribute (recitals, chapters, articles, paragraphs, …). */
export function hasStableId(node: Node): boolean {
  return structural.has(node.type.name);
}

/** A structural node that needs a fresh id, with its position and the reason. */
export interface IdConflict {
  readonly node: Node;
  readonly pos: number;
  readonly reason: 'missing' | 'duplicate';
}

/**
 * Structural nodes whose id is missing, or repeats the id of an earlier node, in document order.
 * An editor can use this after a split or a paste copied an id, and assign fresh ids to exactly these nodes.
 */
export function findIdConflicts(doc: Node): readonly IdConflict[] {
  const seen = new Set<string>();
  const conflicts: IdConflict[] = [];
  doc.descendants((node, pos) => {
    if (!hasStableId(node)) return;
    const id = node.attrs['id'] as string | null;
    if (!id) conflicts.push({ node, pos, reason: 'missing' });
    else if (seen.has(id)) conflicts.push({ node, pos, reason: 'duplicate' });
    else seen.add(id);
  });
  return conflicts;
}

/**
 * The same document with a fresh id on every structural node that has none or repeats an earlier node's id.
 * Nodes that already have a unique id keep it; the input is returned unchanged when nothing needs an id.
 */
export function assignMissingIds(doc: Node): Node {
  if (findIdConflicts(doc).length === 0) return doc;
  const seen = new Set<string>();
  const visit = (node: Node): Node => {
    if (node.isText) return node;
    let attrs = node.attrs;
    if (hasStableId(node)) {
      const id = attrs['id'] as string | null;
      const fresh = id && !seen.has(id) ? id : newNodeId();
      seen.add(fresh);
      if (fresh !== id) attrs = { ...attrs, id: fresh };
    }
    const children: Node[] = [];
    node.forEach((child) => children.push(visit(child)));
    return node.type.create(attrs, Fragment.fromArray(children), node.marks);
  };
  return visit(doc);
}
