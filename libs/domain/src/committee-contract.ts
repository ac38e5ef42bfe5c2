import type { Language } from './language';
import type { Localized } from './localized';
import type { DelegationKind, Role } from './vocabulary';

/*
 * Committees, their sessions, delegations, users and instruments as the API sends them and the web app reads
 * them: one definition for both sides.
 */

/** A list answer: the API wraps every list in an object so that it can grow fields without breaking clients. */
export interface ItemList<T> {
  readonly items: readonly T[];
}

/** A committee. */
export interface CommitteeView {
  readonly id: string;
  readonly name: string;
  /** The prefix of its document symbols, such as `A/AC.291`. */
  readonly symbolPrefix: string;
  readonly description: string;
}

/** A session of a committee. */
export interface SessionView {
  readonly id: string;
  readonly committeeId: string;
  readonly number: number;
  readonly title: string;
  readonly venue: string;
  /** A calendar date, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** A calendar date, `YYYY-MM-DD`. */
  readonly endDate: string;
  /** An ISO 8601 instant. */
  readonly proposalDeadline: string;
}

/** A delegation (a State, a group of States or an organization) in the six languages. */
export interface DelegationView {
  readonly id: string;
  readonly committeeId: string;
  readonly code: string;
  readonly kind: DelegationKind;
  readonly names: Localized;
  /** Ids of the delegations of kind `group` this delegation belongs to, sorted. */
  readonly groupIds: readonly string[];
}

/** How a user came to act for a delegation: `pending` until its head confirms a member someone else added. */
export type DelegationMembership = 'confirmed' | 'pending';

/** A member of a delegation as its head sees it. */
export interface MemberView {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  /** A pending member sees none of the delegation's drafts. */
  readonly membership: DelegationMembership;
  /** Whether the member has set a password from its invitation. */
  readonly active: boolean;
  /** Who invited the member (null for accounts created by the system, such as the demo's). */
  readonly addedBy: { readonly id: string; readonly displayName: string } | null;
  readonly addedAt: string;
}

/** A user as the API shows them (the signed-in user, or the users of a committee). */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** The delegation the user acts for; null while its head has not confirmed the membership. */
  readonly delegationId: string | null;
  /** The delegation the user was added to, while its head has not confirmed the membership; else null or absent. */
  readonly pendingDelegationId?: string | null;
  readonly committeeId: string;
  /** False while an invited user has not yet set a password. */
  readonly active: boolean;
}

/** The signed-in user, as `GET /api/auth/me` answers. */
export interface MeView {
  readonly user: UserView;
}

/** A successful sign-in: the bearer token (also set as the httpOnly session cookie) and who signed in. */
export interface SignInView {
  readonly token: string;
  /** An ISO 8601 instant. */
  readonly expiresAt: string;
  readonly user: UserView;
}

/** A created invitation; the token is shown once and only its hash is kept. */
export interface InvitationView {
  readonly invitation: { readonly id: string; readonly email: string; readonly expiresAt: string };
  readonly token: string;
  /** The one-time link to give to the invitee; it is not shown again. */
  readonly inviteUrl: string;
  /** Whether the link also went out by e-mail (SMTP_URL is set). */
  readonly emailed: boolean;
}

/** A text under negotiation. */
export interface InstrumentView {
  readonly id: string;
  readonly committeeId: string;
  readonly titles: Localized;
  readonly originalLanguage: Language;
  /** The language versions that have text. */
  readonly languages: readonly Language[];
  readonly createdAt: string;
}

/** The answer to an import: the new instrument and what the importer noticed (skipped content, guesses). */
export interface ImportedInstrumentView extends InstrumentView {
  readonly warnings: readonly string[];
}

/** The base text of an instrument in one language. */
export interface InstrumentTextView {
  readonly instrumentId: string;
  readonly language: Language;
  /** Plain text with derived numbering. */
  readonly text: string;
  /** ProseMirror JSON in the treaty schema of `@concord/schema`. */
  readonly doc: unknown;
}

/** How a user may hear of what waits in their inbox: each item at once, a daily digest, or not by e-mail. */
export const MAIL_DELIVERIES = ['immediate', 'daily', 'off'] as const;

/** How a user hears of what waits in their inbox. */
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** Where an outgoing e-mail stands. */
export type MailStatus = 'pending' | 'sending' | 'held' | 'sent' | 'failed';

/** A user's e-mail settings. */
export interface MailSettingsView {
  /** Whether this server sends e-mail at all (SMTP_URL is set). */
  readonly enabled: boolean;
  readonly delivery: MailDelivery;
  readonly language: Language;
}

/** An outgoing e-mail, as administrators see it. */
export interface MailMessageView {
  readonly id: string;
  readonly to: string;
  readonly kind: string;
  readonly subject: string;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
}
