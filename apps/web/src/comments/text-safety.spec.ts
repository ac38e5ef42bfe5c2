import { describe, expect, it } from 'vitest';
import { parseTextWarning, safeSegments } from './text-safety';

describe(safeSegments.name, () => {
  it('keeps ordinary text in one piece', () => {
    expect(safeSegments('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
  });

  it('makes a right-to-left override visible instead of letting it act', () => {
    expect(safeSegments('abc\u202Edef')).toEqual([
      { kind: 'text', text: 'abc' },
      { kind: 'suspicious', codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', type: 'bidi-control' },
      { kind: 'text', text: 'def' },
    ]);
  });

  it('handles hidden characters at the edges and beyond the Basic Multilingual Plane', () => {
    expect(safeSegments('\u200Bx\u{E0041}')).toEqual([
      { kind: 'suspicious', codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', type: 'invisible' },
      { kind: 'text', text: 'x' },
      { kind: 'suspicious', codePoint: 'U+E0041', name: 'TAG CHARACTER', type: 'invisible' },
    ]);
  });

  it('leaves the joiners Arabic typography needs alone', () => {
    expect(safeSegments('می\u200Cخواهم')).toEqual([{ kind: 'text', text: 'می\u200Cخواهم' }]);
  });
});

describe(parseTextWarning.name, () => {
  it.each([
    ['U+202E RIGHT-TO-LEFT OVERRIDE appears 1 time', { field: null, codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE', count: 1 }],
    ['justification: U+200B ZERO WIDTH SPACE appears 3 times', { field: 'justification', codePoint: 'U+200B', name: 'ZERO WIDTH SPACE', count: 3 }],
    ['text: U+E0041 TAG CHARACTER appears 2 times', { field: 'text', codePoint: 'U+E0041', name: 'TAG CHARACTER', count: 2 }],
  ])('reads "%s"', (line, expected) => {
    expect(parseTextWarning(line)).toEqual(expected);
  });

  it('gives up on a line in another form', () => {
    expect(parseTextWarning('something odd')).toBeNull();
  });
});
