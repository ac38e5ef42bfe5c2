import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scratchSqlite } from '../support/databases';
import { CLI, MAIN, freePort } from '../support/server';

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('Server start-up', () => {
  it.each([
    ['PORT', { PORT: 'abc' }, /^concord: Invalid environment: PORT must be an integer between 1 and 65535 \(got "abc"\)\n$/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /^concord: Invalid environment: DATABASE_URL must be a postgres:\/\/ .*\n$/],
    ['LOGIN_ATTEMPTS_PER_MINUTE', { LOGIN_ATTEMPTS_PER_MINUTE: '0' }, /^concord: Invalid environment: LOGIN_ATTEMPTS_PER_MINUTE /],
    ['DEMO_SEED', { DEMO_SEED: 'maybe' }, /^concord: Invalid environment: DEMO_SEED must be true or false/],
  ])('stops with one line naming %s when its value is bad', (_name, env, expected) => {
    const database = scratchSqlite();
    const result = run(MAIN, { ...database.env, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
  });

  it('stops with one line naming DATABASE_URL when PostgreSQL cannot be reached, without showing the password', async () => {
    const port = await freePort();
    const result = run(MAIN, { DATABASE_URL: `postgres://concord:s3cret@127.0.0.1:${port}/concord` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^concord: DATABASE_URL: cannot connect to postgres://concord:\\*\\*\\*@127\\.0\\.0\\.1:${port}/concord: .+\\n$`));
    expect(result.stderr).not.toContain('s3cret');
  });

  it('migrates a new SQLite database from the command line, then finds it up to date', async () => {
    const database = scratchSqlite();
    try {
      const applied = run(CLI, database.env, ['db:migrate']).stdout.trim().split('\n');
      expect(applied[0]).toMatch(/^applied Foundation\d+$/);
      expect(applied.at(-1)).toMatch(/^applied AgreedTextAndNumbering\d+$/);
      expect(run(CLI, database.env, ['db:migrate']).stdout).toBe('The database is up to date.\n');
      const verify = run(CLI, database.env, ['audit:verify']);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/^Audit chain intact: 0 rows/);
    } finally {
      await database.drop();
    }
  });

  it('refuses an unknown command with the usage', () => {
    const result = run(CLI, scratchSqlite().env, ['frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });
});
