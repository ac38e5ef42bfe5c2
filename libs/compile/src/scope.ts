import type { Node } from 'prosemirror-model';
import { changesBetween, type Change } from './change-set';
import { indexSlots, ownerId, ROOT_SLOT, structuralIds, type Slot, type SlotIndex } from './slots';
import type { Decision, ScopedDecision } from './types';

/** Where one change of a proposal stands: its key, its provision, and the node it changes or adds. */
export interface ChangeScope {
  /**
   * The change's key, stable for a proposal: `<slot>:<n>` for the n-th edit of a text (`p1#text0:0`),
   * `insert:<first new id>` for new nodes, `delete:<id>` for a node left out.
   */
  readonly key: string;
  /** The provision it belongs to: an article id, `#title`, `#preamble`, or a chapter id for its heading. */
  readonly provision: string;
  /** The id of the paragraph, subparagraph, recital or article it stands in (for new nodes, the first new one). */
  readonly node: string | null;
}

/** The provision a slot belongs to: its article, else the top-level part of the document it is in. */
export function provisionOf(slot: Slot): string {
  let top: Slot = slot;
  for (let at: Slot | null = slot; at && at.key !== ROOT_SLOT; at = at.parent) {
    if (at.node.type.name === 'article') return at.key;
    top = at;
  }
  return top.key;
}

/** The scope of every single change of `change`, read in the index of the text the proposal was made against. */
export function changeScopes(change: Change, base: SlotIndex): readonly ChangeScope[] {
  switch (change.kind) {
    case 'text': {
      const slot = base.slots.get(change.target);
      const provision = slot ? provisionOf(slot) : change.target;
      const node = slot ? ownerId(slot) : null;
      return change.edits.map((_edit, index) => ({ key: `${change.target}:${index}`, provision, node }));
    }
    case 'insert': {
      const [first] = structuralIds(change.nodes);
      const parent = base.slots.get(change.parent);
      const key = `insert:${first ?? `${change.parent}/${change.after ?? change.before ?? ''}`}`;
      // New articles (and chapters) are provisions of their own; anything smaller belongs to its article.
      const own = change.nodes[0]?.type.name === 'article' || change.nodes[0]?.type.name === 'chapter' || !parent || parent.key === ROOT_SLOT;
      return [{ key, provision: own ? (first ?? change.parent) : provisionOf(parent), node: first ?? null }];
    }
    case 'delete': {
      const slot = base.slots.get(change.target);
      return [{ key: `delete:${change.target}`, provision: slot ? provisionOf(slot) : change.target, node: slot ? ownerId(slot) : null }];
    }
  }
}

/** The decision covering a change: the change's own, its provision's, or the proposal's; `null` when none does. */
export function decisionFor(scope: ChangeScope, proposalDecision: Decision | null, scoped: readonly ScopedDecision[]): Decision | null {
  let provisionDecision: Decision | null = null;
  for (const decision of scoped) {
    if (decision.provision !== scope.provision) continue;
    if (decision.change === scope.key) return decision.decision;
    if (decision.change === null) provisionDecision = decision.decision;
  }
  return provisionDecision ?? proposalDecision;
}

/** Changes split by the decision covering them; a text change keeps only the edits its part covers. */
export interface DecidedChanges {
  readonly byDecision: ReadonlyMap<Decision, readonly Change[]>;
  /** Changes covered by no decision, or by `not-retain`. */
  readonly left: number;
}

/** Splits a proposal's changes by the decisions that cover them. */
export function splitByDecision(changes: readonly Change[], base: SlotIndex, proposalDecision: Decision | null, scoped: readonly ScopedDecision[]): DecidedChanges {
  const byDecision = new Map<Decision, Change[]>();
  let left = 0;
  const add = (decision: Decision, change: Change): void => {
    const list = byDecision.get(decision);
    if (list) list.push(change);
    else byDecision.set(decision, [change]);
  };
  for (const change of changes) {
    const scopes = changeScopes(change, base);
    const decisions = scopes.map((scope) => decisionFor(scope, proposalDecision, scoped));
    left += decisions.filter((decision) => decision === null || decision === 'not-retain').length;
    if (change.kind !== 'text') {
      const [decision] = decisions;
      if (decision) add(decision, change);
      continue;
    }
    for (const decision of new Set(decisions)) {
      if (decision === null) continue;
      const edits = change.edits.filter((_edit, index) => decisions[index] === decision);
      add(decision, edits.length === change.edits.length ? change : { ...change, edits });
    }
  }
  return { byDecision, left };
}

/** The changes that turn `base` into `proposed`, each with the scope of every single change in it. */
export function scopedChanges(base: Node, proposed: Node): readonly { readonly change: Change; readonly scopes: readonly ChangeScope[] }[] {
  const index = indexSlots(base);
  return changesBetween(index, indexSlots(proposed)).map((change) => ({ change, scopes: changeScopes(change, index) }));
}
