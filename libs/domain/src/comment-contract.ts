import type { Tier } from './vocabulary';

/*
 * Comments as the API sends them and the web app reads them: one definition for both sides.
 */

/** What a thread can be attached to: a live document, a proposal or a published revision. */
export const COMMENT_TARGET_KINDS = ['document', 'proposal', 'revision'] as const;

/** The kind of a comment's target. */
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

/** The range of a live document a thread is about: two Yjs relative positions, base64. */
export interface StoredAnchor {
  readonly start: string;
  readonly end: string;
}

/** A comment. Its body is plain text, stored as written: clients render it as text, never as HTML. */
export interface CommentView {
  readonly id: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly authorName: string | null;
  readonly authorDelegationId: string | null;
  readonly body: string;
  /** Bidirectional controls and invisible characters found in the body, one English line each, for the reader. */
  readonly textWarnings: readonly string[];
  readonly createdAt: string;
  readonly editedAt: string | null;
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
  /** True when the anchored text has been deleted: the thread is shown with its quote only. */
  readonly orphaned: boolean;
  /** The text the anchor covers now; null when orphaned or not anchored in a document. */
  readonly anchoredText: string | null;
  /**
   * The article of a consolidated draft the anchor lies in now, with its current number ("Article 4" after a
   * renumbering of what was "Article 2 ter"); absent when not anchored in a consolidated draft.
   */
  readonly article?: { readonly id: string; readonly label: string };
  readonly resolved: boolean;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly comment: CommentView;
  readonly replies: readonly CommentView[];
}
