import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { article, doc, p, provenance } from './builders';
import { provenanceTracking } from './provenance-plugin';

const edit = { kind: 'edit' as const, ref: 'user-1', delegations: [], label: 'Edit by Lena Okafor' };

function marksOf(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.descendants((node) => {
    if (node.isText) out.push(`${node.text}:${node.marks.map((m) => String(m.attrs['kind'] ?? m.type.name)).join('+') || '-'}`);
  });
  return out;
}

describe(provenanceTracking.name, () => {
  const start = () =>
    EditorState.create({
      doc: doc(article({ id: 'a1' }, p({ id: 'p1' }, provenance({ kind: 'base', ref: 'r0', delegations: [], label: 'Base' }, 'The States shall act.')))),
      plugins: [provenanceTracking({ attrs: edit, isRemote: (tr) => tr.getMeta('remote') === true })],
    });

  it('marks text the user types with the edit provenance, leaving the rest as it was', () => {
    const state = start();
    // The text starts inside doc > article > paragraph > text_block, at position 3.
    const at = 3 + 'The States '.length;
    const next = state.applyTransaction(state.tr.insertText('Parties ', at)).state;
    expect(marksOf(next)).toEqual(['The States :base', 'Parties :edit', 'shall act.:base']);
  });

  it('leaves text from a remote transaction alone', () => {
    const state = start();
    const next = state.applyTransaction(state.tr.insertText('X', 3).setMeta('remote', true)).state;
    expect(marksOf(next).join(' ')).not.toContain(':edit');
  });

  it('keeps the ref, delegations and label of the text a translator types over', () => {
    const proposed = { kind: 'proposal' as const, ref: 'prop-1', delegations: ['EGY', 'MEX'], label: 'Proposal of Egypt' };
    const state = EditorState.create({
      doc: doc(article({ id: 'a1' }, p({ id: 'p1' }, provenance(proposed, 'shall act')))),
      plugins: [provenanceTracking({ attrs: { kind: 'translation', ref: 'user-2', delegations: [], label: '' }, inheritAttribution: true })],
    });
    const next = state.applyTransaction(state.tr.insertText('agissent', 3, 3 + 'shall act'.length)).state;
    const marks = next.doc.nodeAt(3)?.marks.map((m) => m.attrs) ?? [];
    expect(marks).toEqual([{ kind: 'translation', ref: 'prop-1', delegations: ['EGY', 'MEX'], label: 'Proposal of Egypt' }]);
  });
});
