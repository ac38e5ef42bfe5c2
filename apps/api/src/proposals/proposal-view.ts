import type { Change } from '@concord/compile';
import type { HistoryActor, Language, ProposalStatus, Resource, Role, Tier } from '@concord/domain';
import { docFromJSONText, docToJSON } from '@concord/schema';
import type { ProposalEvent } from './proposal-event.entity';
import type { Proposal } from './proposal.entity';

/** Submitted proposals are committee records; a published compilation that lists one makes it public. */
export function proposalTier(proposal: Pick<Proposal, 'publishedAt'>): Tier {
  return proposal.publishedAt ? 'public' : 'committee';
}

/** A proposal as the access policy sees it: a record of its committee, owned by its sponsor and co-sponsors. */
export function proposalResource(proposal: Pick<Proposal, 'publishedAt' | 'committeeId' | 'sponsorDelegationId' | 'coSponsorIds'>): Resource {
  return { tier: proposalTier(proposal), committeeId: proposal.committeeId, owners: [proposal.sponsorDelegationId, ...proposal.coSponsorIds] };
}

/** A stored change: the change set of libs/compile with its nodes as ProseMirror JSON. */
export type StoredChange =
  | { readonly kind: 'text'; readonly target: string; readonly before: string; readonly after: string; readonly edits: readonly { from: number; to: number; deleted: string; inserted: string }[] }
  | { readonly kind: 'insert'; readonly parent: string; readonly after: string | null; readonly before: string | null; readonly nodes: readonly unknown[] }
  | { readonly kind: 'delete'; readonly target: string; readonly node: unknown };

/** The change set in a form that can be stored and sent. */
export function storeChanges(changes: readonly Change[]): StoredChange[] {
  return changes.map((change): StoredChange => {
    switch (change.kind) {
      case 'text':
        return { kind: 'text', target: change.target, before: change.before, after: change.after, edits: change.edits.map(({ from, to, deleted, inserted }) => ({ from, to, deleted, inserted })) };
      case 'insert':
        return { kind: 'insert', parent: change.parent, after: change.after, before: change.before, nodes: change.nodes.map((n) => n.toJSON() as unknown) };
      case 'delete':
        return { kind: 'delete', target: change.target, node: change.node.toJSON() as unknown };
    }
  });
}

/** A proposal as the API shows it. */
export interface ProposalView {
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  /** The drafting space it was submitted from. */
  readonly spaceId: string | null;
  readonly language: Language;
  readonly title: string;
  readonly justification: string;
  readonly sponsorDelegationId: string;
  readonly coSponsorIds: readonly string[];
  readonly supporterIds: readonly string[];
  readonly status: ProposalStatus;
  readonly late: boolean;
  readonly sessionId: string | null;
  readonly provisionIds: readonly string[];
  readonly baseRef: string;
  readonly baseDoc: unknown;
  readonly proposedDoc: unknown;
  readonly changes: readonly StoredChange[];
  /** Bidirectional controls and invisible characters found in the proposed text or justification. */
  readonly textWarnings: readonly string[];
  readonly supersedesId: string | null;
  readonly submittedAt: string;
  readonly submittedBy: string;
  /** Public since a published compilation listed it. */
  readonly published: boolean;
  readonly history: readonly ProposalHistoryEntry[];
}

export interface ProposalHistoryEntry {
  readonly from: string | null;
  readonly to: string;
  /** The user's id, so that a reader can tell their own actions. */
  readonly actorId: string;
  readonly actor: HistoryActor;
  readonly at: string;
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
    baseDoc: docToJSON(docFromJSONText(p.baseDoc)),
    proposedDoc: docToJSON(docFromJSONText(p.proposedDoc)),
    changes: JSON.parse(p.changes) as StoredChange[],
    textWarnings: p.textWarnings,
    supersedesId: p.supersedesId,
    submittedAt: p.submittedAt.toISOString(),
    submittedBy: p.submittedBy,
    published: p.publishedAt !== null,
    history: events.map((e) => ({ from: e.fromStatus, to: e.toStatus, actorId: e.actorId, actor: actors.get(e.actorId) ?? historyActor(undefined), at: e.at.toISOString() })),
  };
}
