import type {
  CommentPeriodRequest,
  CommentPeriodView,
  CommentsMatrixEntry,
  DeadlineRequest,
  Disposition,
  DispositionRequest,
  FollowedRemarkView,
  InboxView,
  ItemList,
  Language,
  NewWrittenCommentRequest,
  RemarkRequest,
  RevisionSummary,
  UnreadCountView,
  WrittenCommentRequest,
  WrittenCommentView,
} from '@concord/domain';
import { request } from '../api';

const segment = encodeURIComponent;

/** A remark as the drafting form sends it. */
export type RemarkInput = RemarkRequest;

/** A call for comments on a revision, the only target the web app opens one on. */
export interface NewCommentPeriod extends CommentPeriodRequest {
  readonly targetKind: 'revision';
}

export interface MatrixFilter {
  readonly commenter?: string;
  readonly provision?: string;
  readonly disposition?: Disposition | 'none';
}

function query(filter: Readonly<Record<string, string | undefined>>): string {
  const pairs = Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${segment(v)}`).join('&')}`;
}

/** The address of a download of a period's matrix or compilation (signed in, or public). */
export function periodDownloadUrl(periodId: string, what: 'matrix' | 'compilation', format: 'csv' | 'xlsx' | 'html' | 'docx', language: Language, isPublic = false): string {
  return `/api/${isPublic ? 'public/' : ''}comment-periods/${segment(periodId)}/${what}?format=${format}&lang=${language}`;
}

/** The endpoints of calls for comments, written comments, dispositions and the inbox. */
export const commentPeriodsApi = {
  periods: async (instrumentId?: string) => (await request<ItemList<CommentPeriodView>>('GET', `/api/comment-periods${query({ instrumentId })}`)).items,
  period: (id: string) => request<CommentPeriodView>('GET', `/api/comment-periods/${segment(id)}`),
  open: (period: NewCommentPeriod) => request<CommentPeriodView>('POST', '/api/comment-periods', period),
  extend: (id: string, deadline: string) => request<CommentPeriodView>('POST', `/api/comment-periods/${segment(id)}/extend`, { deadline } satisfies DeadlineRequest),
  close: (id: string) => request<CommentPeriodView>('POST', `/api/comment-periods/${segment(id)}/close`),
  publish: (id: string) => request<CommentPeriodView>('POST', `/api/comment-periods/${segment(id)}/publish`),
  comments: async (periodId: string) => (await request<ItemList<WrittenCommentView>>('GET', `/api/comment-periods/${segment(periodId)}/written-comments`)).items,
  draft: (periodId: string, language: Language, remarks: readonly RemarkInput[], supersedesId?: string) =>
    request<WrittenCommentView>('POST', `/api/comment-periods/${segment(periodId)}/written-comments`, { language, remarks, supersedesId } satisfies NewWrittenCommentRequest),
  update: (id: string, language: Language, remarks: readonly RemarkInput[]) => request<WrittenCommentView>('PUT', `/api/written-comments/${segment(id)}`, { language, remarks } satisfies WrittenCommentRequest),
  submit: (id: string) => request<WrittenCommentView>('POST', `/api/written-comments/${segment(id)}/submit`),
  discard: (id: string) => request<void>('DELETE', `/api/written-comments/${segment(id)}`),
  matrix: async (periodId: string, language: Language, filter: MatrixFilter) =>
    (await request<ItemList<CommentsMatrixEntry>>('GET', `/api/comment-periods/${segment(periodId)}/matrix${query({ lang: language, ...filter })}`)).items,
  dispose: (remarkId: string, disposition: Disposition, response: string) =>
    request<WrittenCommentView>('POST', `/api/written-remarks/${segment(remarkId)}/dispositions`, { disposition, response } satisfies DispositionRequest),
  revisions: async (instrumentId: string) => (await request<ItemList<RevisionSummary>>('GET', `/api/instruments/${segment(instrumentId)}/revisions`)).items,
  followed: async (revisionId: string, language: Language, isPublic: boolean) =>
    (await request<ItemList<FollowedRemarkView>>('GET', `/api/${isPublic ? 'public/' : ''}revisions/${segment(revisionId)}/written-comments?lang=${language}`)).items,
  inbox: () => request<InboxView>('GET', '/api/inbox'),
  markRead: (id: string) => request<UnreadCountView>('POST', `/api/inbox/${segment(id)}/read`),
  markAllRead: () => request<UnreadCountView>('POST', '/api/inbox/read-all'),
};

/** The inbox's live stream. */
export const INBOX_STREAM_URL = '/api/inbox/stream';
