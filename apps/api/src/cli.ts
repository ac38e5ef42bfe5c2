import 'reflect-metadata';
import { isLanguage, type SignedRevisionBundle } from '@concord/domain';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyChain } from './audit/audit.service';
import { type RecordVerdict, verifyRecord } from './audit/record-verification';
import { AuditRepository } from './audit/audit.repository';
import type { AuthContext } from './auth/auth-context';
import { exitWith, prepare } from './boot';
import { AppException } from './common/app.exception';
import { loadEnv } from './config/env';
import { backupSqlite, manifestFile, restoreSqlite } from './database/backup';
import { databaseKind, openDataSource } from './database/data-source';
import { generateMigration } from './database/migration-generator';
import { download } from './download';
import { checkRevision, type RevisionCheck } from './revisions/revision-signature';
import { RevisionsRepository } from './revisions/revisions.repository';
import { verifyRevision } from './revisions/revision-verification';
import { PublicKey, ServerKey } from './signing/server-key';

const USAGE = `Usage: npm run concord -- <command>

Commands:
  db:migrate                         apply pending migrations to the configured database
  audit:verify [--public-key <pem file or URL>] [--head <seq>:<hash>]
                                     walk the audit hash chain, check its end against the signed head and the
                                     rows that signed revisions pin (and a head recorded earlier, if given);
                                     exit 1 at the first break
  revision:verify <id, symbol or file> [--public-key <pem file or URL>] [--server <url>] [--token t]
                                     verify a published revision: its SHA-256, the server's signature and, with
                                     database access, its publication record in the audit log. A file (from
                                     \`download --format signed\`) or --server needs only the public key; exit 1
                                     if it fails
  import <file> --committee <id> --language <ar|zh|en|fr|ru|es> --title <title> [--format text|markdown]
                                     import a base text (.txt, .md or .docx) as a new instrument
  download <revision> --server <url> --format akn|docx|html|signed [--lang xx] [--token t] [--out file]
                                     download a revision export, showing progress for large files
  backup <file>                      copy the embedded database to <file> while the server runs, with a manifest
                                     of its SHA-256 beside it (<file>.manifest.json); the signing key is not in it
  restore <file> [--public-key <pem file or URL>]
                                     bring a backup into SQLITE_PATH, which must not exist: checks its manifest and
                                     SQLite's integrity, migrates it, and verifies the audit chain and every
                                     revision's signature before it takes the database's name; exit 1 if any fails
  verify [--public-key <pem file or URL>]
                                     the audit chain and every published revision, as restore checks them (run it
                                     after restoring PostgreSQL with pg_restore)
  archive --committee <id> --out <folder>
                                     write the committee's record (revisions in every language and format,
                                     compilations, proposals with their history, comments, provision status, the
                                     audit log, the public key) into a new folder, with manifest.json and SHA256SUMS
  migration:generate <Name>          write a migration for the configured database from the entities
`;

// The command line acts with an administrator's rights, recorded in the audit log as "cli".
const CLI_USER: AuthContext = {
  user: { id: 'cli', email: 'cli@localhost', displayName: 'Command line', roles: ['admin'], delegationId: null, committeeId: '', active: true },
  subject: { userId: 'cli', roles: ['admin'], delegationId: null, committeeId: null },
  sessionId: 'cli',
  sessionExpiresAt: null,
};

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'db:migrate': {
      const env = loadEnv();
      const dataSource = await openDataSource(env);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.destroy();
      process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') + '\n' : 'The database is up to date.\n');
      return 0;
    }
    case 'audit:verify':
      return auditVerify(rest);
    case 'import':
      return importFile(rest);
    case 'backup':
      return backup(rest);
    case 'restore':
      return restore(rest);
    case 'verify':
      return verifyAll(rest);
    case 'archive':
      return archive(rest);
    case 'revision:verify':
      return revisionVerify(rest);
    case 'download': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { server: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' } },
      });
      const format = values.format;
      if (!positionals[0] || !values.server || (format !== 'akn' && format !== 'docx' && format !== 'html' && format !== 'signed')) {
        throw new Error('download needs <revision> --server <url> --format akn|docx|html|signed');
      }
      await download({ server: values.server, revision: positionals[0], format, language: values.lang, token: values.token, out: values.out });
      return 0;
    }
    case 'migration:generate': {
      const name = rest[0];
      if (!name) throw new Error('migration:generate needs a name, such as AddProposals');
      const env = loadEnv();
      const kind = databaseKind(env);
      const file = await generateMigration({ kind, name, sourceDir: process.cwd(), postgresUrl: env.DATABASE_URL });
      process.stdout.write(file ? `wrote ${file}\n` : `The ${kind} migrations already match the entities.\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command ? 0 : 1;
    default:
      process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
      return 1;
  }
}

/** The public key from a PEM file, a URL (a PEM or the JSON of /api/public/signing-key), or the server's key file. */
async function publicKeyFrom(source: string | undefined, server: string | undefined): Promise<PublicKey> {
  const url = source && /^https?:\/\//.test(source) ? source : !source && server ? `${server.replace(/\/+$/, '')}/api/public/signing-key` : null;
  if (url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot fetch the public key from ${url}: ${response.status}`);
    const text = await response.text();
    const pem = text.trimStart().startsWith('{') ? String((JSON.parse(text) as { publicKey?: unknown }).publicKey ?? '') : text;
    return PublicKey.fromPem(pem);
  }
  if (source) return PublicKey.fromPem(readFileSync(source, 'utf8'));
  return ServerKey.forFile(loadEnv().signingKeyFile(), { create: false }).public;
}

function printVerdict(symbol: string, check: RevisionCheck, key: PublicKey, detail: string): number {
  process.stdout.write(
    check.status === 'verified'
      ? `${symbol}: VERIFIED: SHA-256 ${check.computedHash} matches, signed by the key with fingerprint ${key.fingerprint}${detail}\n`
      : `${symbol}: FAILED: ${check.reason ?? ''} (computed SHA-256 ${check.computedHash}; key fingerprint ${key.fingerprint})\n`,
  );
  return check.status === 'verified' ? 0 : 1;
}

async function revisionVerify(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'public-key': { type: 'string' }, server: { type: 'string' }, token: { type: 'string' } },
  });
  const target = positionals[0];
  if (!target) throw new Error('revision:verify needs a revision id, document symbol or signed file, such as A/AC.291/22/Rev.1');
  if (existsSync(target) || values.server) {
    // Away from the database: the bundle's own content, metadata and signature, checked with the public key.
    const key = await publicKeyFrom(values['public-key'], values.server);
    const bundle = existsSync(target) ? readBundle(readFileSync(target, 'utf8'), target) : await fetchBundle(values.server ?? '', target, values.token);
    return printVerdict(bundle.symbol, checkRevision(bundle, key, 'offline'), key, ' (offline: the publication record in the audit log was not checked)');
  }
  const { env, dataSource } = await prepare();
  try {
    const key = values['public-key'] ? await publicKeyFrom(values['public-key'], undefined) : ServerKey.forFile(env.signingKeyFile(), { create: false }).public;
    const repository = new RevisionsRepository(dataSource);
    const revision = /^[0-9a-f-]{36}$/.test(target) ? await repository.findById(target) : await repository.findBySymbol(target);
    if (!revision) throw new Error(`no revision ${target}`);
    const [record] = revision.auditSeq === null ? [] : await new AuditRepository(dataSource).bySeq([revision.auditSeq]);
    const verdict = verifyRevision(revision, key, record ?? null);
    return printVerdict(revision.symbol, { status: verdict.status, reason: verdict.reason, computedHash: verdict.computedHash }, key, `, publication recorded in audit row ${revision.auditSeq ?? '?'}`);
  } finally {
    await dataSource.destroy();
  }
}

function readBundle(text: string, from: string): SignedRevisionBundle {
  let bundle: Partial<SignedRevisionBundle>;
  try {
    bundle = JSON.parse(text) as Partial<SignedRevisionBundle>;
  } catch {
    throw new Error(`${from} is not a signed revision (not JSON); download one with --format signed`);
  }
  if (bundle.format !== 'concord-signed-revision/1' || typeof bundle.content !== 'string' || typeof bundle.symbol !== 'string') {
    throw new Error(`${from} is not a signed revision (format concord-signed-revision/1); download one with --format signed`);
  }
  return bundle as SignedRevisionBundle;
}

async function fetchBundle(server: string, revision: string, token: string | undefined): Promise<SignedRevisionBundle> {
  const url = `${server.replace(/\/+$/, '')}/api/${token ? 'revisions' : 'public/revisions'}/${encodeURIComponent(revision)}/signed`;
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`cannot fetch ${url}: ${response.status}`);
  return readBundle(await response.text(), url);
}

async function auditVerify(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { 'public-key': { type: 'string' }, head: { type: 'string' } } });
  const expected = values.head ? /^(\d+):([0-9a-f]{64})$/.exec(values.head) : null;
  if (values.head && !expected) throw new Error('--head takes <seq>:<hash>, as audit:verify prints it');
  const { env, dataSource } = await prepare();
  try {
    // Without a key file (a database no server has started on yet) only an empty log, which has no head, passes.
    const key = values['public-key'] ? await publicKeyFrom(values['public-key'], undefined) : existsSync(env.signingKeyFile()) ? ServerKey.forFile(env.signingKeyFile(), { create: false }).public : null;
    if (!key) {
      const verdict = await verifyChain(new AuditRepository(dataSource), null);
      process.stdout.write(verdict.ok ? `Audit chain intact: ${verdict.rows} rows (no signing key at ${env.signingKeyFile()})\n` : `Audit chain BROKEN at row ${verdict.seq}: ${verdict.reason} (${verdict.rows} rows before it are intact)\n`);
      return verdict.ok ? 0 : 1;
    }
    const head = expected ? { seq: Number(expected[1]), hash: expected[2], what: 'the head given with --head' } : undefined;
    const verdict = await verifyRecord(dataSource, key, { head });
    process.stdout.write(`${verdict.chain}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

/** The audit chain and every published revision, as `restore` checks them: what to run after restoring PostgreSQL. */
async function verifyAll(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { 'public-key': { type: 'string' } } });
  const { env, dataSource } = await prepare();
  try {
    const key = values['public-key'] ? await publicKeyFrom(values['public-key'], undefined) : ServerKey.forFile(env.signingKeyFile(), { create: false }).public;
    const verdict = await verifyRecord(dataSource, key, { revisions: true });
    process.stdout.write(`${describeVerdict(verdict)}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

function describeVerdict(verdict: RecordVerdict): string {
  const revisions = `${verdict.revisions.verified} revision${verdict.revisions.verified === 1 ? '' : 's'} verified`;
  return [verdict.chain, verdict.revisions.failed.length ? `${revisions}; FAILED:\n  ${verdict.revisions.failed.join('\n  ')}` : revisions].join('\n');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

async function backup(args: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const target = positionals[0];
  if (!target) throw new Error('backup needs a file to write, such as backups/concord-2026-12-06.sqlite');
  const env = loadEnv();
  if (env.DATABASE_URL) throw new Error('backup copies the embedded SQLite database; for PostgreSQL use pg_dump as the README shows');
  const key = existsSync(env.signingKeyFile()) ? ServerKey.forFile(env.signingKeyFile(), { create: false }).public : null;
  let shown = -1;
  const manifest = await backupSqlite(env.SQLITE_PATH, target, key, (done, total) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    process.stderr.write(`backup: ${percent}% (${megabytes(done)} of ${megabytes(total)})\n`);
  });
  process.stdout.write(
    `Backed up ${env.SQLITE_PATH} to ${target} (${megabytes(manifest.bytes)}, SHA-256 ${manifest.sha256}, ${manifest.auditRows} audit rows, schema ${manifest.migration ?? 'empty'}); manifest ${manifestFile(target)}\n` +
      `The signing key (${env.signingKeyFile()}) is not in the backup: keep a copy of it apart.\n`,
  );
  return 0;
}

async function restore(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { 'public-key': { type: 'string' } } });
  const source = positionals[0];
  if (!source) throw new Error('restore needs the backup file, such as backups/concord-2026-12-06.sqlite');
  const env = loadEnv();
  if (env.DATABASE_URL) throw new Error('restore brings back an embedded SQLite backup; for PostgreSQL use pg_restore, then `concord verify`, as the README shows');
  const keyFile = env.signingKeyFile();
  const trusted = values['public-key']
    ? { key: await publicKeyFrom(values['public-key'], undefined), source: values['public-key'] }
    : existsSync(keyFile)
      ? { key: ServerKey.forFile(keyFile, { create: false }).public, source: keyFile }
      : null;
  const result = await restoreSqlite(source, env.SQLITE_PATH, trusted);
  const lines = [`Restored ${source} to ${env.SQLITE_PATH}${result.migrationsApplied.length ? ` (applied ${result.migrationsApplied.join(', ')})` : ''}`, describeVerdict(result.verdict), `Verified with ${result.keySource}.`];
  if (!existsSync(keyFile)) lines.push(`Put the server's signing key file (fingerprint ${result.keyFingerprint}) at ${keyFile} before starting the server: without it the server cannot sign new audit rows.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function archive(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { committee: { type: 'string' }, out: { type: 'string' } } });
  if (!values.committee || !values.out) throw new Error('archive needs --committee <id> --out <folder>');
  const out = resolve(values.out);
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty; archive writes into a new folder`);
  const { env, dataSource } = await prepare();
  const [{ NestFactory }, { AppModule }, { ArchiveService }] = await Promise.all([import('@nestjs/core'), import('./app.module'), import('./archive/archive.service')]);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, dataSource), { logger: false });
  try {
    const { files, manifest } = await app.get(ArchiveService).build(CLI_USER, values.committee, (path) => process.stderr.write(`archive: ${path}\n`));
    for (const file of files) {
      const target = join(out, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.body, { flag: 'wx' });
    }
    const bytes = files.reduce((sum, file) => sum + file.body.length, 0);
    process.stdout.write(`Archived ${manifest.committee.name} into ${out}: ${files.length} files, ${megabytes(bytes)}; check it with: cd ${out} && sha256sum -c SHA256SUMS\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppException) throw new Error(`${error.code}: ${error.message}`);
    throw error;
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

async function importFile(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { committee: { type: 'string' }, language: { type: 'string' }, title: { type: 'string' }, format: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || !values.committee || !values.language || !values.title) throw new Error('import needs <file> --committee <id> --language <code> --title <title>');
  if (!isLanguage(values.language)) throw new Error(`--language must be one of ar, zh, en, fr, ru, es (got "${values.language}")`);
  const extension = extname(file).toLowerCase();
  const content = readFileSync(file);
  const { env, dataSource } = await prepare();
  // Loaded here, not at the top: the whole application takes seconds to load, and only import needs it.
  const [{ NestFactory }, { AppModule }, { InstrumentsService }] = await Promise.all([import('@nestjs/core'), import('./app.module'), import('./instruments/instruments.service')]);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, dataSource), { logger: false });
  try {
    const service = app.get(InstrumentsService);
    const titles = { [values.language]: values.title };
    const format = values.format === 'markdown' || extension === '.md' ? 'markdown' : 'text';
    const result =
      extension === '.docx'
        ? await service.import(CLI_USER, values.committee, { titles, originalLanguage: values.language }, { buffer: content, originalname: file, size: content.length })
        : await service.import(CLI_USER, values.committee, { titles, originalLanguage: values.language, format, content: content.toString('utf8') });
    process.stdout.write(`Imported instrument ${result.id}${result.warnings.length ? `\nwarnings:\n  ${result.warnings.join('\n  ')}` : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppException) throw new Error(`${error.code}: ${error.message}`);
    throw error;
  } finally {
    await app.close();
    await dataSource.destroy();
  }
}

run(process.argv.slice(2)).then((code) => process.exit(code), exitWith);
