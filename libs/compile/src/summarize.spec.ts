import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { summarize } from './summarize';

const { article, bracket, chapter, doc, heading, option, options, p, provenance } = builders;

describe(summarize.name, () => {
  it('counts brackets, option groups and proposals per article, in document order', () => {
    const text = doc(
      chapter(
        { id: 'ch1' },
        heading('General'),
        article({ id: 'a1' }, p({ id: 'p1' }, 'Plain text.')),
        article(
          { id: 'a2' },
          p({ id: 'p2' }, bracket({ id: 'b1' }, 'Outer ', bracket({ id: 'b2' }, 'inner')), ' and ', provenance({ kind: 'proposal', ref: 'P1 P2', delegations: ['EGY', 'BRA'] }, 'proposed'), '.'),
          p({ id: 'p3' }, options(option({ id: 'o1', isBase: true }, 'Base.'), option({ id: 'o2', sponsors: ['CHN'], proposalIds: ['P3', 'P1'] }, 'Other.'))),
        ),
      ),
      article({ id: 'a3' }, p({ id: 'p4' }, bracket({ id: 'b3' }, 'One'), ' ', bracket({ id: 'b3' }, 'bracket in two pieces'))),
    );
    expect([...summarize(text)].map(([id, { brackets, optionGroups, proposals }]) => `${id}: ${brackets}/${optionGroups}/${proposals}`)).toEqual(['a1: 0/0/0', 'a2: 2/1/3', 'a3: 1/0/0']);
  });
});
