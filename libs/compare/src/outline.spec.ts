import { builders, inlineToText } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { outline, readInline, type ProvenanceRun } from './outline';

const { article, bracket, chapter, doc, heading, option, options, p, provenance, sub, textBlock } = builders;

describe(readInline.name, () => {
  it.each([
    ['plain text', textBlock('Plain text.')],
    ['a bracket', textBlock('Text ', bracket({ id: 'b1' }, 'unagreed'), '.')],
    ['nested brackets', textBlock(bracket({ id: 'b1' }, 'any ', bracket({ id: 'b2' }, 'digital'), ' data'), ';')],
    ['overlapping brackets', textBlock(bracket({ id: 'b1' }, 'one ', bracket({ id: 'b2' }, 'two')), bracket({ id: 'b2' }, ' three'))],
  ])('reads %s as inlineToText does', (_name, block) => {
    expect(readInline(block)).toBe(inlineToText(block));
  });

  it('finds provenance runs at their offsets in the text as read', () => {
    const runs: ProvenanceRun[] = [];
    const text = readInline(textBlock(bracket({ id: 'b' }, 'x'), ' ', provenance({ kind: 'edit', ref: 'u1' }, 'edited')), runs);
    expect(runs.map(({ from, to, mark }) => `${text.slice(from, to)} ${String(mark.attrs['ref'])}`)).toEqual(['edited u1']);
  });
});

describe(outline.name, () => {
  it('keys blocks by their owner id and lists provisions in document order', () => {
    const draft = doc(
      chapter({ id: 'c' }, heading('General'), article({ id: 'a' }, p({ id: 'x' }, 'X:', sub({ id: 's' }, 'one')), p({ id: 'y' }, options({ id: 'g' }, option({ id: 'o1' }, 'A.'), option({ id: 'o2' }, 'B.'))))),
    );
    const { blocks, provisions } = outline(draft, 'en');
    expect(blocks.map((block) => `${block.key} ${block.label}`)).toEqual(['c#heading Chapter I', 'a#heading Article 1', 'x#0 1.', 's#0 (a)', 'o1#0 2. Option 1:', 'o2#0 Option 2:']);
    expect(provisions.map((provision) => `${provision.id} ${provision.kind} ${provision.container}`)).toEqual(['c chapter ', 'a article ', 'x paragraph a', 'y paragraph a']);
  });

  it('keys a node whose id repeats an earlier one by its place instead', () => {
    const draft = doc(article({ id: 'a' }, p({ id: 'x' }, 'One.'), p({ id: 'x' }, 'Two.')));
    expect(outline(draft, 'en').blocks.map((block) => block.key)).toEqual(['a#heading', 'x#0', 'a/1#0']);
  });
});
