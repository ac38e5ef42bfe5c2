import { docToJSON, findNodeById } from '@concord/schema';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { provenanceOf, provenanceRefs } from './inline';
import { seeded, shuffle } from './testing/random';
import { unattributed } from './testing/render';
import { workload } from './testing/workload';
import type { CompileInput, CompileResult, ScopedDecision } from './types';

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

/** The text of the paragraph or subparagraph `owner` of a document, when it stands as text (not as options). */
function textOf(doc: Node, owner: string): string | null {
  const found = findNodeById(doc, owner);
  const lead = found?.node.firstChild;
  return lead?.type.name === 'text_block' ? lead.textContent : null;
}

/**
 * Every option of the compiled text, with what it should read: the base's text for the base option, and for
 * the others the text that each of its proposals gives alone, compiled as if incorporated on its own.
 */
function optionTruths(input: CompileInput, result: CompileResult): { option: string; text: string; expected: (string | null)[] }[] {
  const alone = new Map<string, Node>();
  const compiledAlone = (id: string): Node => {
    let doc = alone.get(id);
    if (!doc) {
      const proposal = input.proposals.find((candidate) => candidate.id === id);
      const scoped = (input.scopedDecisions ?? []).filter((decision) => decision.proposalId === id).map((decision): ScopedDecision => ({ ...decision, decision: decision.decision === 'not-retain' ? 'not-retain' : 'incorporate' }));
      const whole = input.decisions.get(id);
      doc = compile({
        base: input.base,
        proposals: proposal ? [proposal] : [],
        decisions: new Map(whole && whole !== 'not-retain' ? [[id, 'incorporate' as const]] : []),
        scopedDecisions: scoped,
      }).doc;
      alone.set(id, doc);
    }
    return doc;
  };
  const truths: { option: string; text: string; expected: (string | null)[] }[] = [];
  result.doc.descendants((node) => {
    if (node.type.name !== 'option_group') return true;
    const owner = String(node.attrs['id']).replace(/\/options$/, '');
    node.forEach((option) => {
      const ids = option.attrs['proposalIds'] as readonly string[];
      const expected = option.attrs['isBase'] === true ? [textOf(input.base.doc, owner)] : ids.map((id) => textOf(compiledAlone(id), owner));
      truths.push({ option: String(option.attrs['id']), text: option.textContent, expected });
    });
    return false;
  });
  return truths;
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

  it('makes every option exactly the text its proposals propose, and the base option the base (fast-check)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, bracketIncorporated) => {
        const { input } = workload({ articles: 4, proposals: 24, seed, older: 0.2 });
        const result = compile({ ...input, options: { bracketIncorporated } });
        for (const truth of optionTruths(input, result)) {
          checked++;
          for (const expected of truth.expected) expect(truth.text, truth.option).toBe(expected);
        }
      }),
      { numRuns: 25, seed: 20260415 },
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('compiles decisions given per provision as the same decisions given per proposal (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { input } = workload({ articles: 4, proposals: 24, seed, older: 0.2 });
        // Each generated proposal changes one article: deciding that article decides the proposal.
        const scopedDecisions = input.proposals.flatMap((proposal): ScopedDecision[] => {
          const decision = input.decisions.get(proposal.id);
          const article = proposal.proposedDoc.firstChild?.attrs['id'];
          return decision && typeof article === 'string' ? [{ proposalId: proposal.id, provision: article, change: null, decision }] : [];
        });
        const bytes = (result: CompileResult): string => JSON.stringify([docToJSON(result.doc), result.outcomes.map((o) => [o.proposalId, o.status])]);
        const scoped = compile({ ...input, decisions: new Map(), scopedDecisions });
        const per = compile(input);
        expect(bytes(scoped)).toBe(bytes(per));
        for (const truth of optionTruths({ ...input, decisions: new Map(), scopedDecisions }, scoped)) {
          for (const expected of truth.expected) expect(truth.text, truth.option).toBe(expected);
        }
      }),
      { numRuns: 15, seed: 20260416 },
    );
  });
});
