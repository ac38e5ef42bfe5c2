import { describe, expect, it } from 'vitest';
import { isStoredChange, parseStoredChanges } from './proposal-contract';

describe(isStoredChange.name, () => {
  it.each([
    [{ kind: 'text', target: 'p1', before: 'a', after: 'b', edits: [{ from: 0, to: 1, deleted: 'a', inserted: 'b' }] }, true],
    [{ kind: 'insert', parent: 'a1', after: 'p1', before: null, nodes: [{ type: 'paragraph' }] }, true],
    [{ kind: 'delete', target: 'p2', node: { type: 'paragraph' } }, true],
    [{ kind: 'text', target: 'p1', before: 'a', after: 'b', edits: [{ from: '0', to: 1, deleted: 'a', inserted: 'b' }] }, false],
    [{ kind: 'insert', parent: 'a1', after: 3, before: null, nodes: [] }, false],
    [{ kind: 'delete', target: 'p2' }, false],
    [{ kind: 'move', target: 'p2' }, false],
    [['text'], false],
    [null, false],
  ])('accepts %j: %s', (value, expected) => {
    expect(isStoredChange(value)).toBe(expected);
  });
});

describe(parseStoredChanges.name, () => {
  it('reads back a stored change set', () => {
    expect(parseStoredChanges('[{"kind":"delete","target":"p2","node":{}}]')).toEqual([{ kind: 'delete', target: 'p2', node: {} }]);
  });

  it('refuses what is not a change set, rather than pass it on', () => {
    expect(() => parseStoredChanges('{"kind":"delete"}')).toThrow(/not a list of changes/);
    expect(() => parseStoredChanges('[{"kind":"delete"}]')).toThrow(/not a list of changes/);
  });
});
