import type { Language } from './language';
import type { Localized } from './localized';

/*
 * Published revisions as the API sends them and the web app reads them: one definition for both sides.
 */

/** A published revision's metadata. */
export interface RevisionSummary {
  readonly id: string;
  readonly instrumentId: string;
  /** The document symbol: `A/AC.291/22`, `A/AC.291/22/Rev.1`. */
  readonly symbol: string;
  /** The date of the document, `YYYY-MM-DD`. */
  readonly date: string;
  /** Who may read it: the committee, or everyone. */
  readonly tier: 'committee' | 'public';
  readonly originalLanguage: Language;
  /** The language versions it was published in. */
  readonly languages: readonly Language[];
  /** The instrument's title in each language it has one in. */
  readonly titles: Localized;
  /** SHA-256 of the canonical content, in hexadecimal. */
  readonly contentHash: string;
  /** An ISO 8601 instant. */
  readonly publishedAt: string;
  /** Whether the revision is what the server published: a failed one must not be read or cited as authentic. */
  readonly verification: RevisionVerificationState;
}

/** A published revision in one language. */
export interface RevisionText extends RevisionSummary {
  readonly language: Language;
  /** The text as ProseMirror JSON in the treaty schema of `@concord/schema`, with its provenance marks. */
  readonly doc: unknown;
  /** The numbered plain text. */
  readonly text: string;
  /** Ids of the nodes whose translation had not been checked against the original when it was published. */
  readonly stale: readonly string[];
}

/**
 * The outcome of verifying a revision: its content against its hash, the server key's signature over its hash and
 * metadata, and the audit row that records its publication.
 */
export interface RevisionVerificationState {
  readonly status: 'verified' | 'failed';
  /** Why it failed; null when verified. */
  readonly reason: string | null;
}

/** What verifying a revision found. */
export interface RevisionVerification extends RevisionVerificationState {
  readonly id: string;
  readonly symbol: string;
  readonly ok: boolean;
  readonly storedHash: string;
  readonly computedHash: string;
  /** Fingerprint (SHA-256) of the public key the signature was checked with. */
  readonly keyFingerprint: string;
}

/**
 * A revision as signed, for verifying it away from the server (`revision:verify <file>`): the canonical content,
 * the metadata the signature covers, and the signature.
 */
export interface SignedRevisionBundle {
  readonly format: 'concord-signed-revision/1';
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  readonly symbol: string;
  readonly revisionNumber: number;
  readonly date: string;
  readonly tier: string;
  readonly originalLanguage: string;
  readonly contentHash: string;
  readonly auditSeq: number | null;
  readonly auditHash: string | null;
  /** Base64 Ed25519 signature over the revision's signed payload. */
  readonly signature: string | null;
  readonly keyFingerprint: string;
  /** The canonical JSON that `contentHash` covers, exactly as stored. */
  readonly content: string;
}
