import { builders as b } from '@concord/schema';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { agreedLock, touchesAgreed } from './agreed-lock';

const doc = b.doc(b.article({ id: 'a1', status: 'agreed-ad-referendum' }, b.p({ id: 'p1' }, 'Agreed.')), b.article({ id: 'a2' }, b.p({ id: 'p2' }, 'Open.')));

describe(agreedLock.name, () => {
  const state = EditorState.create({ doc, plugins: [agreedLock()] });

  it('does not type into an agreed article', () => {
    expect(state.apply(state.tr.insertText('X', 4)).doc.eq(doc)).toBe(true);
  });

  it('types into an open article', () => {
    const open = doc.child(0).nodeSize + 3;
    expect(state.apply(state.tr.insertText('X', open)).doc.textContent).toContain('XOpen.');
  });

  it('finds an agreed article covered by a range', () => {
    expect(touchesAgreed(doc, 0, doc.content.size)).toBe(true);
  });
});
