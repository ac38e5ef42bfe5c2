/**
 * What clients send: the JSON bodies of the API's requests. The API's validated DTO classes implement these
 * (so a field renamed on one side fails the build on the other) and the web app sends them; the API describes
 * them in OpenAPI from the DTOs. Query strings and multipart forms are not here.
 */
import type { CommentTargetKind, StoredAnchor } from './comment-contract';
import type { MailDelivery, SessionView } from './committee-contract';
import type { ProposalDecision } from './desk-contract';
import type { Language } from './language';
import type { Localized } from './localized';
import type { DelegationKind, ProvisionStatus, Role, Tier } from './vocabulary';
import type { CommentPeriodTarget, CommentPublication, Disposition } from './written-comment-contract';

/** `POST /api/auth/login`. */
export interface LoginRequest {
  readonly email: string;
  readonly password: string;
}

/** `POST /api/auth/accept-invitation`: the token from the e-mail, and the password the invitee chooses. */
export interface AcceptInvitationRequest {
  readonly token: string;
  readonly password: string;
}

/** `POST /api/auth/invitations`. */
export interface InvitationRequest {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly delegationId?: string;
  readonly committeeId: string;
  /** Language of the invitation e-mail and of later e-mail to the invitee. */
  readonly language?: Language;
}

/** `PUT /api/auth/me/mail`. */
export interface MailSettingsRequest {
  readonly delivery: MailDelivery;
  readonly language: Language;
}

/** `POST /api/committees`. */
export interface CommitteeRequest {
  readonly name: string;
  readonly symbolPrefix: string;
  readonly description?: string;
}

/** `POST /api/committees/:id/sessions`: a session as the API shows it, without what the server assigns. */
export type SessionRequest = Omit<SessionView, 'id' | 'committeeId'>;

/** `POST /api/committees/:id/delegations`. */
export interface DelegationRequest {
  readonly code: string;
  readonly kind: DelegationKind;
  readonly names: Localized;
  readonly groupIds?: readonly string[];
}

/** The formats `POST /api/committees/:id/instruments/import` reads; `docx` comes as a multipart upload. */
export const IMPORT_FORMATS = ['text', 'markdown', 'docx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `POST /api/committees/:id/instruments/import` with a pasted text. */
export interface TextImportRequest {
  readonly titles: Localized;
  readonly originalLanguage: Language;
  readonly format?: ImportFormat;
  readonly content?: string;
}

/** `POST /api/instruments/:id/drafting-spaces`. */
export interface DraftingSpaceRequest {
  readonly title: string;
  readonly language: Language;
  /** Ids of articles of the base text; the whole text when omitted. */
  readonly provisionIds?: readonly string[];
}

/** `POST /api/drafting-spaces/:id/submit`: a head of delegation submits the space as a proposal. */
export interface ProposalSubmissionRequest {
  readonly justification: string;
  /** The session it is submitted for; the server picks the current or next one when omitted. */
  readonly sessionId?: string;
  /** An earlier proposal of the delegation that this one replaces. */
  readonly supersedesId?: string;
}

/** `POST /api/drafting-spaces/:id/co-sponsors`. */
export interface CoSponsorRequest {
  readonly delegationId: string;
}

/** `PUT /api/proposals/:id/decision`: for the whole proposal, one provision of it, or one change. */
export interface DecisionRequest {
  readonly language: Language;
  readonly decision: ProposalDecision;
  readonly provision?: string;
  readonly change?: string;
}

/** `POST /api/instruments/:id/compile`. */
export interface CompileRequest {
  readonly language: Language;
  readonly bracketIncorporated?: boolean;
}

/** `PUT /api/instruments/:id/provisions/:provision/status`; reopening agreed text needs a reason. */
export interface ProvisionStatusRequest {
  readonly language: Language;
  readonly status: ProvisionStatus;
  readonly reason?: string;
}

/** `POST /api/instruments/:id/revisions`. */
export interface RevisionRequest {
  /** Required for the first publication; later ones are numbered `/Rev.N` by the server. */
  readonly symbol?: string;
  readonly date?: string;
  readonly tier: 'committee' | 'public';
  readonly languages?: readonly Language[];
  readonly confirmStale?: boolean;
}

/** `POST /api/instruments/:id/languages` and `…/compilation/publish`. */
export interface LanguageRequest {
  readonly language: Language;
}

/** `POST /api/instruments/:id/languages/confirm`: translations checked against the original's current words. */
export interface ConfirmTranslationRequest {
  readonly nodeIds: readonly string[];
}

/** `POST /api/instruments/:id/languages/translate`: a node's runs of text in the language version. */
export interface TranslateProvisionRequest {
  readonly nodeId: string;
  readonly texts: readonly string[];
}

/** A range of a live document (two Yjs relative positions) and the text between them as the author selected it. */
export interface AnchorRequest extends StoredAnchor {
  readonly quote: string;
}

/** `POST /api/comments`: opens a thread on a live document, a proposal or a revision. */
export interface ThreadRequest {
  readonly targetKind: CommentTargetKind;
  readonly targetId: string;
  readonly provisionId?: string;
  readonly anchor?: AnchorRequest;
  readonly tier: Tier;
  readonly body: string;
}

/** A reply, or the new text of one's own comment. */
export interface CommentBodyRequest {
  readonly body: string;
}

/** `POST /api/comment-periods`. */
export interface CommentPeriodRequest {
  readonly targetKind: CommentPeriodTarget;
  readonly targetId: string;
  readonly title: string;
  readonly deadline: string;
  readonly publication: CommentPublication;
  readonly allowObservers: boolean;
}

/** `POST /api/comment-periods/:id/extend`. */
export interface DeadlineRequest {
  readonly deadline: string;
}

/** One remark of a written comment. */
export interface RemarkRequest {
  readonly provisionId?: string;
  readonly body: string;
  readonly proposedWording?: string;
}

/** `PUT /api/written-comments/:id`: the draft's new remarks. */
export interface WrittenCommentRequest {
  readonly language: Language;
  readonly remarks: readonly RemarkRequest[];
}

/** `POST /api/comment-periods/:id/written-comments`: a new draft, possibly replacing a submitted one. */
export interface NewWrittenCommentRequest extends WrittenCommentRequest {
  readonly supersedesId?: string;
}

/** `POST /api/written-remarks/:id/dispositions`: the secretariat's answer to a remark. */
export interface DispositionRequest {
  readonly disposition: Disposition;
  readonly response: string;
  readonly addressedRevisionId?: string;
  readonly addressedProvisionId?: string;
}
