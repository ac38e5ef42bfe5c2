import type { MigrationInterface } from 'typeorm';
import { Foundation1764000000000 } from './1764000000000-foundation';

/** SQLite migrations, oldest first. */
export const SQLITE_MIGRATIONS: Array<new () => MigrationInterface> = [Foundation1764000000000];
