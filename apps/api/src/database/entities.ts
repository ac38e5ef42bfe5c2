import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditHead } from '../audit/audit-head.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Invitation } from '../auth/invitation.entity';
import { User } from '../auth/user.entity';
import { CollabSnapshot } from '../collaboration/collab-snapshot.entity';
import { CollabUpdate } from '../collaboration/collab-update.entity';
import { Comment } from '../comments/comment.entity';
import { CommentPeriod, CommentPeriodEvent } from '../comment-periods/comment-period.entity';
import { RemarkDisposition, WrittenComment, WrittenRemark } from '../comment-periods/written-comment.entity';
import { InboxItem } from '../inbox/inbox-item.entity';
import { CompileDecision } from '../compilation/compile-decision.entity';
import { ProvisionStatusEvent } from '../compilation/provision-status-event.entity';
import { Renumbering } from '../numbering/renumbering.entity';
import { CommitteeSession } from '../committees/committee-session.entity';
import { Committee } from '../committees/committee.entity';
import { Delegation } from '../delegations/delegation.entity';
import { DraftingSpace } from '../drafting-spaces/drafting-space.entity';
import { GroupMembership } from '../delegations/group-membership.entity';
import { InstrumentText } from '../instruments/instrument-text.entity';
import { Instrument } from '../instruments/instrument.entity';
import { ProposalCompilation } from '../revisions/proposal-compilation.entity';
import { Revision } from '../revisions/revision.entity';
import { TranslationSource } from '../revisions/translation-source.entity';
import { MailMessage } from '../mail/mail-message.entity';
import { MailPreference } from '../mail/mail-preference.entity';
import { ProposalEvent } from '../proposals/proposal-event.entity';
import { ProposalSupport } from '../proposals/proposal-support.entity';
import { Proposal } from '../proposals/proposal.entity';

/** Every entity of the schema; the migrations are generated from this list. */
export const ENTITIES = [
  Committee,
  CommitteeSession,
  Delegation,
  GroupMembership,
  User,
  AuthSession,
  Invitation,
  Instrument,
  InstrumentText,
  AuditEntry,
  AuditHead,
  CollabUpdate,
  CollabSnapshot,
  DraftingSpace,
  Proposal,
  ProposalEvent,
  ProposalSupport,
  Comment,
  CompileDecision,
  ProvisionStatusEvent,
  Renumbering,
  Revision,
  ProposalCompilation,
  TranslationSource,
  MailMessage,
  MailPreference,
  CommentPeriod,
  CommentPeriodEvent,
  WrittenComment,
  WrittenRemark,
  RemarkDisposition,
  InboxItem,
];
