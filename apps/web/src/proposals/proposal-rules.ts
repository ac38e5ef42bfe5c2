import { decide, type Subject } from '@concord/domain';
import type { Delegation, DraftingSpace, Session } from '../api';
import type { Proposal } from './proposals-api';

/**
 * The session a proposal submitted at `now` goes to when none is chosen, as the server picks it: the session under
 * way or the next one; failing that, the last one held.
 */
export function sessionFor(sessions: readonly Session[], now: Date): Session | null {
  const ordered = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.number - b.number);
  const today = now.toISOString().slice(0, 10);
  return ordered.find((session) => session.endDate >= today) ?? ordered.at(-1) ?? null;
}

/** Whether a proposal submitted at `now` for `session` is late: after its proposal deadline. */
export function isLate(session: Session | null, now: Date): boolean {
  return session !== null && now.getTime() > Date.parse(session.proposalDeadline);
}

/** The proposals submitted from a drafting space, newest first. */
export function proposalsOfSpace(proposals: readonly Proposal[], space: DraftingSpace): readonly Proposal[] {
  return proposals.filter((proposal) => proposal.spaceId === space.id).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** Whether `subject` may submit the space: the head of its owning delegation. */
export function maySubmit(subject: Subject, space: DraftingSpace): boolean {
  return decide(subject, 'submit-proposal', { tier: 'delegation', owners: [space.ownerDelegationId] }).allowed;
}

/** Whether `subject` invites and removes co-sponsors: the head of the owning delegation too. */
export const mayManageCoSponsors = maySubmit;

/** Whether `subject` answers an invitation to co-sponsor the space: the head of an invited delegation. */
export function mayAnswerInvitation(subject: Subject, space: DraftingSpace): boolean {
  const delegationId = subject.delegationId;
  return (
    delegationId !== null &&
    space.invitedCoSponsorIds.includes(delegationId) &&
    decide(subject, 'accept-cosponsorship', { tier: 'delegation', owners: [delegationId] }).allowed
  );
}

/** Whether `subject` may withdraw the proposal: the head of its sponsor, while it is submitted and unpublished. */
export function mayWithdraw(subject: Subject, proposal: Proposal): boolean {
  return (
    proposal.status === 'submitted' &&
    !proposal.published &&
    decide(subject, 'withdraw-proposal', { tier: 'committee', owners: [proposal.sponsorDelegationId] }).allowed
  );
}

/**
 * What `subject` may do about supporting the proposal: declare their delegation's support (a submitted proposal
 * of another delegation), withdraw it, or nothing (not a head, or one of its sponsors).
 */
export function supportAction(subject: Subject, proposal: Proposal): 'support' | 'withdraw-support' | null {
  const owners = [proposal.sponsorDelegationId, ...proposal.coSponsorIds];
  const tier = proposal.published ? 'public' : 'committee';
  if (subject.delegationId === null || !decide(subject, 'support-proposal', { tier, owners }).allowed) return null;
  if (proposal.supporterIds.includes(subject.delegationId)) return 'withdraw-support';
  return proposal.status === 'submitted' ? 'support' : null;
}

/**
 * Why a delegation member sees no Support button on a submitted proposal, when that is the case: support is the
 * delegation's act, declared by its head as submitting and co-sponsoring are (`not-head`), and a sponsor does not
 * support its own proposal (`sponsor`). `null` for everyone else (the secretariat, observers, heads who may act).
 */
export function supportHint(subject: Subject, proposal: Proposal): 'not-head' | 'sponsor' | null {
  const delegationId = subject.delegationId;
  if (delegationId === null || proposal.status !== 'submitted') return null;
  if (supportAction(subject, proposal) !== null) return null;
  if (proposal.sponsorDelegationId === delegationId || proposal.coSponsorIds.includes(delegationId)) return 'sponsor';
  return subject.roles.includes('delegate') ? 'not-head' : null;
}

/** The delegations that may be invited to co-sponsor a space: Member States and groups not already owning or asked. */
export function invitable(space: DraftingSpace, delegations: readonly Delegation[]): readonly Delegation[] {
  const taken = new Set([space.ownerDelegationId, ...space.coSponsorIds, ...space.invitedCoSponsorIds]);
  return delegations.filter((delegation) => (delegation.kind === 'member-state' || delegation.kind === 'group') && !taken.has(delegation.id));
}
