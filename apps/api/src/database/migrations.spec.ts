import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { schemaDrift } from './migration-generator';

const postgresUrl = process.env.TEST_DATABASE_URL;

async function withScratchPostgres(adminUrl: string, use: (url: string) => Promise<void>): Promise<void> {
  const name = `concord_drift_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe(schemaDrift.name, () => {
  it('finds nothing to change on SQLite once every migration has run', async () => {
    expect((await schemaDrift('sqlite')).up).toEqual([]);
  });

  it.skipIf(!postgresUrl)(
    `finds nothing to change on PostgreSQL once every migration has run${postgresUrl ? '' : ' (skipped: TEST_DATABASE_URL is not set)'}`,
    async () => {
      await withScratchPostgres(postgresUrl ?? '', async (url) => {
        expect((await schemaDrift('postgres', url)).up).toEqual([]);
      });
    },
  );
});
