import type { CommentView, ThreadView } from './comments-api';

/** The events of the comment stream that change threads (the stream also sends `ready`). */
export const COMMENT_EVENT_TYPES = [
  'thread-created',
  'reply-added',
  'comment-edited',
  'thread-resolved',
  'thread-reopened',
] as const;

/** A change to a target's threads, from the live stream or from this page's own requests. */
export type CommentEvent =
  | { readonly type: 'thread-created' | 'thread-resolved' | 'thread-reopened'; readonly thread: ThreadView }
  | { readonly type: 'reply-added' | 'comment-edited'; readonly threadId: string; readonly comment: CommentView };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isComment(value: unknown): value is CommentView {
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['body'] === 'string';
}

function isThread(value: unknown): value is ThreadView {
  return isRecord(value) && typeof value['id'] === 'string' && isComment(value['comment']) && Array.isArray(value['replies']);
}

/** Reads one event of the stream (its type and JSON data); `null` for an event this page does not use or cannot read. */
export function parseCommentEvent(type: string, data: string): CommentEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data) as unknown;
  } catch {
    return null;
  }
  switch (type) {
    case 'thread-created':
    case 'thread-resolved':
    case 'thread-reopened':
      return isThread(parsed) ? { type, thread: parsed } : null;
    case 'reply-added':
    case 'comment-edited':
      return isRecord(parsed) && typeof parsed['threadId'] === 'string' && isComment(parsed['comment'])
        ? { type, threadId: parsed['threadId'], comment: parsed['comment'] }
        : null;
    default:
      return null;
  }
}

/** Puts `thread` in the list in place of the thread with its id, or at the end. */
export function upsertThread(threads: readonly ThreadView[], thread: ThreadView): readonly ThreadView[] {
  const index = threads.findIndex((candidate) => candidate.id === thread.id);
  if (index < 0) return [...threads, thread];
  return threads.map((candidate, at) => (at === index ? thread : candidate));
}

function withComment(thread: ThreadView, comment: CommentView, addIfMissing: boolean): ThreadView {
  if (thread.comment.id === comment.id) return { ...thread, comment };
  const index = thread.replies.findIndex((reply) => reply.id === comment.id);
  if (index >= 0) return { ...thread, replies: thread.replies.map((reply, at) => (at === index ? comment : reply)) };
  return addIfMissing ? { ...thread, replies: [...thread.replies, comment] } : thread;
}

/**
 * The threads after an event. Applying an event twice changes nothing more, so the page may apply both the answer
 * to its own request and the event the stream sends about it, and replay events received while a list loaded.
 */
export function applyCommentEvent(threads: readonly ThreadView[], event: CommentEvent): readonly ThreadView[] {
  switch (event.type) {
    case 'thread-created':
      // A copy already here is at least as new as the thread at its creation (it may have replies since).
      return threads.some((thread) => thread.id === event.thread.id) ? threads : [...threads, event.thread];
    case 'thread-resolved':
    case 'thread-reopened':
      return upsertThread(threads, event.thread);
    case 'reply-added':
    case 'comment-edited':
      return threads.map((thread) =>
        thread.id === event.threadId ? withComment(thread, event.comment, event.type === 'reply-added') : thread,
      );
  }
}
