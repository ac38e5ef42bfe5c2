import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type PublicKey, ServerKey } from '../signing/server-key';
import { AuditEntry } from './audit-entry.entity';
import { ChainVerifier, type ChainVerdict, GENESIS_HASH, auditHeadPayload, chainHash, headMismatch } from './audit-chain';
import { AuditRepository } from './audit.repository';

/** A state change to record. */
export interface AuditEvent {
  readonly actorId: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: object | null;
  readonly after?: object | null;
}

/**
 * Appends state changes to the hash-chained audit log, in the transaction that makes the change, and re-signs the
 * chain's head with the server key in that same transaction.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditRepository,
    private readonly key: ServerKey,
  ) {}

  /**
   * Appends one row and returns it. When the log's end no longer matches the signed head (someone rewrote or
   * deleted rows, or the head), the change still goes through, but the new head carries, under the signature,
   * what was found: signing over the altered log without saying so would make the tampering look authentic.
   */
  async record(manager: EntityManager, event: AuditEvent): Promise<AuditEntry> {
    // Taking the chain lock first: on PostgreSQL the check, the append and the new head's signature all happen
    // in the critical section that orders instances' appends.
    const last = await this.audit.lastForAppend(manager);
    const head = await this.audit.head(manager);
    const verify = (payload: string, signature: string) => this.key.public.verify(payload, signature);
    const mismatch = headMismatch({ rows: last?.seq ?? 0, lastHash: last?.hash ?? GENESIS_HASH }, head, verify);
    // What an authentic head says was found earlier is the server's own word, carried on; anything else is new.
    const earlier = head && verify(auditHeadPayload(head.seq, head.hash, head.tampered), head.signature) ? head.tampered : null;
    const tampered = earlier ?? (mismatch ? `before row ${(last?.seq ?? 0) + 1}: ${mismatch.reason}`.slice(0, 500) : null);
    if (mismatch && !earlier) this.logger.error(`The audit log was altered outside the server (${mismatch.reason}); run audit:verify.`);
    const entry = new AuditEntry();
    entry.seq = (last?.seq ?? 0) + 1;
    entry.at = new Date();
    entry.actorId = event.actorId;
    entry.action = event.action;
    entry.entityType = event.entityType;
    entry.entityId = event.entityId;
    entry.before = event.before ? JSON.stringify(event.before) : null;
    entry.after = event.after ? JSON.stringify(event.after) : null;
    entry.prevHash = last?.hash ?? GENESIS_HASH;
    entry.hash = chainHash(entry);
    await this.audit.insert(manager, entry);
    await this.audit.saveHead(manager, { seq: entry.seq, hash: entry.hash, tampered, signature: this.key.sign(auditHeadPayload(entry.seq, entry.hash, tampered)), keyFingerprint: this.key.public.fingerprint });
    return entry;
  }

  /**
   * Signs the head of a chain that has none, the first time a server key exists for this database (a log written
   * before heads were signed). Returns the row adopted, or null when there was nothing to do.
   */
  async adoptUnsignedChain(manager: EntityManager): Promise<number | null> {
    const last = await this.audit.lastForAppend(manager);
    if (!last || (await this.audit.head(manager))) return null;
    await this.audit.saveHead(manager, { seq: last.seq, hash: last.hash, tampered: null, signature: this.key.sign(auditHeadPayload(last.seq, last.hash)), keyFingerprint: this.key.public.fingerprint });
    return last.seq;
  }

  /** Walks the whole chain and checks its end against the signed head, with this server's public key. */
  verify(): Promise<ChainVerdict> {
    return verifyChain(this.audit, this.key.public);
  }

  /** The publication records that revisions name (by sequence number), to cross-check their hashes. */
  entriesAt(seqs: readonly number[]): Promise<AuditEntry[]> {
    return this.audit.bySeq(seqs);
  }
}

/**
 * Walks the whole chain and reports the first broken link, then checks its end against the signed head with
 * `publicKey` (null: none is known, so any head fails): needs no trust in the database, only in the key.
 */
export async function verifyChain(audit: AuditRepository, publicKey: PublicKey | null): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await audit.page(after, 1000);
    if (rows.length === 0 || !verifier.feed(rows)) break;
    after = rows[rows.length - 1].seq;
  }
  const verdict = verifier.verdict();
  if (!verdict.ok) return verdict;
  const mismatch = headMismatch(verdict, await audit.head(), (p, s) => publicKey?.verify(p, s) ?? false);
  return mismatch ? { ok: false, rows: verdict.rows, ...mismatch } : verdict;
}
