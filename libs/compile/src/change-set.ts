import type { Node } from 'prosemirror-model';
import { inlineNodeSpans, positionalText } from '@concord/schema';
import { childKeys, indexSlots, ROOT_SLOT, type SlotIndex } from './slots';
import { wordEdits, type WordEdit } from './word-diff';

/** A replacement inside a text: `[from, to)` of the base text (`deleted`) became `inserted`. */
export interface TextEdit {
  readonly from: number;
  readonly to: number;
  readonly deleted: string;
  readonly inserted: string;
  /** The inserted text as it stands in the proposed document, with its marks. */
  readonly content: readonly Node[];
}

/** Changed words in a text: a recital, title, heading or text block, named by its slot (`p1#text0`). */
export interface TextChange {
  readonly kind: 'text';
  readonly target: string;
  readonly before: string;
  readonly after: string;
  readonly edits: readonly TextEdit[];
}

/**
 * New nodes (a run of siblings) placed after the existing sibling `after`, or when there is none before
 * `before`, or when there is neither at the end of `parent`.
 */
export interface InsertChange {
  readonly kind: 'insert';
  readonly parent: string;
  readonly after: string | null;
  readonly before: string | null;
  readonly nodes: readonly Node[];
}

/** A node of the base that the proposal leaves out of a provision it targets. */
export interface DeleteChange {
  readonly kind: 'delete';
  readonly target: string;
  readonly node: Node;
}

/** One change of a proposal against its base. */
export type Change = TextChange | InsertChange | DeleteChange;

/**
 * Containers whose children a proposal may leave out without deleting them: a proposed document holds only the
 * articles it targets, at the top level or in their chapters.
 */
const PARTIAL: ReadonlySet<string> = new Set(['doc', 'chapter']);

/**
 * The changes that turn `base` into `proposed`, node by node by stable id, in the order of the proposed
 * document: word-level edits inside each text, new nodes, and nodes left out of a targeted provision.
 * Nodes that moved keep their place; changes of marks alone (brackets, provenance) are not changes.
 */
export function changeSet(base: Node, proposed: Node): readonly Change[] {
  return changesBetween(indexSlots(base), indexSlots(proposed));
}

/** {@link changeSet} on indexed documents. */
export function changesBetween(base: SlotIndex, proposed: SlotIndex): readonly Change[] {
  const changes: Change[] = [];
  const visit = (node: Node, key: string): void => {
    const original = base.slots.get(key)?.node;
    if (!original) return;
    if (node.isTextblock || original.isTextblock) {
      if (node.isTextblock && original.isTextblock) {
        const change = textChange(key, original, node);
        if (change) changes.push(change);
      }
      return;
    }
    const keys = childKeys(node, key);
    let run: Node[] = [];
    let after: string | null = null;
    node.forEach((child, _offset, index) => {
      const childKey = keys[index] as string;
      if (!base.slots.has(childKey)) {
        run.push(child);
        return;
      }
      if (run.length > 0) changes.push({ kind: 'insert', parent: key, after, before: childKey, nodes: run });
      run = [];
      after = childKey;
      visit(child, childKey);
    });
    if (run.length > 0) changes.push({ kind: 'insert', parent: key, after, before: null, nodes: run });
    if (PARTIAL.has(node.type.name)) return;
    const originalKeys = childKeys(original, key);
    original.forEach((child, _offset, index) => {
      const childKey = originalKeys[index] as string;
      if (!proposed.slots.has(childKey)) changes.push({ kind: 'delete', target: childKey, node: child });
    });
  };
  visit(proposed.doc, ROOT_SLOT);
  return changes;
}

/**
 * The word edits widened so that none starts or ends inside a footnote, in either text: a changed note is replaced
 * whole. The characters between two edits are the same in both texts, so widening one side into them widens the
 * other alike; an edit widened into the next one is joined with it and widened again.
 */
function wholeNotes(edits: readonly WordEdit[], original: Node, node: Node): readonly WordEdit[] {
  const oldSpans = inlineNodeSpans(original.content);
  const newSpans = inlineNodeSpans(node.content);
  if (oldSpans.length === 0 && newSpans.length === 0) return edits;
  const inside = (spans: ReturnType<typeof inlineNodeSpans>, at: number): readonly [number, number] | undefined => spans.find(([from, to]) => at > from && at < to);
  const widened: WordEdit[] = [];
  const queue = [...edits];
  for (let edit = queue.shift(); edit; edit = queue.shift()) {
    let { from, to, newFrom, newTo } = edit;
    for (;;) {
      const left = Math.max(from - (inside(oldSpans, from)?.[0] ?? from), newFrom - (inside(newSpans, newFrom)?.[0] ?? newFrom));
      const right = Math.max((inside(oldSpans, to)?.[1] ?? to) - to, (inside(newSpans, newTo)?.[1] ?? newTo) - newTo);
      const previous = widened[widened.length - 1];
      const next = queue[0];
      if (previous && from - left <= previous.to) {
        widened.pop();
        ({ from, newFrom } = previous);
      } else if (next && to + right >= next.from) {
        queue.shift();
        ({ to, newTo } = next);
      } else if (left > 0 || right > 0) {
        from -= left;
        newFrom -= left;
        to += right;
        newTo += right;
      } else {
        break;
      }
    }
    widened.push({ from, to, newFrom, newTo });
  }
  return widened;
}

function textChange(target: string, original: Node, node: Node): TextChange | null {
  // Offsets into the positional text are positions in the block, footnotes included.
  const before = positionalText(original.content);
  const after = positionalText(node.content);
  if (before === after) return null;
  const edits = wholeNotes(wordEdits(before, after), original, node).map((edit): TextEdit => {
    const content: Node[] = [];
    node.content.cut(edit.newFrom, edit.newTo).forEach((child) => content.push(child));
    return {
      from: edit.from,
      to: edit.to,
      deleted: before.slice(edit.from, edit.to),
      inserted: after.slice(edit.newFrom, edit.newTo),
      content,
    };
  });
  return { kind: 'text', target, before, after, edits };
}
