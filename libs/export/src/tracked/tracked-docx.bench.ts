import { compare } from '@concord/compare';
import { bench, describe } from 'vitest';
// The comparison benchmark's generated convention: ten articles to a chapter, five paragraphs of 100 words each.
import { revisionWorkload } from '../../../compare/src/testing/workload';
import { comparisonToDocx, type TrackedDocxInput } from './tracked-docx';

// Issue 14: a 70-article comparison downloads in under a second. 70 articles of 500 words are 35,000 words.
const WORDS = 35_000;

function input(changed: number): TrackedDocxInput {
  const { older, newer } = revisionWorkload({ words: WORDS, changed, seed: 42 });
  return {
    symbol: 'A/AC.291/22/Rev.2',
    date: '2024-05-08',
    distribution: 'General',
    originalLanguage: 'en',
    committee: { name: 'Ad Hoc Committee', symbolPrefix: 'A/AC.291' },
    title: 'Draft convention',
    comparison: compare(older, newer, { language: 'en' }),
    author: (provenance) => provenance?.label || 'Secretariat',
    changeDate: '2024-05-08T00:00:00Z',
  };
}

describe('download a 70-article comparison as DOCX with tracked changes (compare + write; target < 1 s)', () => {
  for (const changed of [0.02, 0.2]) {
    const { older, newer } = revisionWorkload({ words: WORDS, changed, seed: 42 });
    const base = input(changed);
    bench(`${changed * 100} % changed, English`, async () => {
      await comparisonToDocx({ ...base, comparison: compare(older, newer, { language: 'en' }) });
    });
  }
});
