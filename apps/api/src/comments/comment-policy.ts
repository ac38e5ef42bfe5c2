import { decide, type Decision, type Resource, type Subject, type Tier } from '@concord/domain';

/** What a thread can be attached to, and its kind (defined with the comment contract in @concord/domain). */
export { COMMENT_TARGET_KINDS as TARGET_KINDS, type CommentTargetKind as TargetKind } from '@concord/domain';

/** Who is asking, as the comment rules see them: a signed-in subject, or `null` for an anonymous reader. */
export interface Viewer {
  readonly subject: Subject | null;
}

/** A signed-in viewer: only they write comments. */
export interface Writer extends Viewer {
  readonly subject: Subject;
}

/** A comment's target, as the comment rules see it. */
export interface TargetAccess {
  readonly committeeId: string;
  /** The target itself as the access policy sees it (its committee is `committeeId`). */
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

/**
 * A thread as a record of the policy: a record of its committee; a delegation-tier thread belongs to its author's
 * delegation alone.
 */
export function threadResource(thread: Pick<ThreadAccess, 'tier' | 'authorDelegationId' | 'committeeId'>): Resource {
  return { tier: thread.tier, owners: thread.authorDelegationId ? [thread.authorDelegationId] : [], committeeId: thread.committeeId };
}

/** Whether the viewer may read the target; records below the public tier are their own committee's only. */
export function readTarget(viewer: Viewer, target: TargetAccess): Decision {
  return decide(viewer.subject, 'read', { ...target.resource, committeeId: target.committeeId });
}

/**
 * Whether the viewer sees a thread: it must read the target and the thread's tier. A delegation-tier thread is
 * seen by the members of its author's delegation only, not even by the secretariat; a public one by everyone.
 */
export function canSeeThread(viewer: Viewer, target: TargetAccess, thread: ThreadAccess): boolean {
  if (!readTarget(viewer, target).allowed) return false;
  return decide(viewer.subject, 'read', threadResource(thread)).allowed;
}

/**
 * Whether the viewer may write in a thread of the given tier: open one (the author's own delegation owns a
 * delegation-tier thread) or reply to one. The target's readability and allowed tiers are checked before.
 */
export function decideComment(viewer: Writer, thread: Pick<ThreadAccess, 'tier' | 'committeeId' | 'authorDelegationId'>): Decision {
  // An observer organization owns its written comments while drafting them (a delegation-tier record), but
  // discussion threads kept to one delegation are for the members of a delegation.
  if (thread.tier === 'delegation' && !viewer.subject.roles.some((role) => role === 'delegate' || role === 'head-of-delegation')) {
    return deny('Only members of a delegation may write in a thread kept to their delegation.');
  }
  return decide(viewer.subject, 'comment', threadResource(thread));
}

/** The thread a viewer would open with the given tier: its own delegation owns it. */
export function newThreadAccess(viewer: Writer, target: TargetAccess, tier: Tier): ThreadAccess {
  return { tier, committeeId: target.committeeId, authorId: viewer.subject.userId, authorDelegationId: viewer.subject.delegationId };
}

/**
 * Who resolves and reopens a thread (which the viewer already sees): its author, the members of the author's
 * delegation, and the secretariat of the committee on threads the committee sees (committee and public tiers).
 */
export function decideResolve(viewer: Writer, thread: ThreadAccess): Decision {
  const { subject } = viewer;
  if (subject.userId === thread.authorId) return ALLOW;
  if (subject.delegationId !== null && subject.delegationId === thread.authorDelegationId) return ALLOW;
  if (thread.tier !== 'delegation' && subject.roles.includes('secretariat') && subject.committeeId === thread.committeeId) return ALLOW;
  return deny("Only the thread's author, its delegation or the secretariat may resolve or reopen it.");
}

/** Only its author edits a comment. */
export function decideEdit(viewer: Writer, comment: { readonly authorId: string }): Decision {
  return viewer.subject.userId === comment.authorId ? ALLOW : deny('Only its author may edit a comment.');
}
