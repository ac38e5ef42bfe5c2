import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { PreparedStatements } from '../database/prepared-statements';
import { UnitOfWork } from '../database/unit-of-work';
import { CollabSnapshot } from './collab-snapshot.entity';
import { CollabUpdate } from './collab-update.entity';

/** A document as stored: its snapshot, when it has one, and the updates logged after it, oldest first. */
export interface StoredDocument {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  /** The last update folded into the snapshot; 0 without one. */
  readonly snapshotSeq: number;
  /** The last logged update read, or the snapshot's. */
  readonly lastSeq: number;
}

// PostgreSQL advisory locks per document: appends take the shared lock, compaction and seeding the exclusive one,
// so that compaction never deletes an update whose transaction had not committed when it read the log.
const LOCK_SQL_SHARED = 'SELECT pg_advisory_xact_lock_shared(hashtext($1))';
const LOCK_SQL_EXCLUSIVE = 'SELECT pg_advisory_xact_lock(hashtext($1))';
/** Rows per INSERT: 200 rows (600 parameters) keep within SQLite's bound-parameter limit. */
const ROWS_PER_INSERT = 200;
/** Batches up to this many rows use an INSERT prepared once on SQLite (one per row count); larger ones are rare. */
const PREPARED_ROWS = 8;

/** The update log and snapshots of collaborative documents. */
@Injectable()
export class CollabRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly statements: PreparedStatements,
  ) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Appends a batch of updates, whatever their documents, all or none (the group commit). */
  appendBatch(entries: readonly { readonly document: string; readonly data: Uint8Array }[]): Promise<void> {
    // On SQLite a batch that fits one statement needs no transaction: the statement is atomic by itself, and a
    // transaction would add a BEGIN and a COMMIT round trip on the one connection, on every commit.
    if (!this.postgres && entries.length <= ROWS_PER_INSERT) return this.uow.runStatement((manager) => this.insert(manager, entries));
    return this.uow.run(async (manager) => {
      if (this.postgres) {
        for (const document of new Set(entries.map((e) => e.document))) await manager.query(LOCK_SQL_SHARED, [document]);
      }
      for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) await this.insert(manager, entries.slice(i, i + ROWS_PER_INSERT));
    });
  }

  /**
   * One plain INSERT of up to ROWS_PER_INSERT rows, its values prepared by the driver exactly as the entity would
   * store them: building the statement through the query builder cost more than running it, on every commit. On
   * SQLite a small batch (most are one update) runs as a statement prepared once, on the same connection: one
   * trip to sqlite3's thread instead of the three (prepare, run, finalize) of a query.
   */
  private async insert(manager: EntityManager, rows: readonly { readonly document: string; readonly data: Uint8Array }[]): Promise<void> {
    const driver = manager.connection.driver;
    const columns = manager.connection.getMetadata(CollabUpdate);
    const dataColumn = columns.findColumnWithPropertyName('data');
    const createdColumn = columns.findColumnWithPropertyName('createdAt');
    if (!dataColumn || !createdColumn) throw new Error('collab_updates: entity metadata is missing its columns');
    const createdAt: unknown = driver.preparePersistentValue(new Date(), createdColumn);
    const params: unknown[] = [];
    const values = rows.map((entry) => {
      params.push(entry.document, driver.preparePersistentValue(Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength), dataColumn), createdAt);
      const n = params.length;
      return this.postgres ? `($${n - 2}, $${n - 1}, $${n})` : '(?, ?, ?)';
    });
    const sql = `INSERT INTO collab_updates (document, data, created_at) VALUES ${values.join(', ')}`;
    if (!this.postgres && rows.length <= PREPARED_ROWS && this.statements.available) await this.statements.run(sql, params);
    else await manager.query(sql, params);
  }

  async load(document: string, manager?: EntityManager): Promise<StoredDocument> {
    const m = manager ?? this.dataSource.manager;
    const snapshot = await m.getRepository(CollabSnapshot).findOneBy({ document });
    const after = snapshot?.lastSeq ?? 0;
    const rows = await m
      .getRepository(CollabUpdate)
      .createQueryBuilder('u')
      .where('u.document = :document AND u.seq > :after', { document, after })
      .orderBy('u.seq', 'ASC')
      .getMany();
    return {
      snapshot: snapshot ? snapshot.state : null,
      updates: rows.map((r) => r.data),
      snapshotSeq: after,
      lastSeq: rows.length ? rows[rows.length - 1].seq : after,
    };
  }

  /** How many updates are logged after the snapshot. */
  async tailLength(document: string): Promise<number> {
    const snapshot = await this.dataSource.getRepository(CollabSnapshot).findOneBy({ document });
    return this.dataSource
      .getRepository(CollabUpdate)
      .createQueryBuilder('u')
      .where('u.document = :document AND u.seq > :after', { document, after: snapshot?.lastSeq ?? 0 })
      .getCount();
  }

  /**
   * Folds the log into the snapshot: `fold` turns the stored document into one state update, which replaces the
   * snapshot and the folded updates in one transaction. Returns the new snapshot's last update (the stored one's
   * when there was nothing to fold, or when the log changed under the fold).
   *
   * The fold runs outside any transaction: on SQLite the one connection would otherwise be held for the fold's
   * whole length (tens of milliseconds for a large document), and every client's update, which is stored before
   * it is relayed, would wait behind it. The short transaction that writes the fold first checks, under the
   * document's exclusive lock on PostgreSQL, that the log still holds exactly the updates folded: none deleted by
   * another instance's compaction, none committed late with a lower number; otherwise it writes nothing and the
   * next compaction folds again.
   */
  async compact(document: string, fold: (stored: StoredDocument) => Promise<Uint8Array>): Promise<number> {
    const stored = await this.load(document);
    if (stored.updates.length === 0) return stored.snapshotSeq;
    const state = await fold(stored);
    return this.uow.run(async (manager) => {
      if (this.postgres) await manager.query(LOCK_SQL_EXCLUSIVE, [document]);
      const snapshot = await manager.getRepository(CollabSnapshot).findOneBy({ document });
      const current = snapshot?.lastSeq ?? 0;
      if (current !== stored.snapshotSeq) return current;
      const folded = await manager
        .getRepository(CollabUpdate)
        .createQueryBuilder('u')
        .where('u.document = :document AND u.seq > :after AND u.seq <= :last', { document, after: stored.snapshotSeq, last: stored.lastSeq })
        .getCount();
      if (folded !== stored.updates.length) return current;
      await manager.getRepository(CollabSnapshot).save(
        Object.assign(new CollabSnapshot(), { document, state: Buffer.from(state), lastSeq: stored.lastSeq, updatedAt: new Date() }),
      );
      await manager.getRepository(CollabUpdate).delete({ document, seq: LessThanOrEqual(stored.lastSeq) });
      return stored.lastSeq;
    });
  }

  /**
   * Stores a document's first content, unless another instance or an earlier load already did: the check and the
   * write happen under the document's exclusive lock. Returns what is stored afterwards: with the lock held (or on
   * SQLite's one connection) nothing else was written in between, so that is the row just inserted, without
   * reading it back (a document's first load is on the path of its first connection).
   */
  seedIfEmpty(document: string, initial: () => Uint8Array): Promise<StoredDocument> {
    return this.uow.run(async (manager) => {
      if (this.postgres) await manager.query(LOCK_SQL_EXCLUSIVE, [document]);
      const stored = await this.load(document, manager);
      if (stored.snapshot || stored.updates.length) return stored;
      const data = Buffer.from(initial());
      const row = Object.assign(new CollabUpdate(), { document, data, createdAt: new Date() });
      const inserted = await manager.getRepository(CollabUpdate).insert(row);
      const seq: unknown = inserted.identifiers[0]?.['seq'];
      if (typeof seq !== 'number') return this.load(document, manager);
      return { snapshot: null, updates: [data], snapshotSeq: 0, lastSeq: seq };
    });
  }
}
