import { describe, expect, it } from 'vitest';
import { TextMapping, wordEdits } from './word-diff';

describe(wordEdits.name, () => {
  it.each<[string, string, readonly string[]]>([
    ['The States shall act.', 'The States shall act.', []],
    ['The States shall act.', 'The States may act.', ['"shall"→"may"']],
    ['The States shall adopt measures.', 'The States may take measures.', ['"shall adopt"→"may take"']],
    ['The States shall act.', 'All States shall act now.', ['"The"→"All"', '""→" now"']],
  ])('turns %j into %j by %j', (before, after, expected) => {
    expect(wordEdits(before, after).map((edit) => `"${before.slice(edit.from, edit.to)}"→"${after.slice(edit.newFrom, edit.newTo)}"`)).toEqual(expected);
  });
});

describe(TextMapping.name, () => {
  const mapping = TextMapping.between('The States shall adopt measures.', 'Each of the States shall adopt measures.');

  it.each<[string, number, number, string | null]>([
    ['maps a range whose context is unchanged', 11, 16, 'shall'],
    ['maps an insertion point between unchanged words', 17, 17, ''],
    ['refuses a range whose preceding word changed', 4, 10, null],
  ])('%s', (_title, from, to, expected) => {
    const range = mapping.map(from, to);
    expect(range && 'Each of the States shall adopt measures.'.slice(range.from, range.to)).toBe(expected);
  });
});
