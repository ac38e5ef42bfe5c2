import { hasStableId } from '@concord/schema';
import type { Node } from 'prosemirror-model';

/** The slot key of the document itself. */
export const ROOT_SLOT = '#doc';

/**
 * A node of a document, named by a slot key that is stable across versions of the text: a structural node's
 * id, or for nodes without an id a key derived from their parent (`a1#heading`, `p1#text0`, `#title`).
 */
export interface Slot {
  readonly key: string;
  readonly node: Node;
  readonly parent: Slot | null;
}

/** The slots of a document by key. */
export interface SlotIndex {
  readonly doc: Node;
  readonly slots: ReadonlyMap<string, Slot>;
  /** Keys that more than one node claims (a repeated id). */
  readonly duplicates: readonly string[];
}

/** The slot keys of a node's children, in order. */
export function childKeys(node: Node, key: string): string[] {
  const keys: string[] = [];
  let texts = 0;
  node.forEach((child, _offset, index) => {
    const id = child.attrs['id'];
    if (hasStableId(child) && typeof id === 'string') keys.push(id);
    else if (child.type.name === 'title') keys.push('#title');
    else if (child.type.name === 'preamble') keys.push('#preamble');
    else if (child.type.name === 'heading') keys.push(`${key}#heading`);
    else if (child.type.name === 'text_block') keys.push(`${key}#text${texts++}`);
    else keys.push(`${key}#${child.type.name}${index}`);
  });
  return keys;
}

/** Indexes every block of a document by slot key, in one walk. */
export function indexSlots(doc: Node): SlotIndex {
  const slots = new Map<string, Slot>();
  const duplicates: string[] = [];
  const visit = (slot: Slot): void => {
    if (slots.has(slot.key)) duplicates.push(slot.key);
    else slots.set(slot.key, slot);
    if (slot.node.isTextblock) return;
    const keys = childKeys(slot.node, slot.key);
    slot.node.forEach((child, _offset, index) => visit({ key: keys[index] as string, node: child, parent: slot }));
  };
  visit({ key: ROOT_SLOT, node: doc, parent: null });
  return { doc, slots, duplicates };
}

/** The id of the nearest structural node at or above a slot (`p1` for `p1#text0`), or `null` at the top. */
export function ownerId(slot: Slot): string | null {
  for (let at: Slot | null = slot; at; at = at.parent) {
    if (hasStableId(at.node) && typeof at.node.attrs['id'] === 'string') return at.node.attrs['id'];
  }
  return null;
}

/** The ids of the structural nodes in a run of nodes, in document order. */
export function structuralIds(nodes: readonly Node[]): string[] {
  const ids: string[] = [];
  const collect = (node: Node): void => {
    const id = node.attrs['id'];
    if (hasStableId(node) && typeof id === 'string') ids.push(id);
    if (!node.isTextblock) node.forEach(collect);
  };
  nodes.forEach(collect);
  return ids;
}
