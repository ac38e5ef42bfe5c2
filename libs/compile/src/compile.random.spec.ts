import { docToJSON } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { provenanceOf, provenanceRefs } from './inline';
import { seeded, shuffle } from './testing/random';
import { unattributed } from './testing/render';
import { workload } from './testing/workload';
import type { CompileResult } from './types';

/** Per text block: its text and whether it stands inside an option. */
function blocks(doc: Node): { text: string; inOption: boolean }[] {
  const found: { text: string; inOption: boolean }[] = [];
  const visit = (node: Node, inOption: boolean): void => {
    if (node.isTextblock) found.push({ text: node.textContent, inOption });
    else node.forEach((child) => visit(child, inOption || node.type.name === 'option'));
  };
  visit(doc, false);
  return found;
}

/** Every proposal id the text names, in provenance or on options. */
function namedProposals(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'option') for (const id of node.attrs['proposalIds'] as readonly string[]) ids.add(id);
    const mark = node.isText ? provenanceOf(node) : null;
    if (mark?.attrs['kind'] === 'proposal') for (const id of provenanceRefs(mark)) ids.add(id);
    return true;
  });
  return ids;
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}

describe(`${compile.name} on random proposals`, () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('keeps its invariants with seed %i', (seed) => {
    const { input, tokens } = workload({ articles: 6, proposals: 40, seed, older: 0.2 });
    const result = compile({ ...input, options: { bracketIncorporated: seed % 2 === 0 } });
    const texts = blocks(result.doc);
    const named = namedProposals(result.doc);

    const retained = new Set(result.outcomes.filter((outcome) => !['not-retained', 'conflict', 'undecided', 'no-change'].includes(outcome.status)).map((outcome) => outcome.proposalId));
    // Proposals repeating another's text share its words; a word is gone only when all who propose it are.
    const proposers = new Map<string, string[]>();
    for (const [id, words] of tokens) for (const word of words) proposers.set(word, [...(proposers.get(word) ?? []), id]);

    expect(unattributed(result.doc)).toBe(0);
    for (const outcome of result.outcomes) {
      const words = tokens.get(outcome.proposalId) ?? [];
      if (!retained.has(outcome.proposalId)) {
        // Not retained, left out as a conflict, or changing nothing: no trace.
        expect(named.has(outcome.proposalId), outcome.proposalId).toBe(false);
        for (const word of words) {
          if ((proposers.get(word) ?? []).some((id) => retained.has(id))) continue;
          expect(texts.filter((block) => block.text.includes(word)), word).toEqual([]);
        }
        continue;
      }
      for (const word of words) {
        const holding = texts.filter((block) => block.text.includes(word));
        // Incorporated words stand once in the text, or once in each option that carries them.
        expect(holding.length, `${outcome.proposalId} ${word}`).toBeGreaterThan(0);
        expect(holding.every((block) => occurrences(block.text, word) === 1)).toBe(true);
        expect(holding.filter((block) => !block.inOption).length).toBeLessThanOrEqual(1);
        if (holding.some((block) => !block.inOption)) expect(holding.length).toBe(1);
      }
      if (words.length > 0) expect(named.has(outcome.proposalId), outcome.proposalId).toBe(true);
    }
    expect(result.conflicts.every((conflict) => result.outcomes.find((outcome) => outcome.proposalId === conflict.proposalId)?.status === 'conflict')).toBe(true);
  });

  it.each([7, 8, 9])('gives the same bytes for shuffled proposals with seed %i', (seed) => {
    const { input } = workload({ articles: 5, proposals: 60, seed, older: 0.2 });
    const bytes = (result: CompileResult): string => JSON.stringify([docToJSON(result.doc), result.outcomes, result.conflicts]);
    const expected = bytes(compile({ ...input, options: { bracketIncorporated: true } }));
    const random = seeded(seed * 7919);
    for (let round = 0; round < 5; round++) {
      expect(bytes(compile({ ...input, proposals: shuffle(input.proposals, random), options: { bracketIncorporated: true } }))).toBe(expected);
    }
  });
});
