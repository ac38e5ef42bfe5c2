import type { Language } from '@concord/domain';
import { insertionNumber, frozenNumberToString, newNodeId, referenceLabels, type InsertionNumber } from '@concord/schema';
import type { Node, ResolvedPos } from 'prosemirror-model';
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { touchesAgreed } from './agreed-lock';

/*
 * The secretariat's structure tools in the consolidated draft: insert an article, a paragraph or a subparagraph
 * after the one the cursor is in, delete a provision, and insert a cross-reference. Every new provision gets a
 * fresh id and an open status; an inserted article stores its session number ("7 bis") so that it keeps it
 * whatever is inserted or deleted around it until the secretariat renumbers. Agreed provisions are not changed:
 * the agreed lock drops such a transaction, and the commands say beforehand that they do not apply.
 */

/** The provisions the tools act on. */
export type ProvisionKind = 'article' | 'paragraph' | 'subparagraph';

/** A provision around the cursor: its kind, node, position and id. */
export interface ProvisionAt {
  readonly kind: ProvisionKind;
  readonly node: Node;
  readonly pos: number;
  readonly id: string;
}

const KINDS: readonly string[] = ['article', 'paragraph', 'subparagraph'];

/** The innermost provision of `kind` around a position (of every kind when `kind` is omitted), or null. */
export function provisionAround($pos: ResolvedPos, kind?: ProvisionKind): ProvisionAt | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const name = node.type.name;
    if (!KINDS.includes(name) || (kind !== undefined && name !== kind)) continue;
    const id: unknown = node.attrs['id'];
    return { kind: name as ProvisionKind, node, pos: $pos.before(depth), id: typeof id === 'string' ? id : '' };
  }
  return null;
}

/** An empty provision of `kind` with a fresh id (and an open status where it has one), ready to type into. */
function emptyProvision(state: EditorState, kind: ProvisionKind, number: string | null = null): Node {
  const { article, paragraph, subparagraph, text_block: textBlock } = state.schema.nodes;
  if (!article || !paragraph || !subparagraph || !textBlock) throw new Error('The treaty schema lacks a provision type');
  const text = textBlock.create();
  if (kind === 'subparagraph') return subparagraph.create({ id: newNodeId() }, text);
  const created = paragraph.create({ id: newNodeId(), status: 'open' }, text);
  return kind === 'paragraph' ? created : article.create({ id: newNodeId(), status: 'open', number }, created);
}

/** Why a tool does not apply where the cursor is, for the toolbar to tell; null when it applies. */
export type RefusalReason = 'no-provision' | 'agreed' | 'number-taken' | 'last-provision';

/** Whether an article may be inserted after the one the cursor is in, and with what number. */
export function articleInsertion(state: EditorState): { readonly after: ProvisionAt; readonly number: InsertionNumber } | null {
  const after = provisionAround(state.selection.$from, 'article');
  if (after === null || after.id === '') return null;
  return { after, number: insertionNumber(state.doc, after.id) };
}

/** Inserts `node` at `at` and puts the cursor in its first text. */
function insertAndEnter(state: EditorState, at: number, node: Node): Transaction {
  const tr = state.tr.insert(at, node);
  // The new provision's first text block starts one step in per level of nesting down to it.
  let inside = at + 1;
  let child: Node | null = node;
  while (child !== null && !child.isTextblock) {
    child = child.firstChild;
    inside += 1;
  }
  return tr.setSelection(TextSelection.create(tr.doc, inside)).scrollIntoView();
}

/**
 * Inserts an empty open article right after the one the cursor is in, numbered after it while numbers are frozen
 * ("7 bis" after 7, "7 ter" after 7 bis); refused where no number keeps the order (between 7 and an existing
 * 7 bis) until the secretariat renumbers.
 */
export const insertArticleAfter: Command = (state, dispatch) => {
  const insertion = articleInsertion(state);
  if (insertion === null || insertion.number.kind === 'taken') return false;
  const number = insertion.number.number === null ? null : frozenNumberToString(insertion.number.number);
  if (dispatch) dispatch(insertAndEnter(state, insertion.after.pos + insertion.after.node.nodeSize, emptyProvision(state, 'article', number)));
  return true;
};

/** Inserts an empty open paragraph right after the one the cursor is in (in its article or option). */
export const insertParagraphAfter: Command = (state, dispatch) => {
  const after = provisionAround(state.selection.$from, 'paragraph');
  if (after === null) return false;
  const at = after.pos + after.node.nodeSize;
  if (touchesAgreed(state.doc, at, at)) return false;
  if (dispatch) dispatch(insertAndEnter(state, at, emptyProvision(state, 'paragraph')));
  return true;
};

/**
 * Inserts an empty subparagraph right after the one the cursor is in; in the own text of a paragraph (or of a
 * subparagraph), as its first subparagraph.
 */
export const insertSubparagraph: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.isTextblock || $from.depth < 2) return false;
  const container = $from.node(-1);
  let at: number;
  if (container.type.name === 'paragraph') at = $from.after();
  else if (container.type.name === 'subparagraph') at = $from.after(-1);
  else return false;
  if (touchesAgreed(state.doc, at, at)) return false;
  if (dispatch) dispatch(insertAndEnter(state, at, emptyProvision(state, 'subparagraph')));
  return true;
};

/**
 * The provision the delete tool removes where the cursor is: the innermost one whose removal leaves a valid text
 * (an article keeps one paragraph at least, a text one article), so deleting in the lone paragraph of an article
 * deletes the article.
 */
export function deletableProvision(state: EditorState): ProvisionAt | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (!KINDS.includes(node.type.name)) continue;
    const parent = $from.node(depth - 1);
    const index = $from.index(depth - 1);
    if (!parent.canReplace(index, index + 1)) continue;
    const id: unknown = node.attrs['id'];
    return { kind: node.type.name as ProvisionKind, node, pos: $from.before(depth), id: typeof id === 'string' ? id : '' };
  }
  return null;
}

/** Why the delete tool does not apply where the cursor is, or null. */
export function deletionRefusal(state: EditorState): RefusalReason | null {
  const target = deletableProvision(state);
  if (target === null) return provisionAround(state.selection.$from) === null ? 'no-provision' : 'last-provision';
  return touchesAgreed(state.doc, target.pos, target.pos + target.node.nodeSize) ? 'agreed' : null;
}

/** Deletes the provision {@link deletableProvision} names; the web app asks for confirmation first. */
export const deleteProvision: Command = (state, dispatch) => {
  const target = deletableProvision(state);
  if (target === null || touchesAgreed(state.doc, target.pos, target.pos + target.node.nodeSize)) return false;
  if (dispatch) dispatch(state.tr.delete(target.pos, target.pos + target.node.nodeSize).scrollIntoView());
  return true;
};

/**
 * Inserts, in place of the selection, the words of a reference to the provision `target` carrying the `xref`
 * mark with its id, so that renumbering rewrites them and exports link them. The words are the provision's
 * current reference in the text's language ("article 7 bis, paragraph 2").
 */
export function insertReference(target: string, words: string): Command {
  return (state, dispatch) => {
    const xref = state.schema.marks['xref'];
    const { $from, $to } = state.selection;
    if (xref === undefined || words === '' || !$from.parent.isTextblock || !$from.sameParent($to)) return false;
    if (touchesAgreed(state.doc, $from.pos, $to.pos)) return false;
    if (dispatch) {
      const marks = $from.marks().filter((mark) => mark.type.name !== 'xref');
      const tr = state.tr.replaceSelectionWith(state.schema.text(words, [...marks, xref.create({ target })]), false);
      // What is typed next is not part of the reference.
      dispatch(tr.removeStoredMark(xref).scrollIntoView());
    }
    return true;
  };
}

/** A cross-reference whose words no longer name its provision as the text numbers it now. */
export interface StaleReference {
  readonly from: number;
  readonly to: number;
  readonly target: string;
  /** How the text refers to the provision now; `null` when the provision is no longer in the text. */
  readonly current: string | null;
}

/**
 * The cross-references of a text whose words differ from their provision's current reference in `language`
 * (a paragraph inserted before the one referred to, a provision deleted). Exports and the reading room print
 * the current reference anyway, and renumbering rewrites the words; the editor shows these to the secretariat.
 */
export function staleReferences(doc: Node, language: Language): StaleReference[] {
  const runs: { from: number; to: number; target: string; words: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((candidate) => candidate.type.name === 'xref');
    const last = runs[runs.length - 1];
    if (mark === undefined) return false;
    const target = String(mark.attrs['target']);
    if (last !== undefined && last.to === pos && last.target === target) {
      last.to = pos + node.nodeSize;
      last.words += node.text ?? '';
    } else runs.push({ from: pos, to: pos + node.nodeSize, target, words: node.text ?? '' });
    return false;
  });
  if (runs.length === 0) return [];
  const references = referenceLabels(doc, language);
  return runs
    .map((run) => ({ ...run, current: references.get(run.target) ?? null }))
    .filter((run) => run.current === null || run.current.toLocaleLowerCase(language) !== run.words.toLocaleLowerCase(language))
    .map(({ from, to, target, current }) => ({ from, to, target, current }));
}

/**
 * Marks the cross-references whose words are stale, with what they should now say as their title
 * (`describe(null)` for a provision no longer in the text).
 */
export function staleReferenceMarks(language: Language, describe: (current: string | null) => string): Plugin<DecorationSet> {
  const decorate = (doc: Node): DecorationSet =>
    DecorationSet.create(
      doc,
      staleReferences(doc, language).map((stale) => Decoration.inline(stale.from, stale.to, { class: 'xref-stale', title: describe(stale.current) })),
    );
  return new Plugin<DecorationSet>({
    state: {
      init: (_config, state) => decorate(state.doc),
      apply: (tr, set) => (tr.docChanged ? decorate(tr.doc) : set),
    },
    props: {
      decorations(state) {
        return this.getState(state);
      },
    },
  });
}
