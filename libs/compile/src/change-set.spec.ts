import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { changeSet, type Change } from './change-set';
import { revise, type Revision } from './testing/proposals';

const { article, chapter, doc, heading, p, preamble, recital, sub } = builders;

const base = doc(
  preamble(recital({ id: 'r1' }, 'The States Parties,')),
  chapter(
    { id: 'ch1' },
    heading('General'),
    article({ id: 'a1' }, heading('Scope'), p({ id: 'p1' }, 'The States shall act.', sub({ id: 's1' }, 'first;'), sub({ id: 's2' }, 'second.'))),
    article({ id: 'a2' }, p({ id: 'q1' }, 'Other text.')),
  ),
);

function show(change: Change): string {
  switch (change.kind) {
    case 'text':
      return `text ${change.target} ${change.edits.map((edit) => `[${edit.from},${edit.to}) "${edit.deleted}"→"${edit.inserted}"`).join(' ')}`;
    case 'insert':
      return `insert ${change.nodes.map((node) => String(node.attrs['id'])).join(',')} in ${change.parent} after ${change.after ?? '-'} before ${change.before ?? '-'}`;
    case 'delete':
      return `delete ${change.target}`;
  }
}

describe(changeSet.name, () => {
  it.each<[string, Revision, readonly string[]]>([
    ['finds nothing in an unchanged text', {}, []],
    ['diffs the words of a text', { text: { p1: 'The States Parties may act.' } }, ['text p1#text0 [11,17) "shall "→"Parties may "']],
    ['diffs a recital and a heading', { text: { r1: 'The High Contracting Parties,', 'a1#heading': 'Scope of application' } }, ['text r1 [4,11) "States "→"High Contracting "', 'text a1#heading [5,5) ""→" of application"']],
    ['finds new provisions with their neighbours', { after: { s1: [sub({ id: 'n1' }, 'new;'), sub({ id: 'n2' }, 'newer;')] } }, ['insert n1,n2 in p1 after s1 before s2']],
    ['finds deleted provisions inside a targeted article', { drop: ['s2'] }, ['delete s2']],
    ['does not take articles left out of the proposal for deleted ones', { drop: ['a2'] }, []],
  ])('%s', (_title, revision, expected) => {
    expect(changeSet(base, revise(base, revision)).map(show)).toEqual(expected);
  });

  it('reads a proposal that holds only the article it targets', () => {
    const proposed = doc(article({ id: 'a2' }, p({ id: 'q1' }, 'Other words.'), p({ id: 'q2' }, 'Added.')));
    expect(changeSet(base, proposed).map(show)).toEqual(['text q1#text0 [6,10) "text"→"words"', 'insert q2 in a2 after q1 before -']);
  });
});
