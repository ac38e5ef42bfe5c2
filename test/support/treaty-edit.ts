import { docFromYFragment, treatyFragment } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { updateYFragment } from 'y-prosemirror';
import type * as Y from 'yjs';

/**
 * Edits the treaty document held in a Y.Doc the way the web editor would: read it, change it with a
 * ProseMirror transaction, and write the difference back into the shared fragment.
 */
export function editTreaty(ydoc: Y.Doc, edit: (state: EditorState) => Node): void {
  const fragment = treatyFragment(ydoc);
  const state = EditorState.create({ doc: docFromYFragment(fragment) });
  const next = edit(state);
  ydoc.transact(() => updateYFragment(ydoc, fragment, next, { mapping: new Map(), isOMark: new Map() }));
}

/** Replaces the first occurrence of `find` in the document's text with `replacement`. */
export function replaceText(ydoc: Y.Doc, find: string, replacement: string): void {
  editTreaty(ydoc, (state) => {
    let range: { from: number; to: number } | null = null;
    state.doc.descendants((node, pos) => {
      if (range || !node.isText) return !range;
      const at = (node.text ?? '').indexOf(find);
      if (at >= 0) range = { from: pos + at, to: pos + at + find.length };
      return false;
    });
    if (!range) throw new Error(`"${find}" is not in the document`);
    const { from, to } = range;
    return state.tr.insertText(replacement, from, to).doc;
  });
}
