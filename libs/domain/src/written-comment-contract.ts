import { isMemberOf } from './constant-list';
import type { Language } from './language';
import type { Tier } from './vocabulary';

/*
 * Comment periods and written comments as the API sends them and the web app reads them: one definition for both.
 */

/** What a call for comments is about: a published revision or a published compilation of proposals. */
export const COMMENT_PERIOD_TARGETS = ['revision', 'compilation'] as const;
export type CommentPeriodTarget = (typeof COMMENT_PERIOD_TARGETS)[number];

/** Whether written comments are published as they arrive or when the secretariat publishes them after the close. */
export const COMMENT_PUBLICATION = ['on-arrival', 'at-close'] as const;
export type CommentPublication = (typeof COMMENT_PUBLICATION)[number];

/** The secretariat's answer to a remark, as in ISO's commenting template and W3C's disposition of comments. */
export const DISPOSITIONS = ['accepted', 'accepted-in-part', 'not-accepted', 'noted', 'to-be-discussed'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** A written comment's life: drafted privately, submitted (immutable), superseded by a revised one. */
export const WRITTEN_COMMENT_STATUSES = ['draft', 'submitted', 'superseded'] as const;
export type WrittenCommentStatus = (typeof WRITTEN_COMMENT_STATUSES)[number];

/** Kinds of what waits in a user's inbox. */
export const INBOX_KINDS = [
  'co-sponsor-invitation',
  'comment-period-opened',
  'comment-period-closing',
  'thread-reply',
  'comment-disposition',
  'proposal-decision',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export function isDisposition(value: unknown): value is Disposition {
  return isMemberOf(DISPOSITIONS, value);
}

/** A call for written comments. */
export interface CommentPeriodView {
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  readonly targetKind: CommentPeriodTarget;
  readonly targetId: string;
  /** The symbol of the revision, or a label of the compilation. */
  readonly targetLabel: string;
  readonly title: string;
  readonly tier: Tier;
  readonly deadline: string;
  readonly publication: CommentPublication;
  readonly allowObservers: boolean;
  /** open until the deadline, then past-deadline (late submissions still accepted, flagged), closed once closed. */
  readonly state: 'open' | 'past-deadline' | 'closed';
  readonly closedAt: string | null;
  readonly publishedAt: string | null;
  readonly openedAt: string;
  readonly history: readonly { readonly action: string; readonly at: string; readonly by: string | null; readonly deadline: string | null }[];
}

/** One recorded disposition of a remark; the latest is the current one, the earlier ones its history. */
export interface DispositionView {
  readonly id: string;
  readonly disposition: Disposition;
  readonly response: string;
  readonly addressedRevisionId: string | null;
  readonly addressedRevisionSymbol: string | null;
  readonly addressedProvisionId: string | null;
  /** That provision's number in that revision ("Article 6 (2)"). */
  readonly addressedProvisionLabel: string | null;
  readonly recordedBy: string | null;
  readonly recordedAt: string;
}

/** A remark of a written comment: general (no provision) or on one provision, by its stable id. */
export interface RemarkView {
  readonly id: string;
  /** The remark's number in the period, such as "3.2" (comment 3, remark 2); empty while drafted. */
  readonly number: string;
  readonly provisionId: string | null;
  /** The provision's number where the comment was filed ("Article 5, paragraph 2"), when known. */
  readonly provisionLabel: string | null;
  readonly body: string;
  readonly proposedWording: string | null;
  /** Current disposition, when the reader may see it. */
  readonly disposition: DispositionView | null;
  /** Every disposition recorded, oldest first (visible to the same readers as the current one). */
  readonly dispositionHistory: readonly DispositionView[];
}

/** A written comment of a delegation or observer organization. */
export interface WrittenCommentView {
  readonly id: string;
  readonly periodId: string;
  readonly number: number | null;
  readonly delegationId: string;
  readonly delegationCode: string;
  readonly delegationName: string;
  readonly commenterKind: string;
  readonly status: WrittenCommentStatus;
  readonly language: Language;
  readonly tier: Tier;
  readonly late: boolean;
  readonly supersedesId: string | null;
  readonly supersededById: string | null;
  readonly submittedAt: string | null;
  readonly publishedAt: string | null;
  readonly remarks: readonly RemarkView[];
  readonly textWarnings: readonly string[];
}

/** A remark shown on a revision: where its provision is now, and whether it changed or went since the comment. */
export interface FollowedRemarkView {
  readonly remark: RemarkView;
  readonly comment: Pick<WrittenCommentView, 'id' | 'number' | 'delegationCode' | 'delegationName' | 'language' | 'late'>;
  /** The revision the comment was made on. */
  readonly revisionId: string;
  readonly revisionSymbol: string;
  /** The provision's number in the revision being read, null when it was deleted. */
  readonly currentLabel: string | null;
  readonly textChanged: boolean;
  readonly deleted: boolean;
  readonly moved: boolean;
}

/** One item of a user's inbox. */
export interface InboxItemView {
  readonly id: string;
  readonly kind: InboxKind;
  /** Where the item leads in the web app. */
  readonly link: string;
  /** Short facts to show (a proposal's title, a period's title, a delegation's code, a disposition). */
  readonly facts: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** One row of the comments matrix as the API sends it to the web app. */
export interface CommentsMatrixEntry {
  readonly remarkId: string;
  readonly commentId: string;
  readonly number: string;
  readonly provisionId: string | null;
  readonly provisionLabel: string;
  readonly delegationId: string;
  readonly commenter: string;
  readonly language: Language;
  readonly late: boolean;
  readonly comment: string;
  readonly proposedWording: string | null;
  readonly disposition: DispositionView | null;
  readonly dispositionHistory: readonly DispositionView[];
}
