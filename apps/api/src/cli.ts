import 'reflect-metadata';
import { isLanguage } from '@concord/domain';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { AuditRepository } from './audit/audit.repository';
import type { AuthContext } from './auth/auth-context';
import { exitWith, prepare } from './boot';
import { AppException } from './common/app.exception';
import { loadEnv } from './config/env';
import { databaseKind, openDataSource } from './database/data-source';
import { generateMigration } from './database/migration-generator';
import { download } from './download';
import { InstrumentsService } from './instruments/instruments.service';
import { RevisionsRepository } from './revisions/revisions.repository';
import { verifyRevision } from './revisions/revisions.service';

const USAGE = `Usage: npm run concord -- <command>

Commands:
  db:migrate                         apply pending migrations to the configured database
  audit:verify                       walk the audit hash chain; exit 1 at the first broken link
  revision:verify <id or symbol>     recompute a published revision's SHA-256; exit 1 if it does not match
  import <file> --committee <id> --language <ar|zh|en|fr|ru|es> --title <title> [--format text|markdown]
                                     import a base text (.txt, .md or .docx) as a new instrument
  download <revision> --server <url> --format akn|docx|html [--lang xx] [--token t] [--out file]
                                     download a revision export, showing progress for large files
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
    case 'audit:verify': {
      const { dataSource } = await prepare();
      const verdict = await new AuditService(new AuditRepository(dataSource)).verify();
      await dataSource.destroy();
      if (verdict.ok) {
        process.stdout.write(`Audit chain intact: ${verdict.rows} rows, last hash ${verdict.lastHash}\n`);
        return 0;
      }
      process.stdout.write(`Audit chain BROKEN at row ${verdict.seq}: ${verdict.reason} (${verdict.rows} rows before it are intact)\n`);
      return 1;
    }
    case 'import':
      return importFile(rest);
    case 'revision:verify': {
      const key = rest[0];
      if (!key) throw new Error('revision:verify needs a revision id or document symbol, such as A/AC.291/22/Rev.1');
      const { dataSource } = await prepare();
      const repository = new RevisionsRepository(dataSource);
      const revision = /^[0-9a-f-]{36}$/.test(key) ? await repository.findById(key) : await repository.findBySymbol(key);
      if (!revision) {
        await dataSource.destroy();
        throw new Error(`no revision ${key}`);
      }
      const verdict = verifyRevision(revision);
      await dataSource.destroy();
      process.stdout.write(
        verdict.ok
          ? `${verdict.symbol}: intact (SHA-256 ${verdict.storedHash})\n`
          : `${verdict.symbol}: ALTERED: ${verdict.reason ?? ''} (stored ${verdict.storedHash}, computed ${verdict.computedHash})\n`,
      );
      return verdict.ok ? 0 : 1;
    }
    case 'download': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { server: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, token: { type: 'string' }, out: { type: 'string' } },
      });
      const format = values.format;
      if (!positionals[0] || !values.server || (format !== 'akn' && format !== 'docx' && format !== 'html')) {
        throw new Error('download needs <revision> --server <url> --format akn|docx|html');
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
