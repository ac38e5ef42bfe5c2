import { type CommentView, describeSuspiciousCharacters, type ThreadView, type Tier } from '@concord/domain';
import type { AnchorResolution } from './comment-anchor';
import type { Comment } from './comment.entity';
import type { TargetKind, ThreadAccess } from './comment-policy';

export type { CommentView, ThreadView } from '@concord/domain';

/** A thread's rows: its opening comment and its replies, oldest first. */
export interface ThreadRows {
  readonly first: Comment;
  readonly replies: readonly Comment[];
}

/** The visibility facts of a thread, from its opening comment. */
export function threadAccess(first: Comment): ThreadAccess {
  return { tier: first.tier as Tier, committeeId: first.committeeId, authorId: first.authorId, authorDelegationId: first.authorDelegationId };
}

/** Groups comments (oldest first) into threads; a reply whose opening comment is missing is left out. */
export function groupThreads(rows: readonly Comment[]): ThreadRows[] {
  const threads = new Map<string, { first: Comment | null; replies: Comment[] }>();
  for (const row of rows) {
    const thread = threads.get(row.threadId) ?? { first: null, replies: [] };
    if (row.id === row.threadId) thread.first = row;
    else thread.replies.push(row);
    threads.set(row.threadId, thread);
  }
  return [...threads.values()].flatMap((t) => (t.first ? [{ first: t.first, replies: t.replies }] : []));
}

export function commentView(comment: Comment, names: ReadonlyMap<string, string>): CommentView {
  return {
    id: comment.id,
    threadId: comment.threadId,
    authorId: comment.authorId,
    authorName: names.get(comment.authorId) ?? null,
    authorDelegationId: comment.authorDelegationId,
    body: comment.body,
    textWarnings: describeSuspiciousCharacters(comment.body),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt ? comment.editedAt.toISOString() : null,
  };
}

/** A thread's view; `resolution` is where its anchor lies now (null for threads not anchored in a document). */
export function threadView(thread: ThreadRows, names: ReadonlyMap<string, string>, resolution: AnchorResolution | null): ThreadView {
  const { first } = thread;
  const anchor = first.anchorStart !== null && first.anchorEnd !== null ? { start: first.anchorStart, end: first.anchorEnd } : null;
  return {
    id: first.id,
    targetKind: first.targetKind as TargetKind,
    targetId: first.targetId,
    provisionId: first.provisionId,
    tier: first.tier as Tier,
    anchor,
    quote: first.quote,
    orphaned: anchor !== null && (resolution === null || resolution.orphaned),
    anchoredText: anchor !== null && resolution !== null && !resolution.orphaned ? resolution.text : null,
    ...(resolution !== null && !resolution.orphaned && resolution.article ? { article: resolution.article } : {}),
    resolved: first.resolvedAt !== null,
    resolvedAt: first.resolvedAt ? first.resolvedAt.toISOString() : null,
    resolvedBy: first.resolvedBy,
    comment: commentView(first, names),
    replies: thread.replies.map((reply) => commentView(reply, names)),
  };
}

/** What connected clients are told, as the SSE event's type. */
export type CommentEventType = 'thread-created' | 'reply-added' | 'comment-edited' | 'thread-resolved' | 'thread-reopened';

/** A change to a target's comments, delivered live to each client that may see the thread. */
export interface CommentEvent {
  readonly type: CommentEventType;
  readonly targetKind: TargetKind;
  readonly targetId: string;
  /** Decides who receives it: the same rule as for reading the thread. */
  readonly thread: ThreadAccess;
  /** The thread (created, resolved, reopened) or the comment (reply added, comment edited). */
  readonly data: ThreadView | { readonly threadId: string; readonly comment: CommentView };
}
