import { findIdConflicts, newNodeId, provenanceTracking } from '@concord/schema';
import type { Attrs, NodeType } from 'prosemirror-model';
import { Plugin, PluginKey, type Command, type Transaction } from 'prosemirror-state';
import { canSplit } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';

/** The attributes of a provision that a split starts afresh: a new id, and an open status where there is one. */
function freshAttrs(attrs: Attrs): Attrs {
  return { ...attrs, id: newNodeId(), ...('status' in attrs ? { status: 'open' } : {}) };
}

/**
 * Enter in treaty text: in the text of a paragraph or subparagraph, starts a new one after it (taking the text
 * after the cursor and any subparagraphs that followed); in an option's text or a recital, starts a new text
 * block or recital. New provisions get fresh ids and an open status. Titles and headings take no Enter.
 */
export const splitProvision: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!$from.parent.isTextblock || !$from.sameParent($to) || $from.depth < 1) return false;
  const textblock = $from.parent;
  const container = $from.node(-1);
  let depth: number;
  let typesAfter: { type: NodeType; attrs?: Attrs | null }[];
  if (textblock.type.name === 'recital') {
    depth = 1;
    typesAfter = [{ type: textblock.type, attrs: freshAttrs(textblock.attrs) }];
  } else if (textblock.type.name === 'text_block' && (container.type.name === 'paragraph' || container.type.name === 'subparagraph')) {
    depth = 2;
    // Outermost first, as `split` expects: the new provision, then its text block.
    typesAfter = [{ type: container.type, attrs: freshAttrs(container.attrs) }, { type: textblock.type }];
  } else if (textblock.type.name === 'text_block' && container.type.name === 'option') {
    depth = 1;
    typesAfter = [{ type: textblock.type }];
  } else {
    return false;
  }
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const pos = tr.mapping.map($from.pos);
  if (!canSplit(tr.doc, pos, depth, typesAfter)) return false;
  if (dispatch) dispatch(tr.split(pos, depth, typesAfter).scrollIntoView());
  return true;
};

/** Whether a transaction came from the shared document (a co-editor, or the first render) rather than this editor. */
function fromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true;
}

/**
 * Gives a fresh id to every structural node that lost its id or copied another's, after a local change (a
 * paste, a split by another command). Changes from co-editors are left alone: their editor repairs its own.
 */
export function stableIds(): Plugin {
  return new Plugin({
    key: new PluginKey('stableIds'),
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some((tr) => tr.docChanged && !fromYjs(tr))) return null;
      const conflicts = findIdConflicts(state.doc);
      if (conflicts.length === 0) return null;
      const tr = state.tr;
      for (const conflict of conflicts) tr.setNodeAttribute(conflict.pos, 'id', newNodeId());
      return tr;
    },
  });
}

/**
 * Marks what this editor's user types into a consolidated draft as a secretariat edit (provenance `edit`, with
 * their user id), so that after a compilation every span still says where it came from: the base text, a
 * proposal, or the secretariat. No name goes into the label: published revisions carry the marks, and readers
 * name edits by their kind ("Secretariat edits").
 */
export function secretariatEdits(userId: string): Plugin {
  return provenanceTracking({ attrs: { kind: 'edit', ref: userId, delegations: [], label: '' }, isRemote: fromYjs });
}

/** The selection's range without the spaces at either end, so that a bracket hugs the words. */
function hugged(state: Parameters<Command>[0]): { from: number; to: number } | null {
  const { from, to, $from, $to } = state.selection;
  if (from === to || !$from.parent.isTextblock || !$from.sameParent($to)) return null;
  const text = state.doc.textBetween(from, to);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (start >= end) return null;
  return { from: from + start, to: from + end };
}

/**
 * Puts the selected words of one text in a new bracket, inside any brackets already around them (brackets
 * nest); the spaces at either end of the selection stay outside it.
 */
export const bracketSelection: Command = (state, dispatch) => {
  const range = hugged(state);
  const type = state.schema.marks['bracket'];
  if (range === null || type === undefined) return false;
  if (dispatch) dispatch(state.tr.addMark(range.from, range.to, type.create({ id: newNodeId() })).scrollIntoView());
  return true;
};

/** Removes the innermost bracket around the selection (the one that opens last), leaving the brackets around it. */
export const unbracketSelection: Command = (state, dispatch) => {
  const { from, to } = state.selection;
  const type = state.schema.marks['bracket'];
  if (type === undefined) return false;
  const at = state.doc.resolve(from === to ? from : from + 1);
  const marks = (from === to ? at.marks() : (state.doc.nodeAt(from)?.marks ?? [])).filter((mark) => mark.type === type);
  const inner = marks.at(-1);
  if (inner === undefined) return false;
  if (dispatch) {
    // The whole extent of that bracket in this text, not only the selected part of it.
    const parentStart = at.start();
    let start = -1;
    let end = -1;
    at.parent.forEach((child, offset) => {
      if (!inner.isInSet(child.marks)) return;
      if (start < 0) start = parentStart + offset;
      end = parentStart + offset + child.nodeSize;
    });
    if (start < 0) return false;
    dispatch(state.tr.removeMark(start, end, inner).scrollIntoView());
  }
  return true;
};
/**
 * Marks what a translator types into a language version as a translation (provenance `translation`), keeping the
 * ref, delegations and label of the original words it replaces (the translator's user id where there are none),
 * so that a translated span still names whom it comes from and is counted apart from secretariat edits.
 */
export function translatorEdits(userId: string): Plugin {
  return provenanceTracking({ attrs: { kind: 'translation', ref: userId, delegations: [], label: '' }, isRemote: fromYjs, inheritAttribution: true });
}
