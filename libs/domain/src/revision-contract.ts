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
  readonly tier: string;
  readonly originalLanguage: Language;
  /** The language versions it was published in. */
  readonly languages: readonly Language[];
  /** The instrument's title in each language it has one in. */
  readonly titles: Localized;
  /** SHA-256 of the canonical content, in hexadecimal. */
  readonly contentHash: string;
  /** An ISO 8601 instant. */
  readonly publishedAt: string;
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

/** What recomputing a revision's hash found. */
export interface RevisionVerification {
  readonly id: string;
  readonly symbol: string;
  readonly ok: boolean;
  readonly storedHash: string;
  readonly computedHash: string;
  readonly reason: string | null;
}
