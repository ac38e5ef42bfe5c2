import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';

/**
 * Statements prepared once on TypeORM's own SQLite connection and run again and again, for the one write that
 * happens on every keystroke (the collaboration update log). Run through TypeORM, each INSERT is prepared, run and
 * finalized: three trips to sqlite3's worker thread and back through the event loop, each waiting behind whatever
 * the loop is doing, and SQL parsed every time. A prepared statement makes one trip.
 *
 * The caller keeps to the shared connection's rules (see UnitOfWork.runStatement): a statement run here runs on
 * the connection TypeORM's transactions use. Each distinct SQL text stays prepared until the application shuts
 * down (the connection cannot close while one is open; one asked for later is prepared again), so callers use a
 * few fixed texts, never SQL built from data.
 */
@Injectable()
export class PreparedStatements implements OnApplicationShutdown {
  private readonly prepared = new Map<string, Promise<sqlite3.Statement>>();
  /** Set once the application shuts down: from then on callers go through TypeORM, which leaves nothing open. */
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Whether statements can be prepared here: on the sqlite3 driver, not on PostgreSQL. */
  get available(): boolean {
    return !this.closed && this.connection() !== null;
  }

  /** Runs `sql` with `params` as a prepared statement; resolves once SQLite has stepped it to completion. */
  async run(sql: string, params: readonly unknown[]): Promise<void> {
    const statement = await this.statement(sql);
    await new Promise<void>((done, fail) => statement.run([...params], (error: Error | null) => (error ? fail(error) : done())));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.finalizeAll();
  }

  /** Finalizes every prepared statement, so that the connection may close. */
  async finalizeAll(): Promise<void> {
    const statements = [...this.prepared.values()];
    this.prepared.clear();
    await Promise.all(statements.map(async (pending) => finalize(await pending.catch(() => null))));
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    const known = this.prepared.get(sql);
    if (known) return known;
    const db = this.connection();
    if (!db) return Promise.reject(new Error('prepared statements need the sqlite3 driver'));
    const pending = new Promise<sqlite3.Statement>((done, fail) => {
      const statement: sqlite3.Statement = db.prepare(sql, (error: Error | null) => (error ? fail(error) : done(statement)));
    });
    // A statement that failed to prepare is not kept: the next call tries again and reports its own error.
    pending.catch(() => this.prepared.get(sql) === pending && this.prepared.delete(sql));
    this.prepared.set(sql, pending);
    return pending;
  }

  private connection(): sqlite3.Database | null {
    if (!this.dataSource.isInitialized || this.dataSource.options.type !== 'sqlite') return null;
    const db: unknown = (this.dataSource.driver as { databaseConnection?: unknown }).databaseConnection;
    return db instanceof sqlite3.Database ? db : null;
  }
}

function finalize(statement: sqlite3.Statement | null): Promise<void> {
  // Finalizing waits for the runs already queued on the statement.
  return new Promise((done) => (statement ? statement.finalize(() => done()) : done()));
}
