import { decide, type Resource, type Subject, type Tier } from '@concord/domain';
import type { CommentPeriod } from './comment-period.entity';
import type { WrittenComment } from './written-comment.entity';

/*
 * Who sees what of a comment period, by the access policy:
 * - the period is a record of the tier of the text it is about;
 * - a written comment is a delegation-tier record of its commenter while drafted, a committee record once submitted
 *   and a record of the period's tier once published; its commenter always reads it (an observer organization
 *   thereby sees its own submission before publication, and nobody else's);
 * - a disposition is read by the commenter at once, by the secretariat (who records it), and by every reader of
 *   the comment once the secretariat has published the dispositions.
 */

/** Someone reading: a signed-in subject, or null for an anonymous visitor. */
export type ReaderSubject = Subject | null;

export function periodResource(period: Pick<CommentPeriod, 'tier' | 'committeeId'>): Resource {
  return { tier: period.tier as Tier, committeeId: period.committeeId };
}

/** The comment as a record of its commenter: the tier on which drafting and submitting are judged. */
export function ownResource(committeeId: string, delegationId: string): Resource {
  return { tier: 'delegation', owners: [delegationId], committeeId };
}

/** The tier a written comment has now. */
export function commentTier(comment: Pick<WrittenComment, 'status' | 'publishedAt'>, period: Pick<CommentPeriod, 'tier'>): Tier {
  if (comment.status === 'draft') return 'delegation';
  return comment.publishedAt ? (period.tier as Tier) : 'committee';
}

export function commentResource(comment: Pick<WrittenComment, 'status' | 'publishedAt' | 'committeeId' | 'delegationId'>, period: Pick<CommentPeriod, 'tier'>): Resource {
  return { tier: commentTier(comment, period), owners: [comment.delegationId], committeeId: comment.committeeId };
}

/** Whether the reader is of the commenting delegation or organization (confirmed members only). */
export function isCommenter(subject: ReaderSubject, comment: Pick<WrittenComment, 'committeeId' | 'delegationId'>): boolean {
  return decide(subject, 'read', ownResource(comment.committeeId, comment.delegationId)).allowed;
}

export function canReadComment(subject: ReaderSubject, comment: WrittenComment, period: CommentPeriod): boolean {
  return isCommenter(subject, comment) || (comment.status !== 'draft' && decide(subject, 'read', commentResource(comment, period)).allowed);
}

export function canSeeDispositions(subject: ReaderSubject, comment: WrittenComment, period: CommentPeriod): boolean {
  if (comment.status === 'draft') return false;
  if (isCommenter(subject, comment)) return true;
  if (decide(subject, 'record-disposition', commentResource(comment, period)).allowed) return true;
  return period.dispositionsPublishedAt !== null && canReadComment(subject, comment, period);
}
