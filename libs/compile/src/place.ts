import type { Node } from 'prosemirror-model';
import { positionalText } from '@concord/schema';
import type { Change, InsertChange, TextChange } from './change-set';
import { fingerprint } from './fingerprint';
import { ownerId, structuralIds, type SlotIndex } from './slots';
import type { ConflictReason } from './types';
import { TextMapping } from './word-diff';

/** An edit of a text, in the coordinates of the base being compiled. */
export interface PlacedEdit {
  readonly from: number;
  readonly to: number;
  readonly inserted: string;
  readonly content: readonly Node[];
}

/** The edits of one proposal in one text of the base. */
export interface PlacedText {
  readonly site: string;
  readonly edits: readonly PlacedEdit[];
}

/**
 * New nodes at an anchor of the base: `after:<key>` or `before:<key>` a child of `container`, or `end:<key>`
 * of the container itself.
 */
export interface PlacedInsert {
  readonly container: string;
  readonly anchor: string;
  readonly nodes: readonly Node[];
}

/** A proposal's changes placed in the base being compiled. */
export interface Placement {
  readonly texts: readonly PlacedText[];
  readonly inserts: readonly PlacedInsert[];
  /** Slot keys of the base nodes the proposal deletes. */
  readonly deletes: readonly string[];
  /** Ids of the base nodes where the changes stand, sorted. */
  readonly targets: readonly string[];
}

/** Why a change could not be placed. */
export interface PlacementFailure {
  readonly reason: ConflictReason;
  readonly target: string | null;
  readonly message: string;
}

/** Mappings from an older text of a slot to the current one, cached per older document and slot. */
export class MappingCache {
  private readonly byDoc = new Map<Node, Map<string, TextMapping>>();

  /** The mapping of slot `key` of `doc`, whose text was `before`, onto the current text `after`. */
  get(doc: Node, key: string, before: string, after: string): TextMapping {
    let byKey = this.byDoc.get(doc);
    if (!byKey) {
      byKey = new Map();
      this.byDoc.set(doc, byKey);
    }
    let mapping = byKey.get(key);
    if (!mapping) {
      mapping = TextMapping.between(before, after);
      byKey.set(key, mapping);
    }
    return mapping;
  }
}

/**
 * Places the changes a proposal makes against `proposalBase` in the current base: by slot key, and inside a
 * text by mapping each edit and the words around it onto the current text. A change the base already holds is
 * skipped; a change that cannot be placed fails the whole proposal.
 */
export function place(changes: readonly Change[], current: SlotIndex, proposalBase: Node, mappings: MappingCache): Placement | PlacementFailure {
  const texts: PlacedText[] = [];
  const inserts: PlacedInsert[] = [];
  const deletes: string[] = [];
  const targets = new Set<string>();
  const target = (key: string): void => {
    const slot = current.slots.get(key);
    const id = slot ? ownerId(slot) : null;
    if (id) targets.add(id);
  };
  for (const change of changes) {
    if (change.kind === 'text') {
      const placed = placeText(change, current, proposalBase, mappings);
      if ('reason' in placed) return placed;
      if (placed.edits.length === 0) continue;
      texts.push(placed);
      target(change.target);
    } else if (change.kind === 'insert') {
      const placed = placeInsert(change, current);
      if (placed && 'reason' in placed) return placed;
      if (!placed) continue;
      inserts.push(placed);
      target(placed.container);
    } else if (current.slots.has(change.target)) {
      deletes.push(change.target);
      target(change.target);
    }
  }
  return { texts, inserts, deletes, targets: [...targets].sort() };
}

function placeText(change: TextChange, current: SlotIndex, proposalBase: Node, mappings: MappingCache): PlacedText | PlacementFailure {
  const slot = current.slots.get(change.target);
  if (!slot?.node.isTextblock) {
    return { reason: 'node-deleted', target: change.target, message: `The text ${change.target} the proposal changes is no longer in the base` };
  }
  const now = positionalText(slot.node.content);
  const edits = change.edits.map(({ from, to, inserted, content }) => ({ from, to, inserted, content }));
  if (now === change.before) return { site: change.target, edits };
  // The base already reads as proposed: the proposal was incorporated into an earlier revision.
  if (now === change.after) return { site: change.target, edits: [] };
  const mapping = mappings.get(proposalBase, change.target, change.before, now);
  const placed: PlacedEdit[] = [];
  for (const edit of edits) {
    const range = mapping.map(edit.from, edit.to);
    if (!range) {
      const words = change.before.slice(edit.from, edit.to) || change.before.slice(Math.max(0, edit.from - 20), edit.from);
      return {
        reason: 'context-changed',
        target: change.target,
        message: `The words around "${words}" in ${change.target} were changed in the base since the proposal was made`,
      };
    }
    placed.push({ ...edit, ...range });
  }
  return { site: change.target, edits: placed };
}

function placeInsert(change: InsertChange, current: SlotIndex): PlacedInsert | PlacementFailure | null {
  const ids = structuralIds(change.nodes);
  const taken = ids.filter((id) => current.slots.has(id));
  if (taken.length > 0) {
    const already = change.nodes.every((node) => {
      const id = node.attrs['id'];
      const existing = typeof id === 'string' ? current.slots.get(id) : undefined;
      return existing !== undefined && fingerprint(existing.node) === fingerprint(node);
    });
    if (already) return null;
    return { reason: 'id-in-use', target: taken[0] ?? null, message: `The base already has a node with the id ${taken[0] ?? ''} that the proposal adds` };
  }
  const after = change.after === null ? undefined : current.slots.get(change.after);
  if (after?.parent) return { container: after.parent.key, anchor: `after:${after.key}`, nodes: change.nodes };
  const before = change.before === null ? undefined : current.slots.get(change.before);
  if (before?.parent) return { container: before.parent.key, anchor: `before:${before.key}`, nodes: change.nodes };
  const parent = current.slots.get(change.parent);
  if (parent && !parent.node.isTextblock) return { container: parent.key, anchor: `end:${parent.key}`, nodes: change.nodes };
  return { reason: 'node-deleted', target: change.parent, message: `The place ${change.parent} where the proposal adds text is no longer in the base` };
}
