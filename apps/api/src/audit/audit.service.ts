import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { ChainVerifier, type ChainVerdict, GENESIS_HASH, chainHash } from './audit-chain';
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

/** Appends state changes to the hash-chained audit log, in the transaction that makes the change. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(manager: EntityManager, event: AuditEvent): Promise<void> {
    const last = await this.audit.lastForAppend(manager);
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
  }

  /** Walks the whole chain and reports the first broken link. */
  async verify(): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.audit.page(after, 1000);
      if (rows.length === 0 || !verifier.feed(rows)) return verifier.verdict();
      after = rows[rows.length - 1].seq;
    }
  }
}
