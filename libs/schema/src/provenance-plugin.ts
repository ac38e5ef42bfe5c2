import type { Node } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import type { ProvenanceAttrs } from './schema';

/** Options of {@link provenanceTracking}. */
export interface ProvenanceTrackingOptions {
  /** The provenance given to text this editor's user types, e.g. `{ kind: 'edit', ref: userId, … }`. */
  readonly attrs: ProvenanceAttrs;
  /** Whether a transaction came from elsewhere (a collaborator, the server); such text keeps its provenance. */
  readonly isRemote?: (tr: Transaction) => boolean;
}

/** The ranges of `doc` that the transactions inserted, mapped to the final document. */
function insertedRanges(transactions: readonly Transaction[]): Array<{ from: number; to: number }> {
  let ranges: Array<{ from: number; to: number }> = [];
  for (const tr of transactions) {
    for (const step of tr.steps) {
      const map = step.getMap();
      ranges = ranges.map((r) => ({ from: map.map(r.from, 1), to: map.map(r.to, -1) })).filter((r) => r.to > r.from);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        if (newEnd > newStart) ranges.push({ from: newStart, to: newEnd });
      });
    }
  }
  return ranges;
}

/**
 * Marks text the local user inserts with the given provenance, so that edits of a consolidated draft after a
 * compilation name the secretariat user who made them. The provenance mark excludes itself, so adding it
 * replaces the provenance that typed or pasted text inherited.
 */
export function provenanceTracking(options: ProvenanceTrackingOptions): Plugin {
  return new Plugin({
    appendTransaction(transactions, _old, state) {
      const local = transactions.filter((tr) => tr.docChanged && !(options.isRemote?.(tr) ?? false));
      if (local.length === 0) return null;
      const type = state.schema.marks['provenance'];
      if (!type) return null;
      const mark = type.create(options.attrs);
      const tr = state.tr;
      for (const { from, to } of insertedRanges(local)) {
        state.doc.nodesBetween(Math.max(0, from), Math.min(to, state.doc.content.size), (node: Node, pos: number) => {
          if (!node.isText) return true;
          if (node.marks.some((m) => m.eq(mark))) return false;
          // Typed text inherits the marks around it, including their provenance; the typist is its origin.
          tr.addMark(Math.max(from, pos), Math.min(to, pos + node.nodeSize), mark);
          return false;
        });
      }
      return tr.docChanged ? tr : null;
    },
  });
}
