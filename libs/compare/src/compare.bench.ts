import { bench, describe } from 'vitest';
import { compare } from './compare';
import { renderInlineHtml } from './render';
import { revisionWorkload } from './testing/workload';

// DESIGN §7: comparing two revisions of 50,000 words takes at most 100 ms at 2 % changed and 1 s at 20 %.
const WORDS = 50_000;
const workloads = [
  { name: '2 % changed, English (target ≤ 100 ms)', language: 'en', changed: 0.02 },
  { name: '20 % changed, English (target ≤ 1 s)', language: 'en', changed: 0.2 },
  { name: '2 % changed, Arabic', language: 'ar', changed: 0.02 },
  { name: '20 % changed, Arabic', language: 'ar', changed: 0.2 },
] as const;

describe(`compare two revisions of ${WORDS.toLocaleString('en')} words`, () => {
  for (const { name, language, changed } of workloads) {
    const { older, newer } = revisionWorkload({ words: WORDS, changed, seed: 42, language });
    bench(name, () => {
      compare(older, newer, { language });
    });
  }
});

describe(`render the comparison of two revisions of ${WORDS.toLocaleString('en')} words inline`, () => {
  const { older, newer } = revisionWorkload({ words: WORDS, changed: 0.2, seed: 42 });
  const comparison = compare(older, newer, { language: 'en' });
  bench('20 % changed, English', () => {
    renderInlineHtml(comparison);
  });
});
