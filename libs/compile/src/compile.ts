import { LANGUAGES, type Language } from '@concord/domain';
import { canonicalizeBrackets, treatySchema } from '@concord/schema';
import type { Mark, Node } from 'prosemirror-model';
import { assemble, type Entry, type Placed } from './assemble';
import { attributionCodes, attributionOf, formatAttribution } from './attribution';
import { changesBetween } from './change-set';
import { CompileError, CompileErrorCode } from './compile-error';
import { bySponsorThenId, compareStrings } from './order';
import { MappingCache, place, type Placement } from './place';
import { indexSlots, type SlotIndex } from './slots';
import { splitByDecision } from './scope';
import type { CompileInput, CompileResult, Conflict, Decision, DelegationInfo, OutcomeStatus, Proposal, ProposalOutcome, ScopedDecision } from './types';

function indexBase(doc: Node): SlotIndex {
  try {
    doc.check();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CompileError(CompileErrorCode.InvalidBase, `The base is not a valid treaty document: ${reason}`);
  }
  const index = indexSlots(doc);
  const [duplicate] = index.duplicates;
  if (duplicate !== undefined) throw new CompileError(CompileErrorCode.InvalidBase, `The base repeats the node id ${duplicate}`);
  return index;
}

function checkUnique(proposals: readonly Proposal[]): void {
  const seen = new Set<string>();
  for (const { id } of proposals) {
    if (seen.has(id)) throw new CompileError(CompileErrorCode.DuplicateProposal, `Two proposals have the id ${id}`);
    seen.add(id);
  }
}

/** The provenance marks of text from proposals, one per set of proposals that put the text forward. */
function proposalMarks(language: Language, delegations: ReadonlyMap<string, DelegationInfo>): (entries: readonly Entry[]) => Mark {
  const cache = new Map<string, Mark>();
  return (entries) => {
    const ref = entries.map((entry) => entry.proposal.id).join(' ');
    let mark = cache.get(ref);
    if (!mark) {
      const attribution = attributionOf(entries.map((entry) => entry.proposal));
      mark = treatySchema.marks.provenance.create({
        kind: 'proposal',
        ref,
        delegations: attributionCodes(attribution),
        label: formatAttribution(attribution, language, delegations),
      });
      cache.set(ref, mark);
    }
    return mark;
  };
}

/** Who is behind an option, in words in every official language, one record per set of proposals. */
function optionAttributions(delegations: ReadonlyMap<string, DelegationInfo>): (entries: readonly Entry[]) => Readonly<Record<string, string>> {
  const cache = new Map<string, Readonly<Record<string, string>>>();
  return (entries) => {
    const ref = entries.map((entry) => entry.proposal.id).join(' ');
    let words = cache.get(ref);
    if (!words) {
      const attribution = attributionOf(entries.map((entry) => entry.proposal));
      words = Object.fromEntries(LANGUAGES.map((language) => [language, formatAttribution(attribution, language, delegations)]));
      cache.set(ref, words);
    }
    return words;
  };
}

/** The decision a proposal decided part by part is reported with: its most retaining part's. */
function summaryDecision(parts: readonly ScopedDecision[]): Decision {
  if (parts.some((part) => part.decision === 'incorporate')) return 'incorporate';
  if (parts.some((part) => part.decision === 'present-as-option')) return 'present-as-option';
  return 'not-retain';
}

/**
 * Compiles proposals onto a base into a consolidated text, deterministically.
 *
 * Each proposal's changes are computed against the text it was made against (node by node by stable id, words
 * within a text) and placed in the base by id and by the words around them. Then, per text:
 * - changes of incorporated proposals to different words merge;
 * - incorporated changes that overlap become an option group at the text (one option per formulation, identical
 *   formulations folded into one option attributed to all their proposals, ordered by sponsor code then id);
 * - a proposal presented as an option yields an option group whose option 1 is the base text, exactly, unless
 *   its formulation is one that is incorporated;
 * - every option is exactly the text its proposals propose: where a text stands as options, what was
 *   incorporated into it becomes an option of its own, never merged into another's option or the base's;
 * - not-retained proposals leave no trace.
 * A proposal may be decided change by change and provision by provision (`scopedDecisions`); its parts are
 * then compiled as if they were proposals of their own, and its outcome follows from what became of them.
 * Words that several proposals propose identically are attributed to all of them.
 * Headings, titles, recitals and texts already inside an option cannot hold option groups: their options are
 * written one after the other, each in brackets ("[shall][may]"). New provisions are inserted in order of
 * sponsor, identical ones once; a new provision presented as an option is inserted in brackets. A deleted
 * provision is removed when incorporated and no other proposal changes it, and bracketed otherwise.
 *
 * Every character of the result carries a provenance mark: the base text keeps the provenance it has (or
 * takes the base revision's), proposal text names the proposal(s), their delegations and a footnote label.
 * Incorporated text is bracketed when `options.bracketIncorporated` is set. A proposal that cannot be placed
 * is left out as a whole and reported as a conflict; the result does not depend on the order of `proposals`.
 *
 * @throws CompileError when the base is not a valid treaty document or two proposals share an id.
 */
export function compile(input: CompileInput): CompileResult {
  const { base } = input;
  const current = indexBase(base.doc);
  checkUnique(input.proposals);
  const language = input.options?.language ?? 'en';
  const baseMark = treatySchema.marks.provenance.create({ kind: 'base', ref: base.revisionId, delegations: [], label: base.label });
  const markFor = proposalMarks(language, input.delegations ?? new Map<string, DelegationInfo>());

  const outcomes = new Map<string, ProposalOutcome>();
  const conflicts: Conflict[] = [];
  const placed: Placed[] = [];
  const indexes = new Map<Node, SlotIndex>([[base.doc, current]]);
  const mappings = new MappingCache();

  const scoped = new Map<string, ScopedDecision[]>();
  for (const decision of input.scopedDecisions ?? []) {
    const list = scoped.get(decision.proposalId);
    if (list) list.push(decision);
    else scoped.set(decision.proposalId, [decision]);
  }
  // Proposals some of whose changes were left out (not retained, or covered by no decision).
  const partial = new Set<string>();
  const decisionOf = new Map<string, Decision>();

  [...input.proposals].sort(bySponsorThenId).forEach((proposal, rank) => {
    const whole = input.decisions.get(proposal.id) ?? null;
    const parts = scoped.get(proposal.id) ?? [];
    const decision = whole ?? (parts.length > 0 ? summaryDecision(parts) : null);
    const outcome = (status: OutcomeStatus, targets: readonly string[] = []): void => {
      outcomes.set(proposal.id, { proposalId: proposal.id, decision, status, rebased: proposal.baseRevisionId !== base.revisionId, targets });
    };
    if (decision === null) return outcome('undecided');
    if (parts.length === 0 && decision === 'not-retain') return outcome('not-retained');
    let proposalBase = indexes.get(proposal.baseDoc);
    if (!proposalBase) {
      proposalBase = indexSlots(proposal.baseDoc);
      indexes.set(proposal.baseDoc, proposalBase);
    }
    const proposed = indexSlots(proposal.proposedDoc);
    const duplicate = proposalBase.duplicates[0] ?? proposed.duplicates[0];
    if (duplicate !== undefined) {
      conflicts.push({ proposalId: proposal.id, reason: 'invalid-proposal', target: duplicate, message: `The proposal's text repeats the node id ${duplicate}` });
      return outcome('conflict');
    }
    const changes = changesBetween(proposalBase, proposed);
    const split = parts.length === 0 ? { byDecision: new Map([[decision, changes]]), left: 0 } : splitByDecision(changes, proposalBase, whole, parts);
    const placements: { decision: 'incorporate' | 'present-as-option'; placement: Placement }[] = [];
    for (const kept of ['incorporate', 'present-as-option'] as const) {
      const subset = split.byDecision.get(kept);
      if (!subset || subset.length === 0) continue;
      const placement = place(subset, current, proposal.baseDoc, mappings);
      if ('reason' in placement) {
        conflicts.push({ proposalId: proposal.id, ...placement });
        return outcome('conflict');
      }
      if (placement.texts.length + placement.inserts.length + placement.deletes.length > 0) placements.push({ decision: kept, placement });
    }
    if (placements.length === 0) return outcome(changes.length === 0 ? 'no-change' : split.left > 0 ? 'not-retained' : 'no-change');
    if (split.left > 0) partial.add(proposal.id);
    decisionOf.set(proposal.id, decision);
    for (const { decision: kept, placement } of placements) placed.push({ entry: { proposal, decision: kept, rank }, placement });
  });

  const attributionFor = optionAttributions(input.delegations ?? new Map<string, DelegationInfo>());
  const context = { current, baseMark, markFor, attributionFor, bracketIncorporated: input.options?.bracketIncorporated ?? false };
  const excluded = new Set<string>();
  let assembly = assemble(placed, context);
  // A proposal that breaks the structure is left out and the text assembled again; each round leaves out at
  // least one more proposal, so this ends.
  while (assembly.failures.length > 0) {
    for (const failure of assembly.failures) {
      excluded.add(failure.proposalId);
      conflicts.push(failure);
    }
    assembly = assemble(
      placed.filter(({ entry }) => !excluded.has(entry.proposal.id)),
      context,
    );
  }

  const targetsOf = new Map<string, Set<string>>();
  const rebasedOf = new Map<string, boolean>();
  for (const { entry, placement } of placed) {
    const set = targetsOf.get(entry.proposal.id) ?? new Set<string>();
    for (const target of placement.targets) set.add(target);
    targetsOf.set(entry.proposal.id, set);
    rebasedOf.set(entry.proposal.id, entry.proposal.baseRevisionId !== base.revisionId);
  }
  for (const [id, targets] of targetsOf) {
    const rebased = rebasedOf.get(id) ?? false;
    const status: OutcomeStatus = excluded.has(id)
      ? 'conflict'
      : !assembly.direct.has(id)
        ? 'presented-as-option'
        : assembly.optioned.has(id) || partial.has(id)
          ? 'partially-incorporated'
          : 'incorporated';
    outcomes.set(id, { proposalId: id, decision: decisionOf.get(id) ?? null, status, rebased, targets: [...targets].sort() });
  }

  return {
    doc: canonicalizeBrackets(assembly.doc),
    outcomes: [...outcomes.values()].sort((a, b) => compareStrings(a.proposalId, b.proposalId)),
    conflicts: conflicts.sort((a, b) => compareStrings(a.proposalId, b.proposalId)),
  };
}
