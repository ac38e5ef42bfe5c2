import { decide, type Decision, type Resource, type Subject, type Tier } from '@concord/domain';

/** What a thread can be attached to, and its kind (defined with the comment contract in @concord/domain). */
export { COMMENT_TARGET_KINDS as TARGET_KINDS, type CommentTargetKind as TargetKind } from '@concord/domain';

/** Who is asking, as the comment rules see them. */
export interface Viewer {
  readonly subject: Subject;
  readonly committeeId: string;
}

/** A comment's target, as the comment rules see it. */
export interface TargetAccess {
  readonly committeeId: string;
  /** The target itself as the access policy sees it. */
  readonly resource: Resource;
  /** The tiers a thread on this target may have: never wider than the target (nothing unpublished is public). */
  readonly tiers: readonly Tier[];
}

/** A thread, as the comment rules see it; replies share their thread's visibility. */
export interface ThreadAccess {
  readonly tier: Tier;
  readonly committeeId: string;
  readonly authorId: string;
  readonly authorDelegationId: string | null;
}

const ALLOW: Decision = Object.freeze({ allowed: true });

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

function inCommittee(viewer: Viewer, committeeId: string): boolean {
  return viewer.committeeId === committeeId || viewer.subject.roles.includes('admin');
}

/** A thread as a record of the policy: a delegation-tier thread belongs to its author's delegation alone. */
export function threadResource(thread: Pick<ThreadAccess, 'tier' | 'authorDelegationId'>): Resource {
  return { tier: thread.tier, owners: thread.authorDelegationId ? [thread.authorDelegationId] : [] };
}

/** Whether the viewer may read the target; records below the public tier are their own committee's only. */
export function readTarget(viewer: Viewer, target: TargetAccess): Decision {
  if (target.resource.tier !== 'public' && !inCommittee(viewer, target.committeeId)) {
    return deny('This belongs to another committee.');
  }
  return decide(viewer.subject, 'read', target.resource);
}

/**
 * Whether the viewer sees a thread: it must read the target and the thread's tier. A delegation-tier thread is
 * seen by the members of its author's delegation only, not even by the secretariat.
 */
export function canSeeThread(viewer: Viewer, target: TargetAccess, thread: ThreadAccess): boolean {
  if (!readTarget(viewer, target).allowed) return false;
  if (thread.tier !== 'public' && !inCommittee(viewer, thread.committeeId)) return false;
  return decide(viewer.subject, 'read', threadResource(thread)).allowed;
}

/**
 * Whether the viewer may write in a thread of the given tier: open one (the author's own delegation owns a
 * delegation-tier thread) or reply to one. The target's readability and allowed tiers are checked before.
 */
export function decideComment(viewer: Viewer, thread: Pick<ThreadAccess, 'tier' | 'committeeId' | 'authorDelegationId'>): Decision {
  if (thread.tier !== 'public' && !inCommittee(viewer, thread.committeeId)) {
    return deny('This belongs to another committee.');
  }
  return decide(viewer.subject, 'comment', threadResource(thread));
}

/** The thread a viewer would open with the given tier: its own delegation owns it. */
export function newThreadAccess(viewer: Viewer, target: TargetAccess, tier: Tier): ThreadAccess {
  return { tier, committeeId: target.committeeId, authorId: viewer.subject.userId, authorDelegationId: viewer.subject.delegationId };
}

/**
 * Who resolves and reopens a thread (which the viewer already sees): its author, the members of the author's
 * delegation, and the secretariat of the committee on threads the committee sees (committee and public tiers).
 */
export function decideResolve(viewer: Viewer, thread: ThreadAccess): Decision {
  const { subject } = viewer;
  if (subject.userId === thread.authorId) return ALLOW;
  if (subject.delegationId !== null && subject.delegationId === thread.authorDelegationId) return ALLOW;
  if (thread.tier !== 'delegation' && subject.roles.includes('secretariat') && viewer.committeeId === thread.committeeId) return ALLOW;
  return deny("Only the thread's author, its delegation or the secretariat may resolve or reopen it.");
}

/** Only its author edits a comment. */
export function decideEdit(viewer: Viewer, comment: { readonly authorId: string }): Decision {
  return viewer.subject.userId === comment.authorId ? ALLOW : deny('Only its author may edit a comment.');
}
