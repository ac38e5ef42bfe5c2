import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './wal-checkpointer';

describe(WalCheckpointer.name, () => {
  let folder: string;
  let dataSource: DataSource;
  let checkpointer: WalCheckpointer;
  const autocheckpoint = async (): Promise<number> => ((await dataSource.query('PRAGMA wal_autocheckpoint')) as { wal_autocheckpoint: number }[])[0].wal_autocheckpoint;
  const write = async (rows: number): Promise<void> => {
    for (let i = 0; i < rows; i += 1) await dataSource.query('INSERT INTO t (v) VALUES (?)', ['x'.repeat(3000)]);
  };

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
    dataSource = new DataSource({ type: 'sqlite', database: join(folder, 'db.sqlite'), enableWAL: true });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (v TEXT NOT NULL)');
    checkpointer = new WalCheckpointer(dataSource);
  });
  afterEach(async () => {
    await checkpointer.stop();
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it("takes checkpoints away from the server's connection while it runs, and gives them back when it stops", async () => {
    expect(await autocheckpoint()).toBe(1000);
    await checkpointer.start();
    expect(await autocheckpoint()).toBe(0);
    await checkpointer.stop();
    expect(await autocheckpoint()).toBe(1000);
  });

  it('copies every committed page of the log into the database file, so that the log is reused instead of growing', async () => {
    await checkpointer.start();
    // 1,500 pages or so: past the 1,000 at which the server's connection would have checkpointed by itself.
    await write(1500);
    const first = await checkpointer.checkpoint();
    expect(first.busy).toBe(false);
    expect(first.logFrames).toBeGreaterThan(1000);
    expect(first.checkpointedFrames).toBe(first.logFrames);
    const logBytes = statSync(join(folder, 'db.sqlite-wal')).size;
    // The next writes start the log over, and it stays the size it was.
    await write(1500);
    expect((await checkpointer.checkpoint()).checkpointedFrames).toBeGreaterThan(1000);
    expect(statSync(join(folder, 'db.sqlite-wal')).size).toBeLessThanOrEqual(logBytes * 1.1);
    expect(((await dataSource.query('SELECT count(*) AS n FROM t')) as { n: number }[])[0].n).toBe(3000);
  });

  it('checkpoints by itself every second', async () => {
    await checkpointer.start();
    const file = join(folder, 'db.sqlite');
    const before = statSync(file).size;
    await write(200);
    // Until a checkpoint, the rows are in the log only; the database file has not grown.
    expect(statSync(file).size).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(statSync(file).size).toBeGreaterThan(before + 200 * 3000);
  });

  it('does nothing on a database held in memory', async () => {
    const memory = new DataSource({ type: 'sqlite', database: ':memory:' });
    await memory.initialize();
    const idle = new WalCheckpointer(memory);
    await idle.start();
    await expect(idle.checkpoint()).rejects.toThrow('not running');
    await idle.stop();
    await memory.destroy();
  });
});
