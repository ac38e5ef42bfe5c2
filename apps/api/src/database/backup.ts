import { createHash } from 'node:crypto';
import { constants, copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { type RecordVerdict, verifyRecord } from '../audit/record-verification';
import { PublicKey } from '../signing/server-key';
import { dataSourceOptions } from './data-source';
import { all, close, exec, open } from './sqlite-file';

/** What `backup` writes beside the database copy, and `restore` checks before trusting the copy. */
export interface BackupManifest {
  readonly format: 'concord-backup/1';
  /** When the copy's read transaction began: it holds every change committed before then. */
  readonly createdAt: string;
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** The last migration the copy had applied. */
  readonly migration: string | null;
  readonly auditRows: number;
  /** The public half of the server's signing key when the backup was taken; the private half is never in backups. */
  readonly publicKey: string | null;
  readonly keyFingerprint: string | null;
}

export type Progress = (done: number, total: number) => void;

/** The manifest's file name for a backup file. */
export function manifestFile(backup: string): string {
  return `${backup}.manifest.json`;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Copies the embedded database to `target` while the server runs and edits arrive. `VACUUM INTO` reads the
 * database in one read transaction, so the copy is exactly the database as it was when the backup began: in WAL
 * mode that transaction does not hold up the server's writes, and every change committed before it (which is
 * everything any client has seen, since the server stores each update before relaying it) is in the copy.
 * Progress is the copy's size against the pages in use.
 */
export async function backupSqlite(source: string, target: string, key: PublicKey | null, progress: Progress): Promise<BackupManifest> {
  const from = resolve(source);
  const to = resolve(target);
  if (!existsSync(from)) throw new Error(`SQLITE_PATH: there is no database at ${from} to back up`);
  if (existsSync(to)) throw new Error(`${to} already exists; backups never overwrite a file, name a new one`);
  if (!existsSync(dirname(to))) throw new Error(`the folder ${dirname(to)} does not exist`);
  const startedAt = new Date().toISOString();
  const db = await open(from, sqlite3.OPEN_READWRITE);
  try {
    await exec(db, 'PRAGMA busy_timeout = 5000');
    const [{ page_count: pages }] = await all<{ page_count: number }>(db, 'PRAGMA page_count');
    const [{ freelist_count: free }] = await all<{ freelist_count: number }>(db, 'PRAGMA freelist_count');
    const [{ page_size: pageSize }] = await all<{ page_size: number }>(db, 'PRAGMA page_size');
    const total = Math.max(1, (pages - free) * pageSize);
    const timer = setInterval(() => {
      if (existsSync(to)) progress(Math.min(statSync(to).size, total), total);
    }, 250);
    try {
      await exec(db, 'VACUUM INTO ?', [to]);
    } catch (error) {
      rmSync(to, { force: true });
      throw new Error(`the backup failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearInterval(timer);
    }
    progress(statSync(to).size, statSync(to).size);
  } finally {
    await close(db);
  }
  try {
    const manifest = await describe(to, key, startedAt);
    writeFileSync(manifestFile(to), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    return manifest;
  } catch (error) {
    rmSync(to, { force: true });
    throw error;
  }
}

async function describe(to: string, key: PublicKey | null, createdAt: string): Promise<BackupManifest> {
  const copy = await open(to, sqlite3.OPEN_READONLY);
  let migration: string | null = null;
  let auditRows = 0;
  try {
    const [last] = await all<{ name: string }>(copy, 'SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
    migration = last?.name ?? null;
    const [count] = await all<{ n: number }>(copy, 'SELECT COUNT(*) AS n FROM audit_log');
    auditRows = count?.n ?? 0;
  } finally {
    await close(copy);
  }
  return {
    format: 'concord-backup/1',
    createdAt,
    file: basename(to),
    bytes: statSync(to).size,
    sha256: await sha256Of(to),
    migration,
    auditRows,
    publicKey: key?.pem ?? null,
    keyFingerprint: key?.fingerprint ?? null,
  };
}

/** Reads and checks a backup's manifest; every refusal names what is wrong. */
export async function readManifest(backup: string): Promise<BackupManifest> {
  const file = resolve(backup);
  if (!existsSync(file)) throw new Error(`there is no backup at ${file}`);
  const path = manifestFile(file);
  if (!existsSync(path)) throw new Error(`the backup has no manifest (${path}); restore only takes a backup written by \`concord backup\``);
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new Error(`the manifest ${path} is not JSON: it is damaged`);
  }
  if (manifest.format !== 'concord-backup/1' || typeof manifest.sha256 !== 'string' || typeof manifest.bytes !== 'number') {
    throw new Error(`the manifest ${path} is not a Concord backup manifest (format concord-backup/1)`);
  }
  const size = statSync(file).size;
  if (size !== manifest.bytes) throw new Error(`the backup is ${size} bytes but its manifest says ${manifest.bytes}: the file is damaged or incomplete`);
  const hash = await sha256Of(file);
  if (hash !== manifest.sha256) throw new Error(`the backup's SHA-256 is ${hash} but its manifest says ${manifest.sha256}: the file is damaged or was changed`);
  return manifest as BackupManifest;
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  readonly verdict: RecordVerdict;
  readonly keySource: string;
  readonly keyFingerprint: string;
  readonly migrationsApplied: readonly string[];
}

/**
 * Brings a backup into an empty place: checks the manifest's hash, SQLite's own integrity check, brings the
 * schema up to this version, and verifies the audit chain and every revision's signature with the key. Only then
 * does the copy take the database's name; a backup that fails any check leaves nothing behind.
 */
export async function restoreSqlite(backup: string, target: string, trusted: { readonly key: PublicKey; readonly source: string } | null): Promise<RestoreResult> {
  const to = resolve(target);
  for (const file of [to, `${to}-wal`, `${to}-shm`]) {
    if (existsSync(file)) throw new Error(`SQLITE_PATH: ${file} exists; restore brings a backup into an empty place, so move it away or set SQLITE_PATH to a new file`);
  }
  const manifest = await readManifest(backup);
  const key = trusted ?? (manifest.publicKey ? { key: PublicKey.fromPem(manifest.publicKey), source: `the key recorded in the backup's manifest (fingerprint ${manifest.keyFingerprint ?? '?'}); compare it with the one your server publishes at /api/public/signing-key` } : null);
  if (!key) throw new Error('no public key to verify the backup with: give --public-key, or SIGNING_KEY_FILE');
  if (manifest.keyFingerprint && manifest.keyFingerprint !== key.key.fingerprint) {
    throw new Error(`the backup was signed with the key ${manifest.keyFingerprint}, not ${key.key.fingerprint} (${key.source})`);
  }
  const staging = `${to}.restoring-${process.pid}`;
  const cleanup = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${staging}${suffix}`, { force: true });
  };
  cleanup();
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(resolve(backup), staging, constants.COPYFILE_EXCL);
  let dataSource: DataSource | null = null;
  try {
    dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: undefined, SQLITE_PATH: staging }));
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new Error(`the backup is not a database Concord can open: ${error instanceof Error ? error.message : String(error)}`);
    }
    const integrity = (await dataSource.query('PRAGMA integrity_check')) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
      throw new Error(`SQLite's integrity check of the backup failed: ${integrity.map((row) => row.integrity_check).slice(0, 3).join('; ')}`);
    }
    const known = new Set(dataSource.migrations.map((migration) => migration.name));
    const applied = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    const unknown = applied.filter((row) => !known.has(row.name)).map((row) => row.name);
    if (unknown.length) throw new Error(`the backup comes from a newer version of Concord (migrations ${unknown.join(', ')}); restore it with that version`);
    const migrated = await dataSource.runMigrations({ transaction: 'each' });
    const verdict = await verifyRecord(dataSource, key.key, { revisions: true });
    if (!verdict.ok) {
      const reasons = [verdict.chain, ...verdict.revisions.failed.map((line) => `revision ${line}`)].filter((line) => line.startsWith('Audit chain BROKEN') || line.startsWith('revision '));
      throw new Error(`the backup does not verify: ${reasons.join('; ')}`);
    }
    await dataSource.destroy();
    dataSource = null;
    renameSync(staging, to);
    return { manifest, verdict, keySource: key.source, keyFingerprint: key.key.fingerprint, migrationsApplied: migrated.map((migration) => migration.name) };
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
    cleanup();
  }
}
