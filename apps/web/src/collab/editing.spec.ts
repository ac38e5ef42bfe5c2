import { builders, findNodeById, inlineToText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { bracketSelection, splitProvision, stableIds, unbracketSelection } from './editing';
import { sampleDraft } from './test-documents';

/** The state with the cursor `offset` characters into the first text of the node with `id`. */
function cursorIn(doc: Node, id: string, offset: number): EditorState {
  const found = findNodeById(doc, id);
  if (found === null) throw new Error(`no node ${id}`);
  const state = EditorState.create({ doc, plugins: [stableIds()] });
  const textStart = found.node.isTextblock ? found.pos + 1 : found.pos + 2;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, textStart + offset)));
}

function split(state: EditorState): EditorState | null {
  let next: EditorState | null = null;
  const handled = splitProvision(state, (tr) => {
    next = state.apply(tr);
  });
  return handled ? next : null;
}

/** The ids and texts of the children of the node with `id`. */
function children(doc: Node, id: string): { id: unknown; type: string; status: unknown; text: string }[] {
  const found = findNodeById(doc, id);
  const result: { id: unknown; type: string; status: unknown; text: string }[] = [];
  found?.node.forEach((child) =>
    result.push({ id: child.attrs['id'], type: child.type.name, status: child.attrs['status'], text: inlineToText(child.firstChild ?? child) }),
  );
  return result;
}

describe(splitProvision.name, () => {
  it('starts a new open paragraph with a fresh id, taking the rest of the text and the subparagraphs', () => {
    const next = split(cursorIn(sampleDraft(), 'a2p1', 'For the'.length));
    expect(next).not.toBeNull();
    const paragraphs = children(next?.doc ?? sampleDraft(), 'a2').filter((child) => child.type === 'paragraph');
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['For the', ' purposes:', 'Second paragraph.']);
    expect(paragraphs[0]).toMatchObject({ id: 'a2p1', status: 'informally-agreed' });
    expect(paragraphs[1]?.status).toBe('open');
    expect(paragraphs[1]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(findNodeById(next?.doc ?? sampleDraft(), String(paragraphs[1]?.id))?.node.childCount).toBe(3);
  });

  it('starts a new subparagraph after the one the cursor is in', () => {
    const next = split(cursorIn(sampleDraft(), 'a2a', 'one;'.length));
    const subparagraphs = children(next?.doc ?? sampleDraft(), 'a2p1').filter((child) => child.type === 'subparagraph');
    expect(subparagraphs.map((subparagraph) => subparagraph.text)).toEqual(['one;', '', 'two.']);
  });

  it('does nothing in a heading', () => {
    const doc = sampleDraft();
    const found = findNodeById(doc, 'a1');
    const state = EditorState.create({ doc });
    const inHeading = state.apply(state.tr.setSelection(TextSelection.create(doc, (found?.pos ?? 0) + 3)));
    expect(split(inHeading)).toBeNull();
  });
});

describe(stableIds.name, () => {
  const { article, p } = builders;
  const copyOfA1 = () => article({ id: 'a1' }, p({ id: 'a1p1' }, 'A pasted copy.'));

  it('gives fresh ids to nodes a local change copied', () => {
    const state = EditorState.create({ doc: sampleDraft(), plugins: [stableIds()] });
    const next = state.apply(state.tr.insert(state.doc.content.size, copyOfA1()));
    const ids: unknown[] = [];
    next.doc.descendants((node) => {
      if (node.type.name === 'article') ids.push(node.attrs['id']);
    });
    expect(ids.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves changes that come from the shared document to the editor that made them', () => {
    const state = EditorState.create({ doc: sampleDraft(), plugins: [stableIds()] });
    const tr = state.tr.insert(state.doc.content.size, copyOfA1()).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const next = state.apply(tr);
    expect(next.doc.lastChild?.attrs['id']).toBe('a1');
  });
});

describe(bracketSelection.name, () => {
  const { article, doc, p } = builders;
  const text = doc(article({ id: 'a1' }, p({ id: 'p1' }, 'States, including in cyberspace, and others')));
  /** The state with the characters [from, to) of p1's text selected. */
  const selected = (state: EditorState, from: number, to: number): EditorState => state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3 + from, 3 + to)));
  const run = (state: EditorState, command: typeof bracketSelection): EditorState => {
    let next = state;
    command(state, (tr) => {
      next = state.apply(tr);
    });
    return next;
  };

  it('brackets the selected words, leaving the spaces at either end outside, and nests brackets', () => {
    const start = EditorState.create({ doc: text });
    const once = run(selected(start, 'States'.length, 'States, including in cyberspace, '.length), bracketSelection);
    expect(inlineToText(once.doc.firstChild?.firstChild?.firstChild as Node)).toBe('States[, including in cyberspace,] and others');
    const twice = run(selected(once, 'States, including '.length, 'States, including in cyberspace'.length), bracketSelection);
    expect(inlineToText(twice.doc.firstChild?.firstChild?.firstChild as Node)).toBe('States[, including [in cyberspace],] and others');
    const undone = run(selected(twice, 'States, including in'.length, 'States, including in cy'.length), unbracketSelection);
    expect(inlineToText(undone.doc.firstChild?.firstChild?.firstChild as Node)).toBe('States[, including in cyberspace,] and others');
  });
});
