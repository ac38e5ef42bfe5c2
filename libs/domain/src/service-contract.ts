import type { Language } from './language';
import type { InboxItemView } from './written-comment-contract';

/*
 * The smaller answers of the API (inbox counts, language versions, health, the signing key, the audit log) as the
 * API sends them and clients read them: one definition for both sides.
 */

/** A user's inbox and how many of its items are unread. */
export interface InboxView {
  readonly items: readonly InboxItemView[];
  readonly unread: number;
}

/** How many inbox items are left unread. */
export interface UnreadCountView {
  readonly unread: number;
}

/** A language version started: how many of its nodes wait for a translator. */
export interface LanguageAddedView {
  readonly language: Language;
  readonly stale: number;
}

/** Translated nodes confirmed, and how many still wait. */
export interface TranslationsConfirmedView {
  readonly confirmed: number;
  readonly stale: number;
}

/** A provision translated, and how many nodes still wait. */
export interface ProvisionTranslatedView {
  readonly nodeId: string;
  readonly stale: number;
}

/** A published compilation of proposals as listed for everyone. */
export interface PublishedCompilationSummary {
  readonly id: string;
  readonly instrumentId: string;
  readonly language: Language;
  /** How many proposals it lists. */
  readonly proposals: number;
  readonly publishedAt: string;
}

/** Which database the server uses. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** What `/api/health` reports. */
export interface HealthView {
  readonly status: 'ok';
  readonly database: DatabaseKind;
  readonly uptimeSeconds: number;
}

/** What `/api/health/live` reports: the process answers. */
export interface LivenessView {
  readonly status: 'live';
  readonly uptimeSeconds: number;
}

/** Where the server's start sequence stands. */
export type ReadinessState = 'starting' | 'migrating' | 'seeding' | 'ready' | 'stopping';

/** What `/api/health/ready` reports when the server serves requests. */
export interface ReadinessView {
  readonly status: 'ready';
  readonly state: ReadinessState;
  readonly database: DatabaseKind;
}

/** The public half of the signing key, as anyone verifying a revision or the audit head needs it. */
export interface SigningKeyView {
  readonly algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo in PEM. */
  readonly publicKey: string;
  /** SHA-256 of the DER encoding, in hexadecimal: compare it with one obtained another way before trusting the key. */
  readonly fingerprint: string;
}

/** An audit row as a client sees it: in full, or redacted to the fact that a delegation-tier action happened. */
export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly hash: string;
  /** True on a row about another delegation's delegation-tier record: everything but the time is withheld. */
  readonly redacted?: true;
}

/** Where the audit chain first breaks, or that it holds. */
export type AuditVerdictView =
  | { readonly ok: true; readonly rows: number; readonly lastHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly reason: string };

/** The one shape of every error the API answers. */
export interface ErrorView {
  readonly error: {
    /** A stable code, such as `proposal-not-found`. */
    readonly code: string;
    /** What went wrong, in English, for people. */
    readonly message: string;
    /** What exactly was wrong, when the server lists it (one line per invalid field of a request). */
    readonly details?: readonly string[];
  };
}
