import type { Tier } from '@concord/domain';
import { request } from '../api';

/** What a thread can be attached to. */
export type CommentTargetKind = 'document' | 'proposal' | 'revision';

/** A target of comments: a live document (`consolidated:<instrument>:<language>`, `space:<id>`), a proposal or a revision. */
export interface CommentTarget {
  readonly kind: CommentTargetKind;
  readonly id: string;
}

/** One comment as the API shows it. Its body is plain text, stored as written: it is only ever rendered as text. */
export interface CommentView {
  readonly id: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly authorName: string | null;
  readonly authorDelegationId: string | null;
  readonly body: string;
  /** Bidirectional controls and invisible characters found in the body, one English line each. */
  readonly textWarnings: readonly string[];
  readonly createdAt: string;
  readonly editedAt: string | null;
}

/** The range of a live document a thread is about: two Yjs relative positions, base64. */
export interface StoredAnchor {
  readonly start: string;
  readonly end: string;
}

/** A thread: its opening comment, its replies, and where its anchor lies now (as the server last saw it). */
export interface ThreadView {
  readonly id: string;
  readonly targetKind: CommentTargetKind;
  readonly targetId: string;
  readonly provisionId: string | null;
  readonly tier: Tier;
  readonly anchor: StoredAnchor | null;
  /** The text the anchor covered when the thread was opened. */
  readonly quote: string | null;
  /** True when the anchored text had been deleted when the server answered. */
  readonly orphaned: boolean;
  readonly anchoredText: string | null;
  readonly resolved: boolean;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly comment: CommentView;
  readonly replies: readonly CommentView[];
}

/** A new anchor: the range and the text it covers as the author saw it selected. */
export interface NewAnchor extends StoredAnchor {
  readonly quote: string;
}

/** A thread to open. */
export interface NewThread {
  readonly target: CommentTarget;
  readonly tier: Tier;
  readonly body: string;
  readonly anchor?: NewAnchor;
}

function targetQuery(target: CommentTarget): string {
  return new URLSearchParams({ targetKind: target.kind, targetId: target.id }).toString();
}

const segment = encodeURIComponent;

/** The comment endpoints of the API. */
export const commentsApi = {
  threads: async (target: CommentTarget) =>
    (await request<{ readonly items: readonly ThreadView[] }>('GET', `/api/comments?${targetQuery(target)}`)).items,
  create: (thread: NewThread) =>
    request<ThreadView>('POST', '/api/comments', {
      targetKind: thread.target.kind,
      targetId: thread.target.id,
      tier: thread.tier,
      body: thread.body,
      ...(thread.anchor === undefined ? {} : { anchor: thread.anchor }),
    }),
  reply: (commentId: string, body: string) =>
    request<CommentView>('POST', `/api/comments/${segment(commentId)}/replies`, { body }),
  edit: (commentId: string, body: string) => request<CommentView>('PATCH', `/api/comments/${segment(commentId)}`, { body }),
  resolve: (commentId: string) => request<ThreadView>('POST', `/api/comments/${segment(commentId)}/resolve`),
  reopen: (commentId: string) => request<ThreadView>('POST', `/api/comments/${segment(commentId)}/reopen`),
};

/** The Server-Sent Events stream of a target's comments (the session cookie authenticates it). */
export function commentStreamUrl(target: CommentTarget): string {
  return `/api/comments/stream?${targetQuery(target)}`;
}
