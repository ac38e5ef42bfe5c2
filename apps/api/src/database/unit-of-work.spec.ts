import { AbstractLogger, DataSource, type LogLevel, type LogMessage } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnitOfWork } from './unit-of-work';

/** Records every statement TypeORM sends. */
class StatementLog extends AbstractLogger {
  readonly statements: string[] = [];
  protected writeLog(level: LogLevel, messages: LogMessage | string | number | (LogMessage | string | number)[]): void {
    if (level !== 'query') return;
    for (const message of Array.isArray(messages) ? messages : [messages]) {
      this.statements.push(typeof message === 'object' ? String(message.message) : String(message));
    }
  }
}

describe(UnitOfWork.name, () => {
  let dataSource: DataSource;
  let log: StatementLog;
  let uow: UnitOfWork;
  const rows = async (): Promise<string[]> => ((await dataSource.query('SELECT v FROM t ORDER BY v')) as { v: string }[]).map((row) => row.v);

  beforeEach(async () => {
    log = new StatementLog(['query']);
    dataSource = new DataSource({ type: 'sqlite', database: ':memory:', logging: ['query'], logger: log });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (v TEXT NOT NULL)');
    uow = new UnitOfWork(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('keeps a statement asked for during a transaction out of it, so that its rollback does not take the statement', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = uow.run(async (manager) => {
      await manager.query("INSERT INTO t (v) VALUES ('in the transaction')");
      await held;
      throw new Error('rolled back');
    });
    // Asked for while the transaction is open on the one connection.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const statement = uow.runStatement((manager) => manager.query("INSERT INTO t (v) VALUES ('alone')"));
    release();
    await expect(failing).rejects.toThrow('rolled back');
    await statement;
    expect(await rows()).toEqual(['alone']);
  });

  it('sends a statement without BEGIN and COMMIT around it, and a unit of work with them', async () => {
    await uow.runStatement((manager) => manager.query("INSERT INTO t (v) VALUES ('a')"));
    expect(log.statements.filter((s) => /^(BEGIN|COMMIT)/.test(s))).toEqual([]);
    await uow.run((manager) => manager.query("INSERT INTO t (v) VALUES ('b')"));
    expect(log.statements.filter((s) => /^(BEGIN|COMMIT)/.test(s))).toEqual(['BEGIN TRANSACTION', 'COMMIT']);
    expect(await rows()).toEqual(['a', 'b']);
  });

  it('runs a failed statement without blocking what is queued after it', async () => {
    await expect(uow.runStatement((manager) => manager.query('INSERT INTO missing (v) VALUES (1)'))).rejects.toThrow(/no such table/);
    await uow.runStatement((manager) => manager.query("INSERT INTO t (v) VALUES ('after')"));
    expect(await rows()).toEqual(['after']);
  });
});
