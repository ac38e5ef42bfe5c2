import { compare } from '@concord/compare';
import { builders, type Child } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { bench, describe } from 'vitest';
import { comparisonToDocx, type TrackedDocxInput } from './tracked-docx';

const { article, doc, heading, p, provenance } = builders;
const VOCABULARY = 'state party shall adopt such legislative and other measures as may be necessary to establish criminal offence under its domestic law when committed intentionally access whole any part information system without right'.split(' ');

/** A seeded generator, so that every run benchmarks the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Two versions of a convention of `words / 500` articles of five paragraphs of 100 words; the newer replaces
 * `changed` of the words, spread through the text, and attributes its new words to a proposal.
 */
function revisionWorkload(options: { words: number; changed: number; seed: number }): { older: Node; newer: Node } {
  const next = random(options.seed);
  const word = () => VOCABULARY[Math.floor(next() * VOCABULARY.length)] ?? 'text';
  const articles = Math.round(options.words / 500);
  const texts = Array.from({ length: articles }, () => Array.from({ length: 5 }, () => Array.from({ length: 100 }, word)));
  const build = (edit: boolean) =>
    doc(
      ...texts.map((paragraphs, a) =>
        article(
          { id: `a${a}` },
          heading(`Article heading ${a}`),
          ...paragraphs.map((words, i) => {
            const children: Child[] = words.map((w, k) => {
              const text = `${k === 0 ? '' : ' '}${w}`;
              return edit && next() < options.changed ? provenance({ kind: 'proposal', ref: 'p1', delegations: ['EGY'], label: 'Egypt' }, `${k === 0 ? '' : ' '}${word()}x`) : text;
            });
            return p({ id: `a${a}p${i}` }, ...children);
          }),
        ),
      ),
    );
  return { older: build(false), newer: build(true) };
}

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
