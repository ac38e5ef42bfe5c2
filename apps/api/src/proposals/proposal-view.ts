import type { Change } from '@concord/compile';
import type { HistoryActor, Language, ProposalStatus, Resource, Role, Tier } from '@concord/domain';
import { proposalChanges } from './proposal-documents';
import type { ProposalEvent } from './proposal-event.entity';
import type { Proposal } from './proposal.entity';
import type { ProposalView, StoredChange } from '@concord/domain';
export type { ProposalHistoryEntry, ProposalView, StoredChange } from '@concord/domain';

/** Submitted proposals are committee records; a published compilation that lists one makes it public. */
export function proposalTier(proposal: Pick<Proposal, 'publishedAt'>): Tier {
  return proposal.publishedAt ? 'public' : 'committee';
}

/** A proposal as the access policy sees it: a record of its committee, owned by its sponsor and co-sponsors. */
export function proposalResource(proposal: Pick<Proposal, 'publishedAt' | 'committeeId' | 'sponsorDelegationId' | 'coSponsorIds'>): Resource {
  return { tier: proposalTier(proposal), committeeId: proposal.committeeId, owners: [proposal.sponsorDelegationId, ...proposal.coSponsorIds] };
}

/** The change set in a form that can be stored and sent. */
export function storeChanges(changes: readonly Change[]): StoredChange[] {
  return changes.map(storeChange);
}

/** One change in a form that can be stored and sent. */
export function storeChange(change: Change): StoredChange {
  switch (change.kind) {
    case 'text':
      return { kind: 'text', target: change.target, before: change.before, after: change.after, edits: change.edits.map(({ from, to, deleted, inserted }) => ({ from, to, deleted, inserted })) };
    case 'insert':
      return { kind: 'insert', parent: change.parent, after: change.after, before: change.before, nodes: change.nodes.map((n) => n.toJSON() as unknown) };
    case 'delete':
      return { kind: 'delete', target: change.target, node: change.node.toJSON() as unknown };
  }
}

/** The body a user acts for; users who no longer exist are counted as the administration. */
export function historyActor(user: { readonly roles: readonly Role[]; readonly delegationId: string | null } | undefined): HistoryActor {
  // The secretariat's staff belong to a delegation-like body of their own; they act as the secretariat.
  if (user?.roles.includes('secretariat')) return { body: 'secretariat' };
  if (user?.roles.includes('chair')) return { body: 'bureau' };
  if (user?.delegationId) return { body: 'delegation', delegationId: user.delegationId };
  return { body: 'administration' };
}

export function proposalView(p: Proposal, supporterIds: readonly string[], events: readonly ProposalEvent[], actors: ReadonlyMap<string, HistoryActor>): ProposalView {
  return {
    id: p.id,
    committeeId: p.committeeId,
    instrumentId: p.instrumentId,
    spaceId: p.spaceId,
    language: p.language as Language,
    title: p.title,
    justification: p.justification,
    sponsorDelegationId: p.sponsorDelegationId,
    coSponsorIds: p.coSponsorIds,
    supporterIds,
    status: p.status as ProposalStatus,
    late: p.late,
    sessionId: p.sessionId,
    provisionIds: p.provisionIds,
    baseRef: p.baseRef,
    // The views send the documents as stored (checked when they were submitted); the change set is checked here.
    baseDoc: JSON.parse(p.baseDoc),
    proposedDoc: JSON.parse(p.proposedDoc),
    changes: proposalChanges(p),
    textWarnings: p.textWarnings,
    supersedesId: p.supersedesId,
    submittedAt: p.submittedAt.toISOString(),
    submittedBy: p.submittedBy,
    published: p.publishedAt !== null,
    history: events.map((e) => ({ from: e.fromStatus as ProposalStatus | null, to: e.toStatus as ProposalStatus, actorId: e.actorId, actor: actors.get(e.actorId) ?? historyActor(undefined), at: e.at.toISOString() })),
  };
}
