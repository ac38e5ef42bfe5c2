import type { Language } from '@concord/domain';
import { hasStableId } from '@concord/schema';
import type { Node } from 'prosemirror-model';
import { attributionOf, formatAttribution, type Attribution } from './attribution';
import { provenanceOf, provenanceRefs } from './inline';
import { bySponsorThenId } from './order';
import type { DelegationInfo, ProposalAttribution } from './types';

/** A footnote of a consolidated text: who put forward an option or a piece of incorporated text. */
export interface Footnote {
  /** The proposals behind the text, sorted. */
  readonly proposalIds: readonly string[];
  /** Their delegations, proposers first. */
  readonly delegations: readonly string[];
  readonly text: string;
  /** Where the text stands: ids of the options, or of the nearest provisions holding the text, in order. */
  readonly nodeIds: readonly string[];
}

interface Gathered {
  readonly proposalIds: readonly string[];
  readonly delegations: readonly string[];
  readonly nodeIds: string[];
}

/**
 * The footnotes of a consolidated text in a language, in order of first appearance: one per option put
 * forward by proposals and per set of proposals whose text was incorporated ("Proposed by Egypt;
 * co-sponsored by Brazil and China; supported by …"), groups followed by their members.
 *
 * Roles come from `proposals`; for a proposal not given, the delegations recorded in the text are all named
 * as proposers. Names come from `delegations`; a code stands in for an unknown name.
 */
export function footnotes(
  doc: Node,
  language: Language,
  delegations: ReadonlyMap<string, DelegationInfo> = new Map(),
  proposals: readonly ProposalAttribution[] = [],
): readonly Footnote[] {
  const gathered = new Map<string, Gathered>();
  const note = (ids: readonly string[], codes: readonly string[], nodeId: string | null): void => {
    if (ids.length === 0) return;
    const proposalIds = [...ids].sort();
    const key = proposalIds.join(' ');
    let entry = gathered.get(key);
    if (!entry) {
      entry = { proposalIds, delegations: codes, nodeIds: [] };
      gathered.set(key, entry);
    }
    if (nodeId !== null && !entry.nodeIds.includes(nodeId)) entry.nodeIds.push(nodeId);
  };
  const visit = (node: Node, owner: string | null): void => {
    if (node.isText) {
      const mark = provenanceOf(node);
      // A translation of a proposal's words keeps its ref and delegations, so its language version cites it too.
      const kind = mark?.attrs['kind'];
      const delegations = (mark?.attrs['delegations'] ?? []) as readonly string[];
      if (mark && (kind === 'proposal' || (kind === 'translation' && delegations.length > 0))) note(provenanceRefs(mark), mark.attrs['delegations'] as readonly string[], owner);
      return;
    }
    const id = hasStableId(node) && typeof node.attrs['id'] === 'string' ? node.attrs['id'] : owner;
    if (node.type.name === 'option') note(node.attrs['proposalIds'] as readonly string[], node.attrs['sponsors'] as readonly string[], id);
    node.forEach((child) => visit(child, id));
  };
  visit(doc, null);

  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  return [...gathered.values()].map(({ proposalIds, delegations: codes, nodeIds }) => {
    const known = proposalIds.map((id) => byId.get(id));
    const attribution: Attribution = known.every((proposal) => proposal !== undefined)
      ? attributionOf([...(known as ProposalAttribution[])].sort(bySponsorThenId))
      : { proposers: codes, coSponsors: [], supporters: [] };
    return { proposalIds, delegations: codes, text: formatAttribution(attribution, language, delegations), nodeIds };
  });
}
