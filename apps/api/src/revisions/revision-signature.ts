import { chainHash, type ChainedRow } from '../audit/audit-chain';
import type { PublicKey } from '../signing/server-key';
import { canonicalJson, sha256 } from './canonical';

/** The fields of a published revision that verification reads: what is stored, and what a signed download carries. */
export interface SignedRevisionFields {
  readonly id: string;
  readonly committeeId: string;
  readonly instrumentId: string;
  readonly symbol: string;
  readonly revisionNumber: number;
  readonly date: string;
  readonly tier: string;
  readonly originalLanguage: string;
  /** The canonical JSON that the hash covers. */
  readonly content: string;
  readonly contentHash: string;
  readonly auditSeq: number | null;
  readonly auditHash: string | null;
  readonly signature: string | null;
}

/** A publication record of the audit log, as far as the cross-check needs it. */
export type PublicationRecord = ChainedRow;

/**
 * What the server key signs for a revision: its identity (id, committee, instrument, symbol, number), date, tier,
 * languages, the hash of its content, and the audit row that records its publication.
 */
export function revisionPayload(r: Omit<SignedRevisionFields, 'content' | 'signature'>, languages: readonly string[]): string {
  return canonicalJson({
    kind: 'concord.revision',
    version: 1,
    id: r.id,
    committeeId: r.committeeId,
    instrumentId: r.instrumentId,
    symbol: r.symbol,
    revisionNumber: r.revisionNumber,
    date: r.date,
    tier: r.tier,
    originalLanguage: r.originalLanguage,
    languages: [...languages].sort(),
    contentHash: r.contentHash,
    audit: { seq: r.auditSeq, hash: r.auditHash },
  });
}

/** A revision's verification state, as the APIs serve it. */
export interface RevisionCheck {
  readonly status: 'verified' | 'failed';
  /** Why it failed; null when verified. */
  readonly reason: string | null;
  readonly computedHash: string;
}

interface ParsedContent {
  readonly symbol?: unknown;
  readonly instrumentId?: unknown;
  readonly date?: unknown;
  readonly tier?: unknown;
  readonly originalLanguage?: unknown;
  readonly versions?: unknown;
}

/**
 * Verifies a revision: the content against its hash, the content against the metadata, the signature with the
 * public key, and, when the audit log is at hand (`record` is not `'offline'`), that the publication row the
 * signature names is intact and records this revision with this hash.
 */
export function checkRevision(r: SignedRevisionFields, key: PublicKey, record: PublicationRecord | null | 'offline'): RevisionCheck {
  const computedHash = sha256(r.content);
  const fail = (reason: string): RevisionCheck => ({ status: 'failed', reason, computedHash });
  if (computedHash !== r.contentHash) return fail('the stored content no longer matches its hash');
  let content: ParsedContent;
  try {
    content = JSON.parse(r.content) as ParsedContent;
  } catch {
    return fail('the stored content is not valid JSON');
  }
  if (canonicalJson(content) !== r.content) return fail('the stored content is not in canonical form');
  if (content.symbol !== r.symbol || content.tier !== r.tier || content.date !== r.date || content.instrumentId !== r.instrumentId || content.originalLanguage !== r.originalLanguage) {
    return fail('the metadata differs from the hashed content');
  }
  const languages = content.versions && typeof content.versions === 'object' ? Object.keys(content.versions) : [];
  if (!r.signature) return fail('the revision carries no signature');
  if (!key.verify(revisionPayload(r, languages), r.signature)) return fail("the signature does not match the revision for the server's key: its hash or metadata was changed after publication");
  if (record === 'offline') return { status: 'verified', reason: null, computedHash };
  if (!record) return fail(`the audit log has no row ${r.auditSeq ?? '?'}, which recorded the publication`);
  if (chainHash(record) !== record.hash || record.hash !== r.auditHash) return fail(`audit row ${record.seq}, which recorded the publication, was altered`);
  let after: { contentHash?: unknown } | null = null;
  try {
    after = record.after ? (JSON.parse(record.after) as { contentHash?: unknown }) : null;
  } catch {
    // Treated as a mismatch below.
  }
  if (record.action !== 'revision.publish' || record.entityId !== r.id || after?.contentHash !== r.contentHash) {
    return fail(`audit row ${record.seq} does not record the publication of this revision with this hash`);
  }
  return { status: 'verified', reason: null, computedHash };
}
