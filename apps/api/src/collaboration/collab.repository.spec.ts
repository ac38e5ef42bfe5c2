import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataSource } from '../database/data-source';
import { PreparedStatements } from '../database/prepared-statements';
import { UnitOfWork } from '../database/unit-of-work';
import { CollabRepository } from './collab.repository';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const plain = (data: readonly Uint8Array[]): number[][] => data.map((d) => [...d]);

/** The update log on a migrated SQLite database, as the server opens it (PostgreSQL runs it in the e2e suites). */
describe(CollabRepository.name, () => {
  let dir: string;
  let dataSource: DataSource;
  let statements: PreparedStatements;
  let repository: CollabRepository;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'collab-repository-'));
    dataSource = await openDataSource({ DATABASE_URL: undefined, SQLITE_PATH: join(dir, 'concord.sqlite') });
    await dataSource.runMigrations();
    statements = new PreparedStatements(dataSource);
    repository = new CollabRepository(dataSource, new UnitOfWork(dataSource), statements);
  });
  afterEach(async () => {
    await statements.onApplicationShutdown();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds an empty document once, and answers with exactly what a later load reads', async () => {
    await repository.appendBatch([{ document: 'other', data: bytes(9) }]);
    const seeded = await repository.seedIfEmpty('doc', () => bytes(1, 2, 3));
    expect({ ...seeded, updates: plain(seeded.updates) }).toEqual({ ...(await repository.load('doc')), updates: [[1, 2, 3]] });
    expect(seeded.lastSeq).toBeGreaterThan(1);
    let asked = false;
    const again = await repository.seedIfEmpty('doc', () => {
      asked = true;
      return bytes(4);
    });
    expect(asked).toBe(false);
    expect(plain(again.updates)).toEqual([[1, 2, 3]]);
    expect(again.lastSeq).toBe(seeded.lastSeq);
  });

  it('stores batches of every size in the order given, whether prepared (small) or not (large)', async () => {
    const sizes = [1, 2, 8, 9, 250];
    const expected: number[][] = [];
    for (const size of sizes) {
      const batch = Array.from({ length: size }, (_, i) => ({ document: 'doc', data: bytes(size % 256, i % 256, 0, 255) }));
      expected.push(...batch.map((entry) => [...entry.data]));
      await repository.appendBatch(batch);
    }
    const stored = await repository.load('doc');
    expect(plain(stored.updates)).toEqual(expected);
    expect(await repository.tailLength('doc')).toBe(expected.length);
  });

  it('stores nothing of a batch that fails, prepared or not', async () => {
    await repository.appendBatch([{ document: 'doc', data: bytes(1) }]);
    // A row without a document name breaks the NOT NULL constraint: nothing of its batch may be kept.
    const invalid = { document: null as unknown as string, data: bytes(2) };
    await expect(repository.appendBatch([{ document: 'doc', data: bytes(3) }, invalid])).rejects.toThrow(/NOT NULL/);
    const many = Array.from({ length: 300 }, (_, i) => ({ document: 'doc', data: bytes(i % 256) }));
    await expect(repository.appendBatch([...many, invalid])).rejects.toThrow(/NOT NULL/);
    expect(plain((await repository.load('doc')).updates)).toEqual([[1]]);
  });
});
