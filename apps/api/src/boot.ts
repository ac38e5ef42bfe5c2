import type { DataSource } from 'typeorm';
import { type Env, loadEnv } from './config/env';
import { openDataSource } from './database/data-source';

/** Validates the environment and opens and migrates the database; any failure is one line naming the culprit. */
export async function prepare(source: NodeJS.ProcessEnv = process.env): Promise<{ env: Env; dataSource: DataSource }> {
  const env = loadEnv(source);
  const dataSource = await openDataSource(env);
  if (env.MIGRATE_ON_START) await dataSource.runMigrations({ transaction: 'each' });
  return { env, dataSource };
}

/** Prints a startup failure as one line and exits, instead of a stack trace. */
export function exitWith(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`concord: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
