import { describe, expect, it } from 'vitest';
import { describeSuspiciousCharacters, findSuspiciousCharacters } from './text-safety';

describe(findSuspiciousCharacters.name, () => {
  it.each([
    ['plain English', 'The States Parties shall cooperate.', []],
    ['Arabic with its ordinary marks', 'الدول الأطراف\u200F تتعاون\u200C', []],
    ['a right-to-left override', 'pay 100\u202E001', [{ index: 7, codePoint: 'U+202E', kind: 'bidi-control' }]],
    ['an isolate pair', 'a\u2066b\u2069', [{ index: 1, codePoint: 'U+2066', kind: 'bidi-control' }, { index: 3, codePoint: 'U+2069', kind: 'bidi-control' }]],
    ['a zero-width space', 'shall\u200Bnot', [{ index: 5, codePoint: 'U+200B', kind: 'invisible' }]],
    ['a tag character after an astral character', '😀\u{E0041}', [{ index: 2, codePoint: 'U+E0041', kind: 'invisible' }]],
  ])('reports %s', (_what, text, expected) => {
    expect(findSuspiciousCharacters(text)).toMatchObject(expected);
  });
});

describe(describeSuspiciousCharacters.name, () => {
  it('gives one line per distinct character with its count', () => {
    expect(describeSuspiciousCharacters('\u202Ea\u202Eb\u200B')).toEqual([
      'U+202E RIGHT-TO-LEFT OVERRIDE appears 2 times',
      'U+200B ZERO WIDTH SPACE appears 1 time',
    ]);
  });
});
