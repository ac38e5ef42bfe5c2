/**
 * Two Concord instances behind one PostgreSQL database and one Redis, as a scaled-out deployment runs them: each
 * stores every update in the shared database before relaying it to its own clients and, through Redis, to the
 * other instance's. The database is created for the run and dropped afterwards.
 *
 * | variable            | meaning                                                   | default                                       |
 * |---------------------|-----------------------------------------------------------|-----------------------------------------------|
 * | `BENCH_PG_URL`      | a PostgreSQL server where the run may create a database   | `postgres://postgres@127.0.0.1:5432/postgres` |
 * | `BENCH_REDIS_URL`   | the Redis both instances relay through                    | `redis://127.0.0.1:6379`                      |
 *
 * When either cannot be reached the workload is skipped with the reason.
 */
import pg from 'pg';
import { connect } from 'node:net';
import { RunningConcord } from './concord';
import { TargetUnavailable } from './target';

const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** `url` with its path (the database name) replaced. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Resolves when something accepts TCP connections at the URL's host and port. */
function reachable(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 3_000 });
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('timed out'));
    });
    socket.once('error', reject);
  });
}

/** Two running instances over one fresh PostgreSQL database and Redis. */
export class ConcordPair {
  private constructor(
    private readonly database: string,
    readonly first: RunningConcord,
    readonly second: RunningConcord,
  ) {}

  static async start(): Promise<ConcordPair> {
    try {
      await reachable(REDIS_URL);
    } catch (error) {
      throw new TargetUnavailable(`Redis at ${REDIS_URL} cannot be reached (${(error as Error).message}); set BENCH_REDIS_URL`);
    }
    const database = `bench_collab_${process.pid}_${Date.now()}`;
    try {
      await admin((client) => client.query(`CREATE DATABASE "${database}"`));
    } catch (error) {
      throw new TargetUnavailable(`PostgreSQL at ${PG_URL} cannot create a database (${(error as Error).message}); set BENCH_PG_URL`);
    }
    const env = { DATABASE_URL: withDatabase(PG_URL, database), REDIS_URL };
    let first: RunningConcord | null = null;
    try {
      // One after the other: the first runs the migrations and the demo seed, the second finds them done.
      first = await RunningConcord.start(env);
      const second = await RunningConcord.start(env);
      return new ConcordPair(database, first, second);
    } catch (error) {
      await first?.stop().catch(() => undefined);
      await ConcordPair.drop(database);
      throw error;
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.first.stop(), this.second.stop()]);
    await ConcordPair.drop(this.database);
  }

  private static async drop(database: string): Promise<void> {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => undefined);
  }
}
