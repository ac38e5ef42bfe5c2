import { builders, findNodeById, provenanceTracking } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { footnotePlace, insertFootnote, listFootnotes, removeFootnote, rewordFootnote } from './footnotes';

const { article, doc, footnote, heading, p, preamble, provenance, recital } = builders;

const draft = doc(
  preamble(recital({ id: 'r1' }, 'Recalling')),
  article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'States shall act', footnote({ id: 'n1' }, provenance({ kind: 'base', ref: 'rev1' }, 'See annex I.')), ' promptly.')),
);

/** The state with the cursor `offset` characters into the text of the node with `id`. */
function cursorIn(id: string, offset: number, base: Node = draft): EditorState {
  const found = findNodeById(base, id);
  if (found === null) throw new Error(`no node ${id}`);
  const state = EditorState.create({ doc: base, plugins: [provenanceTracking({ attrs: { kind: 'edit', ref: 'u1', delegations: [], label: '' } })] });
  const start = found.node.isTextblock ? found.pos + 1 : found.pos + 2;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, start + offset)));
}

function notes(state: EditorState): string[] {
  return listFootnotes(state.doc).map((note) => `${note.number}:${note.node.textContent}`);
}

describe(insertFootnote.name, () => {
  it('inserts a note at the cursor, numbered in document order, its words a secretariat edit', () => {
    const state = cursorIn('p1', 'States'.length);
    const tr = insertFootnote(state, '  Including cyberspace. ', 'n0');
    const next = state.apply(tr ?? state.tr);
    expect(notes(next)).toEqual(['1:Including cyberspace.', '2:See annex I.']);
    const inserted = findNodeById(next.doc, 'n0')?.node;
    expect(inserted?.firstChild?.marks.map((mark) => `${mark.type.name}:${String(mark.attrs['kind'])}`)).toEqual(['provenance:edit']);
    expect(inserted?.marks).toEqual([]);
  });

  it.each([
    ['in a recital', 'r1', 3, true],
    ['in a heading', 'a1', 0, false],
  ])('finds a place %s: %s', (_, id, offset, found) => {
    const state = cursorIn(id, offset);
    expect(footnotePlace(state) !== null).toBe(found);
  });

  it('refuses an empty note', () => {
    expect(insertFootnote(cursorIn('p1', 2), '   ')).toBeNull();
  });
});

describe(rewordFootnote.name, () => {
  const pos = listFootnotes(draft)[0]?.pos ?? -1;

  it('replaces only the changed words, keeping the provenance of the others', () => {
    const state = cursorIn('p1', 0);
    const next = state.apply(rewordFootnote(state, pos, 'See annex II.') ?? state.tr);
    const note = next.doc.nodeAt(pos);
    expect(note?.textContent).toBe('See annex II.');
    const runs: string[] = [];
    note?.forEach((text) => runs.push(`${text.text ?? ''}|${String(text.marks[0]?.attrs['kind'])}`));
    expect(runs).toEqual(['See annex I|base', 'I|edit', '.|base']);
  });

  it('refuses an empty text or a place without a note', () => {
    const state = cursorIn('p1', 0);
    expect(rewordFootnote(state, pos, ' ')).toBeNull();
    expect(rewordFootnote(state, pos + 1, 'x')).toBeNull();
  });
});

describe(removeFootnote.name, () => {
  it('removes the note and leaves the text around it', () => {
    const state = cursorIn('p1', 0);
    const next = state.apply(removeFootnote(state, listFootnotes(draft)[0]?.pos ?? -1) ?? state.tr);
    expect(listFootnotes(next.doc)).toEqual([]);
    expect(findNodeById(next.doc, 'p1')?.node.textContent).toBe('States shall act promptly.');
  });
});
