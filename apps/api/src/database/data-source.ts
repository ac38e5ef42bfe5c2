import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { type Env, redactUrl } from '../config/env';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres/index';
import { SQLITE_MIGRATIONS } from './migrations/sqlite/index';

/** Which database engine a data source talks to. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Raised when the configured database cannot be opened; the message names the variable to fix. */
export class DatabaseConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConnectError';
  }
}

/**
 * `timestamp` columns hold UTC: read them as UTC and write Dates as UTC, whatever the server's time zone. The
 * driver is loaded here rather than at import, so that a server on SQLite never holds it.
 */
async function configurePostgres(): Promise<void> {
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
  pg.defaults.parseInputDatesAsUTC = true;
}

/**
 * The sqlite3 driver as TypeORM is given it. TypeORM turns on the driver's verbose mode, which wraps every call
 * to record a stack trace and format its arguments with `util.inspect` (each update's bytes included): several
 * times the cost of the query itself on the collaboration server's write path. Errors still carry SQLite's
 * message and TypeORM's query; only the extra stack of the asynchronous call is left out.
 */
const QUIET_SQLITE: typeof sqlite3 = Object.create(sqlite3, { verbose: { value: () => sqlite3 } }) as typeof sqlite3;

/** The database engine the settings select. */
export function databaseKind(env: Pick<Env, 'DATABASE_URL'>): DatabaseKind {
  return env.DATABASE_URL ? 'postgres' : 'sqlite';
}

/** The migrations of one engine, oldest first. */
export function migrationsFor(kind: DatabaseKind): Array<new () => MigrationInterface> {
  return kind === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
}

/**
 * TypeORM options for the configured database. Schema changes come only from migrations. SQLite runs in WAL
 * mode so that readers go on while a write commits (TypeORM also turns its foreign keys on).
 */
export function dataSourceOptions(env: Pick<Env, 'DATABASE_URL' | 'SQLITE_PATH'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: migrationsFor(databaseKind(env)),
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error' as const],
  };
  if (env.DATABASE_URL) {
    return { ...common, type: 'postgres', url: env.DATABASE_URL, connectTimeoutMS: 5000, extra: { max: 10 } };
  }
  return { ...common, type: 'sqlite', driver: QUIET_SQLITE, database: resolve(env.SQLITE_PATH), enableWAL: true, busyTimeout: 5000 };
}

/** Opens the database, creating the SQLite file and its folder on first start. */
export async function openDataSource(env: Pick<Env, 'DATABASE_URL' | 'SQLITE_PATH'>): Promise<DataSource> {
  const options = dataSourceOptions(env);
  if (options.type === 'sqlite') mkdirSync(dirname(options.database), { recursive: true });
  else await configurePostgres();
  const dataSource = new DataSource(options);
  try {
    await dataSource.initialize();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (env.DATABASE_URL) {
      throw new DatabaseConnectError(`DATABASE_URL: cannot connect to ${redactUrl(env.DATABASE_URL)}: ${reason || 'connection refused'}`);
    }
    throw new DatabaseConnectError(`SQLITE_PATH: cannot open ${options.database}: ${reason}`);
  }
  if (options.type === 'sqlite') {
    // In WAL mode NORMAL syncs at checkpoints rather than at every commit: a committed transaction survives the
    // process being killed (the durability the collaboration server promises), though not a power cut; for that,
    // and for several instances, run on PostgreSQL.
    await dataSource.query('PRAGMA synchronous = NORMAL');
  }
  return dataSource;
}
