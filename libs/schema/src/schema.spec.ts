import { Fragment, type DOMOutputSpec, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { article, bracket, chapter, doc, footnote, heading, option, options, p, provenance } from './builders';
import { treatySchema, type TreatyNodeName } from './schema';

function domOf(node: Node): DOMOutputSpec | undefined {
  return node.type.spec.toDOM?.(node);
}

/** Whether `parent` may hold children of the given types, each filled with its minimal content. */
function accepts(parent: TreatyNodeName, content: readonly TreatyNodeName[]): boolean {
  const children = content.map((name) => (name === 'text' ? treatySchema.text('x') : (treatySchema.nodes[name].createAndFill() as Node)));
  return treatySchema.nodes[parent].validContent(Fragment.fromArray(children));
}

describe('treatySchema', () => {
  it.each<[string, TreatyNodeName, TreatyNodeName[], boolean]>([
    ['a document of one article', 'doc', ['article'], true],
    ['a document with title, preamble, chapter and article', 'doc', ['title', 'preamble', 'chapter', 'article'], true],
    ['a document without articles', 'doc', ['title'], false],
    ['a title after an article', 'doc', ['article', 'title'], false],
    ['an article of paragraphs and options', 'article', ['heading', 'paragraph', 'option_group', 'paragraph'], true],
    ['an article with two headings', 'article', ['heading', 'heading', 'paragraph'], false],
    ['an article with only a heading', 'article', ['heading'], false],
    ['a paragraph of text, subparagraphs and options', 'paragraph', ['text_block', 'subparagraph', 'option_group'], true],
    ['a paragraph whose text is in options', 'paragraph', ['option_group', 'subparagraph'], true],
    ['a paragraph without text', 'paragraph', ['subparagraph'], false],
    ['a paragraph with two texts', 'paragraph', ['text_block', 'text_block'], false],
    ['a chapter without heading', 'chapter', ['article'], false],
    ['a chapter with a heading only', 'chapter', ['heading'], true],
    ['an option of paragraphs', 'option', ['paragraph', 'paragraph'], true],
    ['an option of text', 'option', ['text_block'], true],
    ['an option mixing paragraphs and subparagraphs', 'option', ['paragraph', 'subparagraph'], false],
    ['an empty option', 'option', [], false],
    ['a group of one option', 'option_group', ['option'], false],
    ['a group of three options', 'option_group', ['option', 'option', 'option'], true],
    ['text with a footnote', 'text_block', ['text', 'footnote', 'text'], true],
    ['a recital with a footnote', 'recital', ['footnote'], true],
    ['a heading with a footnote', 'heading', ['text', 'footnote'], false],
    ['a title with a footnote', 'title', ['footnote'], false],
    ['a footnote inside a footnote', 'footnote', ['footnote'], false],
  ])('says %s is valid: %s', (_, parent, content, valid) => {
    expect(accepts(parent, content)).toBe(valid);
  });

  it('lets brackets nest', () => {
    const text = treatySchema.text('x', [treatySchema.marks.bracket.create({ id: 'outer' }), treatySchema.marks.bracket.create({ id: 'inner' })]);
    expect(text.marks).toHaveLength(2);
  });

  it('keeps one provenance per character', () => {
    const first = treatySchema.marks.provenance.create({ kind: 'base', ref: 'rev-1' });
    const second = treatySchema.marks.provenance.create({ kind: 'edit', ref: 'user-1' });
    expect(second.addToSet(first.addToSet([]))).toEqual([second]);
  });

  it('makes a chapter a chapter unless it is given another kind of division, and refuses an unknown kind', () => {
    expect(chapter(heading('Scope')).attrs['kind']).toBe('chapter');
    expect(chapter({ kind: 'annex' }, heading('Form')).attrs['kind']).toBe('annex');
    expect(() => treatySchema.nodes.chapter.create({ kind: 'book' }, [treatySchema.nodes.heading.create()])).toThrow(/Expected one of chapter, part, section, annex/);
  });

  it('defaults article and paragraph status to open and option attribution to none', () => {
    const built = doc(article(options(option(p('a')), option(p('b')))));
    const articleNode = built.firstChild as Node;
    const optionNode = articleNode.firstChild?.firstChild as Node;
    expect(articleNode.attrs['status']).toBe('open');
    expect(optionNode.attrs).toMatchObject({ sponsors: [], proposalIds: [], isBase: false });
  });

  it.each<[string, () => Node, DOMOutputSpec]>([
    ['an article as a section with its id and status', () => article({ id: 'a1', status: 'agreed-ad-referendum' }, p('x')), ['section', { 'data-node': 'article', 'data-id': 'a1', 'data-status': 'agreed-ad-referendum' }, 0]],
    ['a paragraph as a div', () => p({ id: 'p1' }, 'x'), ['div', { 'data-node': 'paragraph', 'data-id': 'p1', 'data-status': 'open' }, 0]],
    [
      'an option with its sponsors',
      () => option({ id: 'o1', sponsors: ['BRA', 'EU'], proposalIds: ['prop-1'], isBase: true }, 'x'),
      ['div', { 'data-node': 'option', 'data-id': 'o1', 'data-sponsors': 'BRA EU', 'data-proposal-ids': 'prop-1', 'data-base': 'true' }, 0],
    ],
    [
      'an option with who is behind it in words',
      () => option({ id: 'o2', sponsors: ['EGY'], attribution: { en: 'Proposed by Egypt' } }, 'x'),
      ['div', { 'data-node': 'option', 'data-id': 'o2', 'data-sponsors': 'EGY', 'data-attribution': '{"en":"Proposed by Egypt"}' }, 0],
    ],
  ])('renders %s', (_, build, expected) => {
    expect(domOf(build())).toEqual(expected);
  });

  it.each([
    ['a bracket as span.bracket', () => bracket({ id: 'b1' }, 'x').nodes[0]?.marks[0], ['span', { class: 'bracket', 'data-id': 'b1' }, 0]],
    [
      'a provenance as span.provenance',
      () => provenance({ kind: 'proposal', ref: 'prop-1', delegations: ['BRA'], label: 'Brazil' }, 'x').nodes[0]?.marks[0],
      ['span', { class: 'provenance', 'data-kind': 'proposal', 'data-ref': 'prop-1', 'data-delegations': 'BRA', title: 'Brazil' }, 0],
    ],
  ])('renders %s', (_, build, expected) => {
    const mark = build();
    expect(mark && mark.type.spec.toDOM?.(mark, true)).toEqual(expected);
  });

  it('keeps a footnote\'s words, with their provenance and brackets, inside the text', () => {
    const note = footnote({ id: 'n1' }, 'See ', provenance({ kind: 'edit', ref: 'u1' }, bracket({ id: 'b1' }, 'annex')), '.');
    const built = doc(article(p('Text', note, ' goes on.')));
    built.check();
    expect(note.textContent).toBe('See annex.');
    expect(note.isAtom && note.isInline).toBe(true);
    expect(domOf(note)).toEqual(['span', { 'data-node': 'footnote', 'data-id': 'n1' }, 0]);
  });

  it('refuses a mark on a footnote\'s words that the note does not allow', () => {
    const xref = treatySchema.marks.xref.create({ target: 'a1' });
    expect(() => footnote(treatySchema.text('x', [xref])).check()).toThrow(RangeError);
  });

  it('parses the attributes it renders', () => {
    const attributes: Record<string, string> = { 'data-id': 'o1', 'data-sponsors': 'BRA EU', 'data-base': 'true', 'data-attribution': '{"en":"Proposed by Brazil"}' };
    const element = { getAttribute: (name: string) => attributes[name] ?? null };
    const rule = treatySchema.nodes.option.spec.parseDOM?.[0];
    expect(rule?.getAttrs?.(element as never)).toEqual({ id: 'o1', sponsors: ['BRA', 'EU'], proposalIds: [], isBase: true, attribution: { en: 'Proposed by Brazil' } });
  });
});
