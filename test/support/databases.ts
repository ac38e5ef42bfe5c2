import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database made for one suite, and how to get rid of it. */
export interface ScratchDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** Environment variables that point the server at it. */
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

/** Why the PostgreSQL suites are skipped, or null when they run. */
export const POSTGRES_SKIP_REASON: string | null = process.env.TEST_DATABASE_URL
  ? null
  : 'skipped: TEST_DATABASE_URL is not set (.ci/run sets it to the local PostgreSQL)';

/** A fresh SQLite file in the temporary folder. */
export function scratchSqlite(): ScratchDatabase {
  const path = join(tmpdir(), `concord-test-${randomBytes(6).toString('hex')}.sqlite`);
  return {
    kind: 'sqlite',
    env: { SQLITE_PATH: path },
    async drop() {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

/** A fresh PostgreSQL database created beside TEST_DATABASE_URL's, so parallel runs never share one. */
export async function scratchPostgres(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The backends every persistence suite runs on. */
export const BACKENDS = [
  { name: 'SQLite', skip: null, create: async () => scratchSqlite() },
  { name: 'PostgreSQL', skip: POSTGRES_SKIP_REASON, create: scratchPostgres },
] as const;
