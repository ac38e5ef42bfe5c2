import { decide, parseDocumentName, type Subject, type Tier } from '@concord/domain';
import type { CommentView, ThreadView } from './comments-api';

/**
 * The tiers a thread may have on a live document, as the server allows them: a drafting space is its delegations'
 * alone; a consolidated draft is committee business, never public before it is published.
 */
export function documentTiers(document: string): readonly Tier[] {
  return parseDocumentName(document)?.kind === 'space' ? ['delegation'] : ['delegation', 'committee'];
}

/** A delegation-tier thread belongs to its author's delegation; the policy sees a thread that way. */
function threadResource(tier: Tier, delegationId: string | null) {
  return { tier, owners: delegationId === null ? [] : [delegationId] };
}

/**
 * The tiers among `tiers` in which `subject` may open a thread: a user outside any delegation (the secretariat, the
 * chair) has no delegation tier to write in.
 */
export function tiersFor(subject: Subject, tiers: readonly Tier[]): readonly Tier[] {
  return tiers.filter((tier) => decide(subject, 'comment', threadResource(tier, subject.delegationId)).allowed);
}

/** Whether `subject` may reply in a thread (which it already sees). */
export function mayReply(subject: Subject, thread: ThreadView): boolean {
  return decide(subject, 'comment', threadResource(thread.tier, thread.comment.authorDelegationId)).allowed;
}

/** Only its author edits a comment. */
export function mayEdit(subject: Subject, comment: CommentView): boolean {
  return comment.authorId === subject.userId;
}

/**
 * Who resolves and reopens a thread, as the server decides: its author, the members of the author's delegation,
 * and the secretariat on threads the committee sees.
 */
export function mayResolve(subject: Subject, thread: ThreadView): boolean {
  if (subject.userId === thread.comment.authorId) return true;
  if (subject.delegationId !== null && subject.delegationId === thread.comment.authorDelegationId) return true;
  return thread.tier !== 'delegation' && subject.roles.includes('secretariat');
}
