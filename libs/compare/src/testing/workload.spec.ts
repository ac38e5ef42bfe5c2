import { docToText } from '@concord/schema';
import { describe, expect, it } from 'vitest';
import { compare } from '../compare';
import { revisionWorkload } from './workload';

describe(revisionWorkload.name, () => {
  it('changes about the fraction of words asked for, and one article of each kind of structural change', () => {
    const { older, newer, words, changedWords } = revisionWorkload({ words: 10_000, changed: 0.2, seed: 7 });
    const rows = compare(older, newer, { language: 'en' }).concordance.filter((row) => row.kind === 'article');
    expect({
      words: docToText(older, 'en').split(/\s+/).length > words,
      changed: Math.round((changedWords / words) * 10) / 10,
      added: rows.filter((row) => row.added).length,
      deleted: rows.filter((row) => row.deleted).length,
      moved: rows.filter((row) => row.moved).length,
    }).toEqual({ words: true, changed: 0.2, added: 1, deleted: 1, moved: 1 });
  });

  it('generates the same revisions from the same seed', () => {
    const first = revisionWorkload({ words: 2_000, changed: 0.02, seed: 3 });
    const second = revisionWorkload({ words: 2_000, changed: 0.02, seed: 3 });
    expect(second.newer.eq(first.newer)).toBe(true);
  });

  it('leaves the text alone when nothing is to change', () => {
    const { older, newer } = revisionWorkload({ words: 2_000, changed: 0, seed: 3 });
    expect(compare(older, newer, { language: 'en' }).identical).toBe(true);
  });
});
