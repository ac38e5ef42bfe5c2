import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { ScratchDatabase } from './databases';

// The repository root, also when a benchmark runs this file compiled into dist/test/support/.
const ROOT = basename(join(__dirname, '../..')) === 'dist' ? join(__dirname, '../../..') : join(__dirname, '../..');
/** The built server; `npm test` builds it first (the e2e target depends on api:build). */
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const CLI = join(ROOT, 'dist/apps/api/src/cli.js');

/** The real server, started as `npm start` starts it, on a free port over a scratch database with the demo committee. */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** A separate connection to the server's database, for checking what was (not) written. */
  readonly db: DataSource;
  readonly env: Record<string, string>;
  /** Everything the server printed. */
  output(): string;
  /** Stops the server process (SIGTERM lets it shut down gracefully; SIGKILL does not) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/**
 * Runs the built command line without blocking the test's event loop: a `spawnSync` that outlasts the server's
 * keep-alive timeout leaves the HTTP client reusing a socket the server has closed ("other side closed").
 */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function spawnServer(env: Record<string, string>, onOutput: (text: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${seen}`)), 60_000);
    const collect = (chunk: Buffer) => {
      seen += chunk.toString();
      onOutput(chunk.toString());
      if (seen.includes('Concord is serving')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${seen}`));
    });
  });
}

/**
 * Starts the built server. A second server may share a first one's database: pass `ownsDatabase: false` so that
 * closing it leaves the database to its owner.
 */
export async function startServer(database: ScratchDatabase, extraEnv: Record<string, string> = {}, options: { ownsDatabase?: boolean } = {}): Promise<TestServer> {
  const port = await freePort();
  // A signing key per database, in the temporary folder: servers sharing a database share its key, as instances do.
  const signingKeyFile = join(tmpdir(), `concord-test-key-${createHash('sha256').update(JSON.stringify(database.env)).digest('hex').slice(0, 16)}.pem`);
  // Every suite gets the demo committee with its base text only (also on PostgreSQL, where the demo must be asked
  // for); the suites that look at the negotiation played on it ask for DEMO_NEGOTIATION themselves.
  const env: Record<string, string> = { ...database.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SIGNING_KEY_FILE: signingKeyFile, DEMO_SEED: 'true', DEMO_NEGOTIATION: 'false', ...extraEnv };
  let log = '';
  let child: ChildProcess | null = await spawnServer(env, (text) => (log += text));
  const db = new DataSource(database.kind === 'postgres' ? { type: 'postgres', url: env.DATABASE_URL } : { type: 'sqlite', database: env.SQLITE_PATH });
  await db.initialize();
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    env,
    output: () => log,
    stop,
    async restart() {
      await stop();
      child = await spawnServer(env, (text) => (log += text));
    },
    async close() {
      await stop();
      await db.destroy();
      if (options.ownsDatabase !== false) {
        await database.drop();
        rmSync(signingKeyFile, { force: true });
      }
    },
  };
}

type Body = Record<string, unknown> & { error?: { code: string; message: string; details?: string[] } };

/** A JSON HTTP client bound to a server and, optionally, a bearer token. */
export function client(server: Pick<TestServer, 'url'>, token?: string) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = typeof body === 'string' || body instanceof FormData;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: the test sees the raw text.
    }
    return { status: response.status, headers: response.headers, body: json as Body };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => request('POST', path, body, headers),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => request('PATCH', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => request('PUT', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => request('DELETE', path, undefined, headers),
  };
}

/** Signs in and returns the bearer token. */
export async function login(server: Pick<TestServer, 'url'>, email: string, password = 'concord-demo-2026'): Promise<string> {
  const response = await client(server).post('/api/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body.token);
}

/** Makes a signed-in session expire `ms` from now, as if its time were up, to see what its expiry closes. */
export async function expireSessionIn(server: TestServer, token: string, ms: number): Promise<void> {
  const at = new Date(Date.now() + ms);
  const hash = createHash('sha256').update(token).digest('hex');
  if (server.db.options.type === 'postgres') {
    await server.db.query('UPDATE auth_sessions SET expires_at = $1 WHERE token_hash = $2', [at, hash]);
  } else {
    // As TypeORM writes dates to SQLite: UTC, without the "T" and "Z".
    await server.db.query('UPDATE auth_sessions SET expires_at = ? WHERE token_hash = ?', [at.toISOString().replace('T', ' ').replace('Z', ''), hash]);
  }
}
