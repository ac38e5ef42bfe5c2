import { describe, expect, it } from 'vitest';
import { htmlBlocks, LITERAL_CLOSE, LITERAL_OPEN, markdownBlocks, markdownInline, normalizeSource, textBlocks } from './blocks';
import { lineKind } from './patterns';

const texts = (blocks: readonly { text: string }[]): string[] => blocks.map((block) => block.text);

describe(normalizeSource.name, () => {
  it('normalises line ends, spaces and invisible marks', () => {
    expect(normalizeSource('\uFEFFa\r\nb\rc\u00A0d\u200Fe\tf')).toBe('a\nb\nc de f');
  });
});

describe(textBlocks.name, () => {
  it('makes a block of each line and says where it starts', () => {
    expect(textBlocks('One.\n\n  Two.  \nThree.', lineKind)).toEqual([
      { text: 'One.', headingLevel: null, listDepth: null, where: 'line 1' },
      { text: 'Two.', headingLevel: null, listDepth: null, where: 'line 3' },
      { text: 'Three.', headingLevel: null, listDepth: null, where: 'line 4' },
    ]);
  });

  it.each([
    ['a lower-case line after an unfinished one', 'States shall\nact promptly.', ['States shall act promptly.']],
    ['nothing after a finished sentence', 'States shall act.\nthen more.', ['States shall act.', 'then more.']],
    ['nothing across a blank line', 'States shall\n\nact.', ['States shall', 'act.']],
    ['nothing onto a heading', 'Article 1\nscope', ['Article 1', 'scope']],
    ['nothing that is an item', 'Chapeau\n(a) item', ['Chapeau', '(a) item']],
    ['a numbered paragraph with its wrapped tail', '1. States shall\nact.', ['1. States shall act.']],
  ])('joins %s', (_, source, expected) => {
    expect(texts(textBlocks(source, lineKind))).toEqual(expected);
  });
});

describe(markdownInline.name, () => {
  it.each([
    ['**strong** and __strong__', 'strong and strong'],
    ['*em* and _em_', 'em and em'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['`code`', 'code'],
    ['[link](https://example.org)', 'link'],
    ['[bracket] stays', '[bracket] stays'],
    ['\\[escaped\\]', `${LITERAL_OPEN}escaped${LITERAL_CLOSE}`],
    ['\\*not em\\*', '*not em*'],
  ])('reads "%s"', (source, expected) => {
    expect(markdownInline(source)).toBe(expected);
  });
});

describe(markdownBlocks.name, () => {
  it('reads headings, paragraphs of several lines, list nesting and thematic breaks', () => {
    expect(markdownBlocks('# Title #\n\nOne\nparagraph.\n\n---\n\n- item\n  - nested\n    - deeper\n- back\n(a) label\n## Article 1', lineKind)).toEqual([
      { text: 'Title', headingLevel: 1, listDepth: null, where: 'line 1' },
      { text: 'One paragraph.', headingLevel: null, listDepth: null, where: 'line 3' },
      { text: 'item', headingLevel: null, listDepth: 0, where: 'line 8' },
      { text: 'nested', headingLevel: null, listDepth: 1, where: 'line 9' },
      { text: 'deeper', headingLevel: null, listDepth: 2, where: 'line 10' },
      { text: 'back', headingLevel: null, listDepth: 0, where: 'line 11' },
      { text: '(a) label', headingLevel: null, listDepth: null, where: 'line 12' },
      { text: 'Article 1', headingLevel: 2, listDepth: null, where: 'line 13' },
    ]);
  });
});

describe(htmlBlocks.name, () => {
  it('makes blocks of paragraphs, headings and list items, and skips notes', () => {
    const html =
      '<h1>Title</h1><p>One &amp; <strong>two</strong><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<ol><li>item<ol><li>nested</li></ol></li></ol><p>a<br />b</p><table><tr><td><p>cell</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p>Note <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlBlocks(html)).toEqual({
      blocks: [
        { text: 'Title', headingLevel: 1, listDepth: null, where: 'paragraph 1' },
        { text: 'One & two', headingLevel: null, listDepth: null, where: 'paragraph 2' },
        { text: 'item', headingLevel: null, listDepth: 0, where: 'paragraph 3' },
        { text: 'nested', headingLevel: null, listDepth: 1, where: 'paragraph 4' },
        { text: 'a', headingLevel: null, listDepth: null, where: 'paragraph 5' },
        { text: 'b', headingLevel: null, listDepth: null, where: 'paragraph 6' },
        { text: 'cell', headingLevel: null, listDepth: null, where: 'paragraph 7' },
      ],
      notes: 1,
    });
  });
});
