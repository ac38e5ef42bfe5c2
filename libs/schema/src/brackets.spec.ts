import { describe, expect, it } from 'vitest';
import { canonicalizeBrackets } from './brackets';
import { docFromJSON, docToJSON } from './json';
import { treatySchema } from './schema';

const bracket = (id: string) => ({ type: 'bracket', attrs: { id } });

/** A paragraph whose text nodes carry the given bracket ids, in the order given. */
function paragraph(...runs: [string, string[]][]): unknown {
  return {
    type: 'doc',
    content: [
      {
        type: 'article',
        attrs: { id: 'a' },
        content: [{ type: 'paragraph', attrs: { id: 'p' }, content: [{ type: 'text_block', content: runs.map(([text, ids]) => ({ type: 'text', text, ...(ids.length ? { marks: ids.map(bracket) } : {}) })) }] }],
      },
    ],
  };
}

function bracketOrder(json: unknown): string[][] {
  const doc = canonicalizeBrackets(treatySchema.nodeFromJSON(json));
  const order: string[][] = [];
  doc.descendants((node) => {
    if (node.isText) order.push(node.marks.map((mark) => String(mark.attrs['id'])));
  });
  return order;
}

describe(canonicalizeBrackets.name, () => {
  it.each<[string, [string, string[]][], string[][]]>([
    ['puts the outer bracket first', [['a', ['outer']], ['b', ['inner', 'outer']]], [['outer'], ['outer', 'inner']]],
    ['puts the longer of two brackets opening together first', [['a', ['short', 'long']], ['b', ['long']]], [['long', 'short'], ['long']]],
    ['orders identical spans by id', [['a', ['z', 'm']]], [['m', 'z']]],
    ['orders overlapping brackets by where they open', [['a', ['left']], ['b', ['right', 'left']], ['c', ['right']]], [['left'], ['left', 'right'], ['right']]],
  ])('%s', (_, runs, expected) => {
    expect(bracketOrder(paragraph(...runs))).toEqual(expected);
  });

  it('returns the document itself when it is canonical', () => {
    const doc = treatySchema.nodeFromJSON(paragraph(['a', ['x']], ['b', []]));
    expect(canonicalizeBrackets(doc)).toBe(doc);
  });

  it('is applied by docFromJSON, so equal texts serialize equally', () => {
    const one = docToJSON(docFromJSON(paragraph(['a', ['outer']], ['b', ['inner', 'outer']])));
    const other = docToJSON(docFromJSON(paragraph(['a', ['outer']], ['b', ['outer', 'inner']])));
    expect(one).toEqual(other);
  });
});
