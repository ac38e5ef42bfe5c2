import type { MigrationInterface } from 'typeorm';
import { Foundation1764000000000 } from './1764000000000-foundation';

/** PostgreSQL migrations, oldest first. */
export const POSTGRES_MIGRATIONS: Array<new () => MigrationInterface> = [Foundation1764000000000];
