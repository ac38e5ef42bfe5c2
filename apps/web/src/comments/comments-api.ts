import type { AnchorRequest, CommentBodyRequest, CommentTargetKind, CommentView, ThreadRequest, ThreadView, Tier } from '@concord/domain';
import { request } from '../api';

export type { CommentTargetKind, CommentView, StoredAnchor, ThreadView } from '@concord/domain';

/** A target of comments: a live document (`consolidated:<instrument>:<language>`, `space:<id>`), a proposal or a revision. */
export interface CommentTarget {
  readonly kind: CommentTargetKind;
  readonly id: string;
}

/** A new anchor: the range and the text it covers as the author saw it selected. */
export type NewAnchor = AnchorRequest;

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
    } satisfies ThreadRequest),
  reply: (commentId: string, body: string) =>
    request<CommentView>('POST', `/api/comments/${segment(commentId)}/replies`, { body } satisfies CommentBodyRequest),
  edit: (commentId: string, body: string) => request<CommentView>('PATCH', `/api/comments/${segment(commentId)}`, { body } satisfies CommentBodyRequest),
  resolve: (commentId: string) => request<ThreadView>('POST', `/api/comments/${segment(commentId)}/resolve`),
  reopen: (commentId: string) => request<ThreadView>('POST', `/api/comments/${segment(commentId)}/reopen`),
};

/** The Server-Sent Events stream of a target's comments (the session cookie authenticates it). */
export function commentStreamUrl(target: CommentTarget): string {
  return `/api/comments/stream?${targetQuery(target)}`;
}
