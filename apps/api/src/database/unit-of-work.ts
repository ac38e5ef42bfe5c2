import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Runs a use case's writes as one transaction. */
@Injectable()
export class UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction and commits it, or rolls everything back if it throws. TypeORM gives SQLite a
   * single shared connection, on which two interleaved transactions would mix their statements, so on SQLite the
   * transactions of this process queue one behind the other; PostgreSQL gives each its own connection.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `work`, which must issue a single statement (atomic by itself), without a transaction around it: on
   * SQLite after the transactions queued before it, so that it never runs inside one of them, and without the
   * BEGIN and COMMIT round trips a transaction adds to the shared connection; on PostgreSQL at once.
   */
  runStatement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return work(this.dataSource.manager);
    const next = this.tail.then(() => work(this.dataSource.manager));
    this.tail = next.catch(() => undefined);
    return next;
  }
}
