import sqlite3 from 'sqlite3';

// A connection of its own to an SQLite file, beside TypeORM's (backups, WAL checkpoints), with promises.

export function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(file, mode, (error) => (error ? fail(error) : done(db)));
  });
}

export function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((done, fail) => db.all(sql, (error, rows) => (error ? fail(error) : done(rows as T[]))));
}

export function exec(db: sqlite3.Database, sql: string, params: readonly unknown[] = []): Promise<void> {
  return new Promise((done, fail) => db.run(sql, params, (error) => (error ? fail(error) : done())));
}

export function close(db: sqlite3.Database): Promise<void> {
  return new Promise((done, fail) => db.close((error) => (error ? fail(error) : done())));
}
