import { consolidatedDocument } from '@concord/domain';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, synced, until } from '../support/collab';
import { POSTGRES_SKIP_REASON, scratchPostgres, scratchSqlite, type ScratchDatabase } from '../support/databases';
import { client, login, runCli, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;
const run = promisify(execFile);
// The command line loads in seconds on a busy machine, and a backup of a busy server waits for its writes.
const SLOW = 180_000;

async function firstConsolidatedDraft(server: TestServer, token: string): Promise<{ instrumentId: string; document: string }> {
  const committees = (await client(server).get('/api/committees')).body.items as Json[];
  const instruments = (await client(server, token).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
  return { instrumentId: String(instruments[0].id), document: consolidatedDocument(String(instruments[0].id), 'en') };
}

/** Runs SQL against a SQLite file outside any server, as an attacker or a failing disk would change it. */
function sqliteExec(file: string, statements: string): Promise<void> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return fail(error);
      db.exec(statements, (failure) => db.close(() => (failure ? fail(failure) : done())));
    });
  });
}

describe('Backup and restore of the embedded database (SQLite)', () => {
  let server: TestServer;
  let token: string;
  let document: string;
  let scratch: string;
  const providers: WebsocketProvider[] = [];
  const cliEnv = () => ({ SQLITE_PATH: server.env.SQLITE_PATH, SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE });

  beforeAll(async () => {
    server = await startServer(scratchSqlite());
    scratch = mkdtempSync(join(tmpdir(), 'concord-backup-'));
    token = await login(server, 'secretariat@concord.test');
    const instrumentId = (await firstConsolidatedDraft(server, token)).instrumentId;
    document = consolidatedDocument(instrumentId, 'en');
    // Something signed to verify after the restore: a published revision.
    const published = await client(server, token).post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' });
    expect(published.status).toBe(201);
  }, SLOW);
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up a server while writers type, and a server started on the restored copy has every update any client had seen before the backup began', async () => {
    const writers = Array.from({ length: 3 }, () => provider(server, document, token));
    const watcher = provider(server, document, token);
    providers.push(...writers, watcher);
    await Promise.all([...writers, watcher].map(synced));
    const received = new Set<string>();
    watcher.doc.getArray<string>('backup-probe').observe((event) => event.changes.added.forEach((item) => item.content.getContent().forEach((id) => received.add(String(id)))));
    let counter = 0;
    const timers = writers.map((w, i) => setInterval(() => w.doc.getArray<string>('backup-probe').push([`${i}-${counter++}`]), 5));
    let seenBefore: Set<string>;
    let backup: Awaited<ReturnType<typeof runCli>>;
    const file = join(scratch, 'busy.sqlite');
    try {
      await until(() => received.size > 100, 'updates to flow');
      seenBefore = new Set(received);
      backup = await runCli(['backup', file], cliEnv());
      // The writers went on while the backup ran.
      await until(() => received.size > seenBefore.size + 20, 'updates during and after the backup');
    } finally {
      timers.forEach(clearInterval);
    }
    expect(backup.stderr).toMatch(/backup: 100% \(/);
    expect(backup.stdout).toMatch(/^Backed up .* \(.*SHA-256 [0-9a-f]{64}, \d+ audit rows, schema \w+\); manifest .*busy\.sqlite\.manifest\.json/);
    expect(backup.status).toBe(0);
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as Json;
    expect(manifest).toMatchObject({ format: 'concord-backup/1', file: 'busy.sqlite', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(String(manifest.publicKey)).toContain('BEGIN PUBLIC KEY');

    // Restore into an empty folder, with the server's key file copied apart, as an operator would.
    const folder = join(scratch, 'restored');
    const restoredKey = join(scratch, 'restored-key.pem');
    copyFileSync(server.env.SIGNING_KEY_FILE, restoredKey);
    const target = join(folder, 'concord.sqlite');
    const restored = await runCli(['restore', file], { SQLITE_PATH: target, SIGNING_KEY_FILE: restoredKey });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^Restored .*busy\.sqlite to .*concord\.sqlite\nAudit chain intact: \d+ rows, signed head/);
    expect(restored.stdout).toContain('1 revision verified');
    expect(restored.status).toBe(0);

    const database: ScratchDatabase = { kind: 'sqlite', env: { SQLITE_PATH: target }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
    const second = await startServer(database, { SIGNING_KEY_FILE: restoredKey });
    try {
      const reader = provider(second, document, await login(second, 'secretariat@concord.test'));
      providers.push(reader);
      await synced(reader);
      const held = new Set(reader.doc.getArray<string>('backup-probe').toArray());
      const missing = [...seenBefore].filter((id) => !held.has(id));
      expect(missing).toEqual([]);
      // The restored server goes on appending to the same signed chain.
      const verify = await runCli(['verify'], { SQLITE_PATH: target, SIGNING_KEY_FILE: restoredKey });
      expect(verify.stdout).toMatch(/^Audit chain intact/);
      expect(verify.status).toBe(0);
    } finally {
      await second.close();
    }
  }, SLOW);

  it('refuses a damaged backup with the reason, and leaves nothing where the database would go', async () => {
    const file = join(scratch, 'quiet.sqlite');
    expect((await runCli(['backup', file], cliEnv())).status).toBe(0);
    // Backups never overwrite.
    const again = await runCli(['backup', file], cliEnv());
    expect(again.stderr).toContain('already exists; backups never overwrite a file');
    expect(again.status).toBe(1);

    const target = join(scratch, 'refused', 'concord.sqlite');
    const env = { SQLITE_PATH: target, SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE };
    const attempt = async (name: string, damage: (copy: string) => Promise<void> | void) => {
      const copy = join(scratch, `${name}.sqlite`);
      copyFileSync(file, copy);
      copyFileSync(`${file}.manifest.json`, `${copy}.manifest.json`);
      await damage(copy);
      const result = await runCli(['restore', copy], env);
      expect(result.status, name).toBe(1);
      expect(existsSync(target), name).toBe(false);
      return result.stderr;
    };
    const rehash = async (copy: string) => {
      const { stdout } = await run('sha256sum', [copy]);
      const manifest = JSON.parse(readFileSync(`${copy}.manifest.json`, 'utf8')) as Json;
      writeFileSync(`${copy}.manifest.json`, JSON.stringify({ ...manifest, sha256: stdout.split(' ')[0], bytes: readFileSync(copy).length }));
    };

    // A flipped byte: the manifest's hash says so.
    expect(
      await attempt('flipped', (copy) => {
        const bytes = readFileSync(copy);
        bytes[bytes.length - 100] ^= 0xff;
        writeFileSync(copy, bytes);
      }),
    ).toMatch(/the backup's SHA-256 is [0-9a-f]{64} but its manifest says [0-9a-f]{64}: the file is damaged or was changed/);
    // Cut short.
    expect(await attempt('truncated', (copy) => writeFileSync(copy, readFileSync(copy).subarray(0, 4096)))).toMatch(/the backup is 4096 bytes but its manifest says \d+/);
    // No manifest.
    expect(await attempt('bare', (copy) => rmSync(`${copy}.manifest.json`))).toContain('the backup has no manifest');
    // Pages damaged and the manifest recomputed to match: SQLite's own check or opening it finds out.
    expect(
      await attempt('pages', async (copy) => {
        const bytes = readFileSync(copy);
        for (let at = 8192; at < bytes.length - 4096; at += 4096) bytes.fill(0x5a, at + 40, at + 400);
        writeFileSync(copy, bytes);
        await rehash(copy);
      }),
    ).toMatch(/integrity check of the backup failed|not a database Concord can open|does not verify/);
    // An audit row rewritten inside the copy (its guard dropped), with the manifest recomputed: the signed chain finds out.
    expect(
      await attempt('rewritten', async (copy) => {
        await sqliteExec(copy, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{\"forged\":true}' WHERE seq = 2;");
        await rehash(copy);
      }),
    ).toMatch(/the backup does not verify: Audit chain BROKEN at row 2/);
    // Not a database at all.
    expect(
      await attempt('text', async (copy) => {
        writeFileSync(copy, 'not a database');
        await rehash(copy);
      }),
    ).toMatch(/not a database Concord can open/);
  }, SLOW);

  it('refuses to restore over an existing database', async () => {
    const file = join(scratch, 'over.sqlite');
    expect((await runCli(['backup', file], cliEnv())).status).toBe(0);
    const result = await runCli(['restore', file], cliEnv());
    expect(result.stderr).toContain('exists; restore brings a backup into an empty place');
    expect(result.status).toBe(1);
  }, SLOW);
});

describe.skipIf(POSTGRES_SKIP_REASON !== null)(`Verification after a PostgreSQL restore with pg_dump and pg_restore${POSTGRES_SKIP_REASON ? ` (${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;
  let restored: ScratchDatabase;
  let scratch: string;

  beforeAll(async () => {
    server = await startServer(await scratchPostgres());
    restored = await scratchPostgres();
    scratch = mkdtempSync(join(tmpdir(), 'concord-pgbackup-'));
    const token = await login(server, 'secretariat@concord.test');
    const { instrumentId } = await firstConsolidatedDraft(server, token);
    expect((await client(server, token).post(`/api/instruments/${instrumentId}/revisions`, { tier: 'public', symbol: 'A/AC.291/22', date: '2027-01-10' })).status).toBe(201);
  }, SLOW);
  afterAll(async () => {
    await server?.close();
    await restored?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('verifies the audit chain and every revision of a restored database, and fails one altered after the dump', async () => {
    const dump = join(scratch, 'concord.dump');
    await run('pg_dump', ['--format=custom', `--file=${dump}`, server.env.DATABASE_URL]);
    await run('pg_restore', ['--no-owner', `--dbname=${restored.env.DATABASE_URL}`, dump]);
    const env = { DATABASE_URL: restored.env.DATABASE_URL, SIGNING_KEY_FILE: server.env.SIGNING_KEY_FILE };
    const verified = await runCli(['verify'], env);
    expect(verified.stdout).toMatch(/^Audit chain intact: \d+ rows, signed head \d+:[0-9a-f]{64} .*; 1 signed pins checked\n1 revision verified/);
    expect(verified.status).toBe(0);
    const restore = await runCli(['restore', dump], env);
    expect(restore.stderr).toContain('for PostgreSQL use pg_restore, then `concord verify`');
    expect(restore.status).toBe(1);

    const { Client } = (await import('pg')).default;
    const sql = new Client({ connectionString: restored.env.DATABASE_URL });
    await sql.connect();
    try {
      await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await sql.query(`UPDATE audit_log SET after = '{"forged":true}' WHERE seq = 2`);
    } finally {
      await sql.end();
    }
    const broken = await runCli(['verify'], env);
    expect(broken.stdout).toMatch(/^Audit chain BROKEN at row 2/);
    expect(broken.status).toBe(1);
  }, SLOW);
});
