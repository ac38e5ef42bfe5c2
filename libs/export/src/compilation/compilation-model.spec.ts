import { builders, docToJSON } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { changeSegments, nodeText, visiblePieces } from './compilation-model';

const { p, sub } = builders;

function edit(from: number, to: number, inserted: string, before: string): { from: number; to: number; deleted: string; inserted: string } {
  return { from, to, deleted: before.slice(from, to), inserted };
}

describe(changeSegments.name, () => {
  const before = 'Each State Party shall act.';

  it('shows deletions and insertions in place, in order of position', () => {
    const edits = [edit(23, 27, 'take measures', before), edit(17, 23, 'may ', before)];
    expect(changeSegments(before, edits)).toEqual([
      { kind: 'same', text: 'Each State Party ' },
      { kind: 'deleted', text: 'shall ' },
      { kind: 'inserted', text: 'may ' },
      { kind: 'deleted', text: 'act.' },
      { kind: 'inserted', text: 'take measures' },
    ]);
  });

  it.each([
    ['an overlapping edit', [edit(5, 10, 'X', before), edit(8, 12, 'Y', before)]],
    ['an edit past the end', [edit(5, 10, 'X', before), edit(20, 99, 'Y', before)]],
  ])('ignores %s rather than garbling the text', (_name, edits) => {
    expect(changeSegments(before, edits).map((segment) => segment.text).join('|')).toBe('Each |State|X| Party shall act.');
  });
});

describe(nodeText.name, () => {
  const node = p({ id: 'x' }, 'Lead:', sub({ id: 'y' }, 'first;'), sub({ id: 'z' }, 'second.'));

  it('reads ProseMirror JSON and nodes alike, one line per block', () => {
    expect(nodeText(node.toJSON())).toBe('Lead:\nfirst;\nsecond.');
    expect(nodeText(node)).toBe('Lead:\nfirst;\nsecond.');
    expect(nodeText(docToJSON(builders.doc(builders.article({ id: 'a' }, node))))).toBe('Lead:\nfirst;\nsecond.');
  });

  it.each([null, 42, 'text', { type: 'paragraph' }, { content: 'nope' }])('gives nothing for %j', (value) => {
    expect(nodeText(value)).toBe('');
  });
});

describe(visiblePieces.name, () => {
  it('shows bidirectional controls and invisible characters by code point', () => {
    expect(visiblePieces('a\u202Eb\u200Bc')).toEqual([
      { text: 'a' },
      { codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' },
      { text: 'b' },
      { codePoint: 'U+200B', name: 'ZERO WIDTH SPACE' },
      { text: 'c' },
    ]);
  });

  it('counts tag characters, which take two code units, whole', () => {
    expect(visiblePieces('x\u{E0041}y')).toEqual([{ text: 'x' }, { codePoint: 'U+E0041', name: 'TAG CHARACTER' }, { text: 'y' }]);
  });
});
