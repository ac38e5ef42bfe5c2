import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { all, close, open } from './sqlite-file';

/** How often the write-ahead log is checkpointed, in milliseconds. */
export const CHECKPOINT_EVERY_MS = 1_000;
/** SQLite's own default: a checkpoint once the log holds this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;

/** What one checkpoint did: frames in the log, and how many of them are now in the database file. */
export interface CheckpointResult {
  readonly busy: boolean;
  readonly logFrames: number;
  readonly checkpointedFrames: number;
}

/**
 * Checkpoints SQLite's write-ahead log in the background, from a connection of its own. Left to SQLite, the commit
 * that fills the log to a thousand pages copies them into the database file and syncs it before it returns, on
 * the one connection every write of this process queues on: each update stored in that moment, and so relayed,
 * waits for the disk (the tail of the collaboration benchmark). Here the server's connection never checkpoints;
 * this one does, every second, a PASSIVE checkpoint that runs beside the writer instead of in front of it.
 *
 * On PostgreSQL it does nothing. When it stops, the server's connection checkpoints by itself again.
 */
@Injectable()
export class WalCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WalCheckpointer.name);
  private connection: sqlite3.Database | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The checkpoint under way or last done: they run one at a time. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Checkpoints asked for and not yet done; the timer skips its turn while one is, so a slow disk stacks none up. */
  private waiting = 0;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.connection || this.dataSource.options.type !== 'sqlite') return;
    const file = this.dataSource.options.database;
    if (typeof file !== 'string' || file === ':memory:') return;
    this.connection = await open(file, sqlite3.OPEN_READWRITE);
    await this.dataSource.query('PRAGMA wal_autocheckpoint = 0');
    this.timer = setInterval(() => {
      if (this.waiting > 0) return;
      this.checkpoint().catch((error: unknown) => this.logger.warn(`WAL checkpoint failed: ${String(error)}`));
    }, CHECKPOINT_EVERY_MS);
    this.timer.unref();
  }

  /** Copies what it can of the log into the database file now, waiting for nobody (a PASSIVE checkpoint). */
  async checkpoint(): Promise<CheckpointResult> {
    const connection = this.connection;
    if (!connection) throw new Error('the WAL checkpointer is not running');
    this.waiting += 1;
    const run = this.tail.then(() => all<{ busy: number; log: number; checkpointed: number }>(connection, 'PRAGMA wal_checkpoint(PASSIVE)'));
    this.tail = run.catch(() => undefined);
    try {
      const [row] = await run;
      return { busy: row.busy !== 0, logFrames: row.log, checkpointedFrames: row.checkpointed };
    } finally {
      this.waiting -= 1;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    await this.tail;
    if (this.dataSource.isInitialized) await this.dataSource.query(`PRAGMA wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    await close(connection);
  }
}
