import { describe, expect, it } from 'vitest';
import { article, doc, p } from './builders';
import { docFromJSON, docToJSON } from './json';
import { assignMissingIds, findIdConflicts, hasStableId, newNodeId } from './ids';
import { findNodeById } from './query';

describe(newNodeId.name, () => {
  it('gives a random UUID', () => {
    expect(newNodeId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never repeats itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, newNodeId));
    expect(ids.size).toBe(1000);
  });
});

describe(hasStableId.name, () => {
  it.each([
    ['article', true],
    ['paragraph', true],
    ['text_block', false],
    ['doc', false],
  ])('says whether %s carries an id (%s)', (name, expected) => {
    const built = doc(article(p('x')));
    let found = built;
    built.descendants((node) => {
      if (node.type.name === name) found = node;
    });
    expect(hasStableId(found)).toBe(expected);
  });
});

const withoutIds = {
  type: 'doc',
  content: [
    { type: 'article', attrs: { id: 'a' }, content: [{ type: 'paragraph', content: [{ type: 'text_block' }] }, { type: 'paragraph', attrs: { id: 'a' }, content: [{ type: 'text_block' }] }] },
  ],
};

describe(findIdConflicts.name, () => {
  it('finds missing and repeated ids in document order', () => {
    const conflicts = findIdConflicts(docFromJSON(withoutIds, { requireIds: false }));
    expect(conflicts.map(({ pos, reason, node }) => [pos, reason, node.type.name])).toEqual([
      [1, 'missing', 'paragraph'],
      [5, 'duplicate', 'paragraph'],
    ]);
  });

  it('finds nothing in a document built with ids', () => {
    expect(findIdConflicts(doc(article(p('x'))))).toEqual([]);
  });
});

describe(assignMissingIds.name, () => {
  it('assigns fresh ids where they are missing or repeated and keeps the others', () => {
    const repaired = assignMissingIds(docFromJSON(withoutIds, { requireIds: false }));
    expect(findIdConflicts(repaired)).toEqual([]);
    expect(findNodeById(repaired, 'a')?.node.type.name).toBe('article');
    expect(() => docFromJSON(docToJSON(repaired))).not.toThrow();
  });

  it('returns the same document when every id is in place', () => {
    const built = doc(article(p('x')));
    expect(assignMissingIds(built)).toBe(built);
  });
});
