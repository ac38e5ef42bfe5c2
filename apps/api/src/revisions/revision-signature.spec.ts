import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../audit/audit-chain';
import { ServerKey } from '../signing/server-key';
import { canonicalJson, sha256 } from './canonical';
import { checkRevision, type PublicationRecord, revisionPayload, type SignedRevisionFields } from './revision-signature';

const key = ServerKey.forFile(join(mkdtempSync(join(tmpdir(), 'concord-sig-spec-')), 'key.pem'));
const other = ServerKey.forFile(join(mkdtempSync(join(tmpdir(), 'concord-sig-spec-')), 'key.pem'));

/** A revision published as the use case publishes it, and the audit row that records it. */
function published(): { revision: SignedRevisionFields; record: PublicationRecord } {
  const content = canonicalJson({ symbol: 'A/AC.291/22', instrumentId: 'i1', date: '2027-01-10', tier: 'public', originalLanguage: 'en', titles: { en: 'Draft' }, versions: { en: { doc: { type: 'doc' }, stale: [] } } });
  const contentHash = sha256(content);
  const row = { seq: 40, at: new Date(Date.UTC(2027, 0, 10)), actorId: 'u1', action: 'revision.publish', entityType: 'revision', entityId: 'r1', before: null, after: JSON.stringify({ symbol: 'A/AC.291/22', contentHash }), prevHash: GENESIS_HASH };
  const record = { ...row, hash: chainHash(row) };
  const unsigned = { id: 'r1', committeeId: 'c1', instrumentId: 'i1', symbol: 'A/AC.291/22', revisionNumber: 0, date: '2027-01-10', tier: 'public', originalLanguage: 'en', content, contentHash, auditSeq: 40, auditHash: record.hash };
  return { revision: { ...unsigned, signature: key.sign(revisionPayload(unsigned, ['en'])) }, record };
}

const rehashed = (r: SignedRevisionFields, content: string): SignedRevisionFields => ({ ...r, content, contentHash: sha256(content) });

describe(checkRevision.name, () => {
  it('verifies an untouched revision with its record, and offline with the public key alone', () => {
    const { revision, record } = published();
    expect(checkRevision(revision, key.public, record)).toEqual({ status: 'verified', reason: null, computedHash: revision.contentHash });
    expect(checkRevision(revision, key.public, 'offline').status).toBe('verified');
  });

  it.each<[string, (r: SignedRevisionFields) => SignedRevisionFields, string]>([
    ['its content', (r) => ({ ...r, content: r.content.replace('Draft', 'Drift') }), 'the stored content no longer matches its hash'],
    ['its content and hash', (r) => rehashed(r, r.content.replace('Draft', 'Drift')), 'the signature does not match'],
    ['its tier, in metadata and content', (r) => ({ ...rehashed(r, r.content.replace('"tier":"public"', '"tier":"committee"')), tier: 'committee' }), 'the signature does not match'],
    ['its tier, in metadata only', (r) => ({ ...r, tier: 'committee' }), 'the metadata differs from the hashed content'],
    ['its id', (r) => ({ ...r, id: 'r2' }), 'the signature does not match'],
    ['its committee', (r) => ({ ...r, committeeId: 'c2' }), 'the signature does not match'],
    ['the audit row it pins', (r) => ({ ...r, auditSeq: 39 }), 'the signature does not match'],
    ['its languages', (r) => rehashed(r, r.content.replace('"versions":{', '"versions":{"ar":{"doc":{"type":"doc"},"stale":[]},')), 'the signature does not match'],
    ['its signature, removed', (r) => ({ ...r, signature: null }), 'the revision carries no signature'],
    ['its content, no longer canonical', (r) => rehashed(r, r.content.replace('{', '{ ')), 'the stored content is not in canonical form'],
  ])('fails after a change to %s', (_what, tamper, reason) => {
    const { revision, record } = published();
    expect(checkRevision(tamper(revision), key.public, record).reason).toContain(reason);
  });

  it('fails with another key, and when the signature is re-made with another key', () => {
    const { revision, record } = published();
    expect(checkRevision(revision, other.public, record).reason).toContain('the signature does not match');
    const forged = { ...revision, signature: other.sign(revisionPayload(revision, ['en'])) };
    expect(checkRevision(forged, key.public, record).reason).toContain('the signature does not match');
  });

  it.each<[string, (r: PublicationRecord) => PublicationRecord | null, string]>([
    ['is missing', () => null, 'the audit log has no row 40, which recorded the publication'],
    ['names another hash, rehashed', (r) => {
      const row = { ...r, after: JSON.stringify({ contentHash: '0'.repeat(64) }) };
      return { ...row, hash: chainHash(row) };
    }, 'audit row 40, which recorded the publication, was altered'],
    ['was edited without rehashing', (r) => ({ ...r, entityId: 'r9' }), 'audit row 40, which recorded the publication, was altered'],
  ])('fails when the publication record %s', (_what, tamper, reason) => {
    const { revision, record } = published();
    expect(checkRevision(revision, key.public, tamper(record)).reason).toBe(reason);
  });
});
