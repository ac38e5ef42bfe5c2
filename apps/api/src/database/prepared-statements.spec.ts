import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreparedStatements } from './prepared-statements';
import { UnitOfWork } from './unit-of-work';

describe(PreparedStatements.name, () => {
  let dir: string;
  let dataSource: DataSource;
  let statements: PreparedStatements;
  const INSERT = 'INSERT INTO t (v, b) VALUES (?, ?)';
  const rows = async (): Promise<{ v: string; b: Buffer }[]> => (await dataSource.query('SELECT v, b FROM t ORDER BY rowid')) as { v: string; b: Buffer }[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prepared-'));
    dataSource = new DataSource({ type: 'sqlite', database: join(dir, 'db.sqlite') });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (v TEXT NOT NULL, b BLOB)');
    statements = new PreparedStatements(dataSource);
  });
  afterEach(async () => {
    await statements.onApplicationShutdown();
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores what it runs, blobs byte for byte, in the order asked, with one statement prepared for many runs', async () => {
    await Promise.all(['a', 'b', 'c'].map((v, i) => statements.run(INSERT, [v, Buffer.from([i, 255, 0])])));
    expect(await rows()).toEqual([
      { v: 'a', b: Buffer.from([0, 255, 0]) },
      { v: 'b', b: Buffer.from([1, 255, 0]) },
      { v: 'c', b: Buffer.from([2, 255, 0]) },
    ]);
  });

  it('rejects a failed run with SQLite\'s error and keeps running the next ones', async () => {
    await expect(statements.run('INSERT INTO t (v) VALUES (?)', [null])).rejects.toThrow(/NOT NULL/);
    await statements.run(INSERT, ['after', null]);
    expect((await rows()).map((row) => row.v)).toEqual(['after']);
  });

  it('reports a statement that cannot be prepared on every call, and does not keep it', async () => {
    await expect(statements.run('INSERT INTO missing (v) VALUES (?)', ['x'])).rejects.toThrow(/no such table/);
    await dataSource.query('CREATE TABLE missing (v TEXT)');
    await statements.run('INSERT INTO missing (v) VALUES (?)', ['x']);
    expect(await dataSource.query('SELECT v FROM missing')).toEqual([{ v: 'x' }]);
  });

  it('runs inside a transaction of the same connection when asked from one, and is rolled back with it', async () => {
    const uow = new UnitOfWork(dataSource);
    await expect(
      uow.run(async () => {
        await statements.run(INSERT, ['rolled back', null]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await rows()).toEqual([]);
  });

  it('finalizes its statements at shutdown, so that the connection closes, and is no longer offered afterwards', async () => {
    await statements.run(INSERT, ['before', null]);
    expect(statements.available).toBe(true);
    await statements.onApplicationShutdown();
    expect(statements.available).toBe(false);
    await dataSource.destroy();
    expect(dataSource.isInitialized).toBe(false);
  });

  it('is not offered on a connection that is not sqlite3', () => {
    const postgres = new DataSource({ type: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(new PreparedStatements(postgres).available).toBe(false);
  });
});
