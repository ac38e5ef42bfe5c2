import type {
  CommitteeView,
  DelegationView,
  ImportedInstrumentView,
  InstrumentTextView,
  InstrumentView,
  InvitationView,
  MailMessageView,
  MailSettingsView,
  MeView,
  MemberView,
  SessionView,
  SignInView,
  UserView,
} from './committee-contract';
import type { CommentView, ThreadView } from './comment-contract';
import type {
  ArticleNumbersView,
  CompileReport,
  ConsultationItem,
  DecisionRecordedView,
  DeskView,
  ProvenanceSpanView,
  ProvisionStatusView,
  PublishedCompilationView,
  RenumberingView,
  StatusChange,
} from './desk-contract';
import type { DraftingSpaceView, ProposalView } from './proposal-contract';
import type { RevisionSummary, RevisionText, RevisionVerification, SignedRevisionBundle } from './revision-contract';
import type {
  AuditEntryView,
  AuditVerdictView,
  ErrorView,
  HealthView,
  InboxView,
  LanguageAddedView,
  LivenessView,
  ProvisionTranslatedView,
  PublishedCompilationSummary,
  ReadinessView,
  SigningKeyView,
  TranslationsConfirmedView,
  UnreadCountView,
} from './service-contract';
import type { CommentPeriodView, CommentsMatrixEntry, FollowedRemarkView, WrittenCommentView } from './written-comment-contract';

/**
 * Every view the API answers with, by the name its schema has in the OpenAPI description. The API's description
 * is generated from this map (`apps/api/src/common/openapi/view-schemas.generated.ts`), and a controller that
 * declares a response by name must return the type named here, so the description, the server and the web app
 * read one definition.
 */
export interface ApiViews {
  readonly ArticleNumbersView: ArticleNumbersView;
  readonly AuditEntryView: AuditEntryView;
  readonly AuditVerdictView: AuditVerdictView;
  readonly CommentPeriodView: CommentPeriodView;
  readonly CommentView: CommentView;
  readonly CommentsMatrixEntry: CommentsMatrixEntry;
  readonly CommitteeView: CommitteeView;
  readonly CompileReport: CompileReport;
  readonly ConsultationItem: ConsultationItem;
  readonly DecisionRecordedView: DecisionRecordedView;
  readonly DelegationView: DelegationView;
  readonly DeskView: DeskView;
  readonly DraftingSpaceView: DraftingSpaceView;
  readonly ErrorView: ErrorView;
  readonly FollowedRemarkView: FollowedRemarkView;
  readonly HealthView: HealthView;
  readonly ImportedInstrumentView: ImportedInstrumentView;
  readonly InboxView: InboxView;
  readonly InstrumentTextView: InstrumentTextView;
  readonly InstrumentView: InstrumentView;
  readonly InvitationView: InvitationView;
  readonly LanguageAddedView: LanguageAddedView;
  readonly LivenessView: LivenessView;
  readonly MailMessageView: MailMessageView;
  readonly MailSettingsView: MailSettingsView;
  readonly MeView: MeView;
  readonly MemberView: MemberView;
  readonly ProposalView: ProposalView;
  readonly ProvenanceSpanView: ProvenanceSpanView;
  readonly ProvisionStatusView: ProvisionStatusView;
  readonly ProvisionTranslatedView: ProvisionTranslatedView;
  readonly PublishedCompilationSummary: PublishedCompilationSummary;
  readonly PublishedCompilationView: PublishedCompilationView;
  readonly ReadinessView: ReadinessView;
  readonly RenumberingView: RenumberingView;
  readonly RevisionSummary: RevisionSummary;
  readonly RevisionText: RevisionText;
  readonly RevisionVerification: RevisionVerification;
  readonly SessionView: SessionView;
  readonly SignInView: SignInView;
  readonly SignedRevisionBundle: SignedRevisionBundle;
  readonly SigningKeyView: SigningKeyView;
  readonly StatusChange: StatusChange;
  readonly ThreadView: ThreadView;
  readonly TranslationsConfirmedView: TranslationsConfirmedView;
  readonly UnreadCountView: UnreadCountView;
  readonly UserView: UserView;
  readonly WrittenCommentView: WrittenCommentView;
}

/** The name of a view in {@link ApiViews}. */
export type ApiViewName = keyof ApiViews;
