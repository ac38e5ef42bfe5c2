import { builders, findNodeById, inlineToText } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { buildOptionGroup, dissolveOptionGroup, enclosingGroup, optionTarget, type Proponents } from './option-groups';

const { article, bracket, doc, option, options, p, provenance, sub } = builders;

const egypt = { kind: 'proposal' as const, ref: 'prop-1', delegations: ['EGY'] };
const draft = doc(
  article(
    { id: 'a1' },
    p({ id: 'p1' }, 'First ', provenance(egypt, 'paragraph'), '.'),
    p({ id: 'p2' }, 'Second paragraph.', sub({ id: 's1' }, 'one;'), sub({ id: 's2' }, 'two;'), sub({ id: 's3' }, 'three.')),
    p({ id: 'p3' }, 'Third ', bracket({ id: 'b1' }, 'paragraph'), '.'),
  ),
);

const EGY: Proponents = { codes: ['EGY'], attribution: { en: 'Proposed by Egypt', ar: 'مقدم من مصر' } };
const BRA: Proponents = { codes: ['BRA'], attribution: { en: 'Proposed by Brazil' } };

/** The state with the text between the starts of the texts of nodes `fromId` and `toId` selected (offsets into them). */
function select(fromId: string, fromOffset: number, toId: string = fromId, toOffset: number = fromOffset, base: Node = draft): EditorState {
  const start = (id: string): number => {
    const found = findNodeById(base, id);
    if (found === null) throw new Error(`no node ${id}`);
    return found.node.isTextblock ? found.pos + 1 : found.pos + 2;
  };
  const state = EditorState.create({ doc: base });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, start(fromId) + fromOffset, start(toId) + toOffset)));
}

/** The article on one line: paragraphs by id, option groups as `{EGY: … | BRA: …}`. */
function render(node: Node): string {
  const parts: string[] = [];
  node.forEach((child) => {
    if (child.type.name === 'option_group') {
      const alternatives: string[] = [];
      child.forEach((alternative) => alternatives.push(`${(alternative.attrs['sponsors'] as string[]).join('+') || '-'}: ${render(alternative)}`));
      parts.push(`{${alternatives.join(' | ')}}`);
    } else if (child.isTextblock) {
      parts.push(inlineToText(child));
    } else {
      parts.push(`${String(child.attrs['id'])}(${render(child)})`);
    }
  });
  return parts.join(' ');
}

function apply(state: EditorState, tr: ReturnType<typeof buildOptionGroup>): Node {
  if (tr === null) throw new Error('no transaction');
  const next = state.apply(tr);
  next.doc.check();
  return next.doc;
}

describe(optionTarget.name, () => {
  it.each<[string, EditorState, string | null]>([
    ['two paragraphs', select('p1', 2, 'p2', 3), 'provisions:2'],
    ['three subparagraphs', select('s1', 0, 's3', 1), 'provisions:3'],
    ['a paragraph’s text', select('p3', 2), 'text:2'],
    ['a subparagraph’s text', select('s2', 1), 'text:2'],
    ['a paragraph’s text and its subparagraph', select('p2', 1, 's1', 1), null],
  ])('reads %s', (_, state, expected) => {
    const target = optionTarget(state);
    expect(target === null ? null : `${target.kind}:${target.count}`).toBe(expected);
  });
});

describe(buildOptionGroup.name, () => {
  it('makes each selected paragraph an option named after its proponents, keeping ids and provenance', () => {
    const state = select('p1', 0, 'p3', 1);
    const target = optionTarget(state);
    const built = apply(state, target && buildOptionGroup(state, target, [EGY, BRA]));
    expect(render(built.child(0))).toBe('{EGY: p1(First paragraph.) | BRA: p2(Second paragraph. s1(one;) s2(two;) s3(three.)) | -: p3(Third [paragraph].)}');
    const first = built.child(0).child(0).child(0);
    expect(first.attrs).toMatchObject({ sponsors: ['EGY'], isBase: false, attribution: { en: 'Proposed by Egypt', ar: 'مقدم من مصر' } });
    expect(findNodeById(built, 'p1')?.node.child(0).child(1).marks[0]?.attrs['ref']).toBe('prop-1');
  });

  it('makes a paragraph’s text an option and a copy of it another, the copy with fresh bracket ids', () => {
    const state = select('p3', 1);
    const target = optionTarget(state);
    const built = apply(state, target && buildOptionGroup(state, target, [EGY, BRA]));
    expect(render(built.child(0))).toBe('p1(First paragraph.) p2(Second paragraph. s1(one;) s2(two;) s3(three.)) p3({EGY: Third [paragraph]. | BRA: Third [paragraph].})');
    const group = findNodeById(built, 'p3')?.node.child(0);
    const bracketIds = [0, 1].map((index) => group?.child(index).child(0).child(1).marks.find((mark) => mark.type.name === 'bracket')?.attrs['id']);
    expect(bracketIds[0]).toBe('b1');
    expect(bracketIds[1]).not.toBe('b1');
  });
});

describe(dissolveOptionGroup.name, () => {
  const grouped = doc(
    article(
      { id: 'a1' },
      options({ id: 'g1' }, option({ id: 'o1', sponsors: ['EGY'] }, p({ id: 'p1' }, provenance(egypt, 'Egypt’s words.'))), option({ id: 'o2', sponsors: ['BRA'] }, p({ id: 'p2' }, 'Brazil’s words.'))),
      p({ id: 'p3' }, options({ id: 'g2' }, option({ id: 'o3' }, 'One', 'text'), option({ id: 'o4' }, 'Other text'))),
    ),
  );

  it('keeps the chosen option’s paragraph, with its id and provenance, where the group stood', () => {
    const state = select('p2', 3, 'p2', 3, grouped);
    const group = enclosingGroup(state);
    expect(group?.optionIndex).toBe(1);
    const dissolved = apply(state, group && dissolveOptionGroup(state, group.pos, 0));
    expect(render(dissolved.child(0))).toBe('p1(Egypt’s words.) p3({-: One ¶ text | -: Other text})'.replace(' ¶ ', ' '));
    expect(findNodeById(dissolved, 'p1')?.node.firstChild?.firstChild?.marks[0]?.attrs['ref']).toBe('prop-1');
  });

  it('makes an option of several texts standing for a paragraph’s text one text', () => {
    const state = select('p3', 0, 'p3', 0, grouped);
    const group = findNodeById(grouped, 'g2');
    const dissolved = apply(state, group && dissolveOptionGroup(state, group.pos, 0));
    expect(findNodeById(dissolved, 'p3')?.node.firstChild?.textContent).toBe('One text');
  });

  it('refuses an option that is not there', () => {
    const state = select('p3', 0, 'p3', 0, grouped);
    expect(dissolveOptionGroup(state, findNodeById(grouped, 'g1')?.pos ?? -1, 2)).toBeNull();
    expect(dissolveOptionGroup(state, 0, 0)).toBeNull();
  });
});
