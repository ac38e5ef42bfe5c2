import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence, mergeOrder } from './sequence';

describe(longestIncreasingSubsequence.name, () => {
  it.each([
    ['nothing', [], []],
    ['an increasing run, whole', [0, 1, 2, 3], [0, 1, 2, 3]],
    ['all but one value moved forward', [0, 3, 1, 2, 4], [0, 2, 3, 4]],
    ['all but one value moved back', [1, 2, 3, 0], [0, 1, 2]],
    ['the later of two swapped values', [1, 0], [1]],
    ['one of a decreasing run', [3, 2, 1, 0], [3]],
    ['a longest run among gaps', [5, 1, 6, 2, 7, 3], [1, 3, 5]],
  ])('keeps %s', (_name, values, positions) => {
    expect([...longestIncreasingSubsequence(values)].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe(mergeOrder.name, () => {
  it.each([
    ['the same order', ['a', 'b'], ['a', 'b'], ['a', 'b']],
    ['an insertion', ['a', 'b'], ['a', 'x', 'b'], ['a', 'x', 'b']],
    ['a deletion after what preceded it', ['a', 'b', 'c'], ['a', 'c'], ['a', 'b', 'c']],
    ['deletions at the start', ['x', 'y', 'a'], ['a'], ['x', 'y', 'a']],
    ['a deletion and an insertion in its place', ['a', 'b', 'c'], ['a', 'x', 'c'], ['a', 'b', 'x', 'c']],
    ['a deletion after a moved key', ['a', 'b', 'c'], ['c', 'a'], ['c', 'a', 'b']],
  ])('merges %s', (_name, older, newer, merged) => {
    expect(mergeOrder(older, newer, new Set(newer))).toEqual(merged);
  });
});
