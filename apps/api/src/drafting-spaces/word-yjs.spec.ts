import { builders, docFromYFragment, docToYFragment, treatyFragment } from '@concord/schema';
import { outline } from '@concord/compare';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEdits, liveBlock, textblockOf } from './word-yjs';

const { article, bracket, doc, heading, p } = builders;

function shared() {
  const ydoc = new Y.Doc();
  const fragment = treatyFragment(ydoc);
  docToYFragment(doc(article({ id: 'a1' }, heading('Scope'), p({ id: 'a1p1' }, 'States shall ', bracket({ id: 'b1' }, 'endeavour to'), ' cooperate.'))), fragment);
  return { ydoc, fragment };
}

describe(liveBlock.name, () => {
  it('prints brackets exactly as the comparison does', () => {
    const { fragment } = shared();
    const element = textblockOf(fragment, 'a1p1#0');
    expect(element).not.toBeNull();
    const block = liveBlock(element as Y.XmlElement);
    expect(block.text).toBe(outline(docFromYFragment(fragment), 'en').blockByKey.get('a1p1#0')?.text);
    expect(block.text).toBe('States shall [endeavour to] cooperate.');
  });

  it('makes edits around brackets and refuses those that add or remove one', () => {
    const { ydoc, fragment } = shared();
    const block = liveBlock(textblockOf(fragment, 'a1p1#0') as Y.XmlElement);
    let refused: ReturnType<typeof applyEdits> = [];
    ydoc.transact(() => {
      refused = applyEdits(block, [
        { from: 0, to: 6, insert: 'All States' },
        { from: 13, to: 14, insert: '' },
        { from: 37, to: 37, insert: ' closely' },
      ]);
    });
    expect(refused).toEqual([{ from: 13, to: 14, insert: '' }]);
    expect(outline(docFromYFragment(fragment), 'en').blockByKey.get('a1p1#0')?.text).toBe('All States shall [endeavour to] cooperate closely.');
  });

  it('finds headings by their article and refuses keys of nodes without ids', () => {
    const { fragment } = shared();
    expect(textblockOf(fragment, 'a1#heading')?.nodeName).toBe('heading');
    expect(textblockOf(fragment, '/0#heading')).toBeNull();
  });
});
