import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditHead } from './audit-head.entity';

// Any fixed number: the key of the PostgreSQL advisory lock that orders appends to the chain across instances.
const CHAIN_LOCK = 7_262_601;
// The audit_head table holds one row.
const HEAD_ID = 1;

/** Reads and appends audit rows; rows are never updated or deleted. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest row, read inside the appending transaction after taking the chain lock. */
  async lastForAppend(manager: EntityManager): Promise<AuditEntry | null> {
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    }
    return manager.getRepository(AuditEntry).findOne({ where: {}, order: { seq: 'DESC' } });
  }

  async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.getRepository(AuditEntry).insert(entry);
  }

  /** The signed head; inside an append, read after `lastForAppend` took the lock. */
  head(manager: EntityManager = this.dataSource.manager): Promise<AuditHead | null> {
    return manager.getRepository(AuditHead).findOneBy({ id: HEAD_ID });
  }

  /** Replaces the signed head, in the appending transaction. */
  async saveHead(manager: EntityManager, head: Omit<AuditHead, 'id'>): Promise<void> {
    await manager.getRepository(AuditHead).upsert({ ...head, id: HEAD_ID }, ['id']);
  }

  /** The rows with these sequence numbers. */
  bySeq(seqs: readonly number[]): Promise<AuditEntry[]> {
    return seqs.length ? this.dataSource.getRepository(AuditEntry).findBy({ seq: In([...seqs]) }) : Promise.resolve([]);
  }

  /** Rows after `afterSeq`, oldest first. */
  page(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { seq: MoreThan(afterSeq) }, order: { seq: 'ASC' }, take: limit });
  }

  /** The newest rows first. */
  latest(limit: number, before?: number): Promise<AuditEntry[]> {
    const repo = this.dataSource.getRepository(AuditEntry);
    return repo
      .createQueryBuilder('a')
      .where(before ? 'a.seq < :before' : '1 = 1', { before })
      .orderBy('a.seq', 'DESC')
      .take(limit)
      .getMany();
  }
}
