import type { Mark, Node } from 'prosemirror-model';
import { Plugin, type Transaction } from 'prosemirror-state';
import type { ProvenanceAttrs } from './schema';

/** Options of {@link provenanceTracking}. */
export interface ProvenanceTrackingOptions {
  /** The provenance given to text this editor's user types, e.g. `{ kind: 'edit', ref: userId, … }`. */
  readonly attrs: ProvenanceAttrs;
  /** Whether a transaction came from elsewhere (a collaborator, the server); such text keeps its provenance. */
  readonly isRemote?: (tr: Transaction) => boolean;
  /**
   * Whether typed text keeps the ref, delegations and label of the provenance it inherited from the text around it
   * (or replaced), as a translation does: words typed inside a proposal's span render that proposal in another
   * language, and its footnotes still cite the proposal.
   */
  readonly inheritAttribution?: boolean;
}

/** A range of `doc` that the transactions inserted, with the provenance of the text it replaced, if any. */
interface Inserted {
  readonly from: number;
  readonly to: number;
  readonly replaced: Mark | null;
}

/** The first provenance mark on text between two positions of a document. */
function provenanceBetween(doc: Node, from: number, to: number): Mark | null {
  let found: Mark | null = null;
  if (to <= from) return null;
  doc.nodesBetween(from, Math.min(to, doc.content.size), (node) => {
    if (found) return false;
    if (node.isText) found = node.marks.find((m) => m.type.name === 'provenance') ?? null;
    return !found;
  });
  return found;
}

/** The ranges of `doc` that the transactions inserted, mapped to the final document. */
function insertedRanges(transactions: readonly Transaction[]): Inserted[] {
  let ranges: Inserted[] = [];
  for (const tr of transactions) {
    tr.steps.forEach((step, index) => {
      const map = step.getMap();
      const before = tr.docs[index];
      ranges = ranges.map((r) => ({ ...r, from: map.map(r.from, 1), to: map.map(r.to, -1) })).filter((r) => r.to > r.from);
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        if (newEnd > newStart) ranges.push({ from: newStart, to: newEnd, replaced: before ? provenanceBetween(before, oldStart, oldEnd) : null });
      });
    });
  }
  return ranges;
}

/** The tracking mark carrying the ref, delegations and label of the provenance `node` inherited, if it has one. */
function attributed(node: Node, replaced: Mark | null, attrs: ProvenanceAttrs, create: (attrs: ProvenanceAttrs) => Mark): Mark | null {
  // Text typed over a selection may not inherit its marks; then the words it replaced say what it renders.
  const inherited = node.marks.find((m) => m.type.name === 'provenance') ?? replaced;
  if (!inherited) return null;
  const delegations = inherited.attrs['delegations'];
  const label = inherited.attrs['label'];
  const ref = inherited.attrs['ref'];
  return create({
    ...attrs,
    ref: typeof ref === 'string' && ref !== '' ? ref : attrs.ref,
    delegations: Array.isArray(delegations) ? delegations.filter((code): code is string => typeof code === 'string') : attrs.delegations,
    label: typeof label === 'string' ? label : attrs.label,
  });
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
      const plain = type.create(options.attrs);
      const tr = state.tr;
      for (const { from, to, replaced } of insertedRanges(local)) {
        state.doc.nodesBetween(Math.max(0, from), Math.min(to, state.doc.content.size), (node: Node, pos: number) => {
          if (!node.isText) return true;
          const mark = options.inheritAttribution ? attributed(node, replaced, options.attrs, (attrs) => type.create(attrs)) ?? plain : plain;
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
