import type { RevisionVerification as Verification, SignedRevisionBundle } from '@concord/domain';
import type { PublicKey } from '../signing/server-key';
import type { Revision } from './revision.entity';
import { checkRevision, type PublicationRecord, type RevisionCheck } from './revision-signature';

/** Verifies a stored revision with the public key and its publication record from the audit log. */
export function verifyRevision(revision: Revision, key: PublicKey, record: PublicationRecord | null): Verification {
  return verification(revision, checkRevision(revision, key, record), key);
}

/** The verify routes' answer for a revision and what checking it found. */
export function verification(revision: Revision, check: RevisionCheck, key: PublicKey): Verification {
  return {
    id: revision.id,
    symbol: revision.symbol,
    ok: check.status === 'verified',
    status: check.status,
    reason: check.reason,
    storedHash: revision.contentHash,
    computedHash: check.computedHash,
    keyFingerprint: key.fingerprint,
  };
}

/** The signed form of a stored revision. */
export function signedBundle(revision: Revision, key: PublicKey): SignedRevisionBundle {
  return {
    format: 'concord-signed-revision/1',
    id: revision.id,
    committeeId: revision.committeeId,
    instrumentId: revision.instrumentId,
    symbol: revision.symbol,
    revisionNumber: revision.revisionNumber,
    date: revision.date,
    tier: revision.tier,
    originalLanguage: revision.originalLanguage,
    contentHash: revision.contentHash,
    auditSeq: revision.auditSeq,
    auditHash: revision.auditHash,
    signature: revision.signature,
    keyFingerprint: key.fingerprint,
    content: revision.content,
  };
}
