/**
 * The vocabulary and rules of Concord shared by server and browser: languages, roles, tiers, statuses, the
 * access policy and document symbols. Pure TypeScript, no I/O.
 */
export { ACTIONS, isAction } from './action';
export type { Action } from './action';
export {
  consolidatedDocument,
  formatDocumentName,
  isConsolidatedDocument,
  parseDocumentName,
  parseProvisionRef,
  provisionRef,
  spaceDocument,
} from './document-name';
export type { DocumentName } from './document-name';
export { EARLIEST_DAY, LATEST_DAY, plausibleDay } from './calendar';
export { SymbolError, formatSymbol, nextRevisionSymbol, parseSymbol } from './document-symbol';
export type { DocumentSymbol } from './document-symbol';
export { LANGUAGES, LANGUAGE_NAMES, isLanguage, isRightToLeft } from './language';
export type { Language } from './language';
export { pickLocalized } from './localized';
export type { Localized } from './localized';
export { COMMENT_TARGET_KINDS } from './comment-contract';
export type { CommentTargetKind, CommentView, StoredAnchor, ThreadView } from './comment-contract';
export { can, decide } from './policy';
export type { RevisionSummary, RevisionText, RevisionVerification, RevisionVerificationState, SignedRevisionBundle } from './revision-contract';
export { seededRandom } from './seeded-random';
export type { Decision, Resource, Subject } from './policy';
export {
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  TERMINAL_PROPOSAL_STATUSES,
  canTransition,
  isProposalStatus,
} from './proposal-status';
export type { HistoryActor, ProposalStatus } from './proposal-status';
export {
  DELEGATION_KINDS,
  PROVISION_STATUSES,
  ROLES,
  isAgreedStatus,
  TIERS,
  isDelegationKind,
  isProvisionStatus,
  isRole,
  roleUnfitForDelegation,
  isTier,
} from './vocabulary';
export type { DelegationKind, ProvisionStatus, Role, Tier } from './vocabulary';
export { describeSuspiciousCharacters, findSuspiciousCharacters } from './text-safety';
export type { SuspiciousCharacter } from './text-safety';
export { COLLAB_CLOSE_CODES } from './collab-close-codes';
export { USER_COLORS, distinctUserColor, userColor } from './presence-contract';
export type { ParticipationMode, PresenceUser } from './presence-contract';
export {
  COMMENT_PERIOD_TARGETS,
  COMMENT_PUBLICATION,
  DISPOSITIONS,
  INBOX_KINDS,
  WRITTEN_COMMENT_STATUSES,
  isDisposition,
} from './written-comment-contract';
export type {
  CommentPeriodTarget,
  CommentPeriodView,
  CommentPublication,
  CommentsMatrixEntry,
  Disposition,
  DispositionView,
  FollowedRemarkView,
  InboxItemView,
  InboxKind,
  RemarkView,
  WrittenCommentStatus,
  WrittenCommentView,
} from './written-comment-contract';
export { MAIL_DELIVERIES } from './committee-contract';
export type {
  CommitteeView,
  DelegationMembership,
  DelegationView,
  ImportedInstrumentView,
  InstrumentTextView,
  InstrumentView,
  InvitationView,
  ItemList,
  MailDelivery,
  MailMessageView,
  MailSettingsView,
  MailStatus,
  MeView,
  MemberView,
  SessionView,
  SignInView,
  UserView,
} from './committee-contract';
export type {
  DraftingSpaceView,
  ProposalHistoryEntry,
  ProposalView,
  StoredChange,
  StoredDeleteChange,
  StoredInsertChange,
  StoredTextChange,
  TextEditView,
} from './proposal-contract';
export { isStoredChange, parseStoredChanges } from './proposal-contract';
export { PROPOSAL_DECISIONS } from './desk-contract';
export type {
  ArticleNumberView,
  ArticleNumbersView,
  ChangePlace,
  CompileConflict,
  CompileOutcome,
  CompileReport,
  ConcordanceLine,
  ConflictReason,
  ConsultationItem,
  DecisionRecordedView,
  DeskArticle,
  DeskChange,
  DeskProposal,
  DeskView,
  OutcomeStatus,
  ProposalDecision,
  ProvenanceSpanView,
  ProvisionStatusView,
  PublishedCompilationView,
  RenumberingView,
  StatusChange,
} from './desk-contract';
export type {
  AuditEntryView,
  AuditVerdictView,
  DatabaseKind,
  ErrorView,
  HealthView,
  InboxView,
  LanguageAddedView,
  LivenessView,
  ProvisionTranslatedView,
  PublishedCompilationSummary,
  ReadinessState,
  ReadinessView,
  SigningKeyView,
  TranslationsConfirmedView,
  UnreadCountView,
} from './service-contract';
export type { ApiViewName, ApiViews } from './api-views';
export { IMPORT_FORMATS } from './request-contract';
export type {
  AcceptInvitationRequest,
  AnchorRequest,
  CoSponsorRequest,
  CommentBodyRequest,
  CommentPeriodRequest,
  CommitteeRequest,
  CompileRequest,
  ConfirmTranslationRequest,
  DeadlineRequest,
  DecisionRequest,
  DelegationRequest,
  DispositionRequest,
  DraftingSpaceRequest,
  ImportFormat,
  InvitationRequest,
  LanguageRequest,
  LoginRequest,
  MailSettingsRequest,
  NewWrittenCommentRequest,
  ProposalSubmissionRequest,
  ProvisionStatusRequest,
  RemarkRequest,
  RevisionRequest,
  SessionRequest,
  TextImportRequest,
  ThreadRequest,
  TranslateProvisionRequest,
  WrittenCommentRequest,
} from './request-contract';
