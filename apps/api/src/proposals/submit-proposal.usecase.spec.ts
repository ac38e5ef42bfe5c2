import { builders } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { touchedArticles, withoutForgedNegotiation } from './submit-proposal.usecase';

const { article, doc, option, options, p } = builders;

describe(withoutForgedNegotiation.name, () => {
  const base = doc(article({ id: 'a1', status: 'agreed-ad-referendum', number: '1' }, p({ id: 'p1', status: 'informally-agreed' }, 'Agreed words.')));

  it('sets what a space inserts to open, unnumbered and unattributed', () => {
    const forged = { sponsors: ['FRA'], proposalIds: ['x'], isBase: true, attribution: { en: 'Proposed by France' } };
    const inserted = article(
      { id: 'a2', status: 'agreed-ad-referendum', number: '1.1' },
      p({ id: 'p2', status: 'informally-agreed' }, 'New words.'),
      options({ id: 'g' }, option({ id: 'o1', ...forged }, p({ id: 'q1' }, 'One.')), option({ id: 'o2', ...forged }, p({ id: 'q2' }, 'Two.'))),
    );
    const proposed = doc(base.child(0), inserted);
    const clean = withoutForgedNegotiation(base, proposed).child(1);
    expect(clean.attrs).toEqual({ id: 'a2', status: 'open', number: null });
    expect(clean.child(0).attrs).toEqual({ id: 'p2', status: 'open' });
    clean.child(1).forEach((o) => expect(o.attrs).toMatchObject({ sponsors: [], proposalIds: [], isBase: false, attribution: {} }));
    expect(clean.textContent).toBe('New words.One.Two.');
  });

  it("gives the base's nodes back the base's attributes, so that a status changed in the space alone touches nothing", () => {
    const reopened = doc(article({ id: 'a1', status: 'open', number: '7' }, p({ id: 'p1', status: 'open' }, 'Agreed words.')));
    const clean = withoutForgedNegotiation(base, reopened);
    expect(clean.child(0).attrs).toEqual({ id: 'a1', status: 'agreed-ad-referendum', number: '1' });
    expect(clean.child(0).child(0).attrs).toEqual({ id: 'p1', status: 'informally-agreed' });
    expect(touchedArticles(base, clean)).toEqual([]);
    expect(touchedArticles(base, reopened)).toEqual(['a1']);
  });
});
