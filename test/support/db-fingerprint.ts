import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The tables of a server's database, migrations bookkeeping aside. */
async function tables(db: DataSource): Promise<string[]> {
  const rows = (
    db.options.type === 'postgres'
      ? await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`)
      : await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
  ) as Array<{ name: string }>;
  return rows.map((row) => row.name).filter((name) => name !== 'migrations' && name !== 'typeorm_metadata').sort();
}

/**
 * One hash per table over all its rows (in a stable order), so that "nothing was written" can be checked by
 * comparing two fingerprints: an insert, update or delete anywhere changes one.
 */
export async function dbFingerprint(db: DataSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await tables(db)) {
    const rows = (await db.query(`SELECT * FROM "${table}"`)) as Array<Record<string, unknown>>;
    const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))).sort();
    result[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return result;
}

/** The tables whose fingerprints differ, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((table) => before[table] !== after[table]);
}
