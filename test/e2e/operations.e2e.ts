import { consolidatedDocument, spaceDocument } from '@concord/domain';
import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { provider, synced, until } from '../support/collab';
import { POSTGRES_SKIP_REASON, scratchPostgres, scratchSqlite } from '../support/databases';
import { client, freePort, login, MAIN, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;
const METRICS_TOKEN = `metrics-${randomBytes(18).toString('base64url')}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstConsolidatedDraft(server: TestServer, token: string): Promise<string> {
  const committees = (await client(server).get('/api/committees')).body.items as Json[];
  const instruments = (await client(server, token).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
  return consolidatedDocument(String(instruments[0].id), 'en');
}

async function scrape(server: Pick<TestServer, 'url'>, token = METRICS_TOKEN): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text() };
}

/** The value of one sample (`name{labels} value`) in a Prometheus text answer. */
function sample(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `) || (!labels && l.startsWith(`${name} `)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

describe('Readiness while migrations run, and the gate in front of the API (SQLite)', () => {
  const database = scratchSqlite();
  let child: ChildProcess | null = null;
  let holder: sqlite3.Database | null = null;

  afterEach(async () => {
    child?.kill('SIGKILL');
    if (holder) await new Promise((resolve) => holder?.close(resolve));
    await database.drop();
  });

  it('is live but not ready while a migration waits, refuses the API and the socket with the reason, then serves', async () => {
    // Another connection holds the database's write lock, so that the server's migrations wait for it.
    holder = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(database.env.SQLITE_PATH, (error) => (error ? reject(error) : resolve(db)));
    });
    await new Promise<void>((resolve, reject) => holder?.exec('PRAGMA journal_mode = WAL; BEGIN IMMEDIATE;', (error) => (error ? reject(error) : resolve())));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...database.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SIGNING_KEY_FILE: join(tmpdir(), `concord-ready-${port}.pem`) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = { url };
    let live = 0;
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      live = await fetch(`${url}/api/health/live`).then((r) => r.status, () => 0);
      if (live === 200) break;
      await pause(50);
    }
    expect(live, output).toBe(200);
    const ready = await client(server).get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error).toEqual({ code: 'not-ready', message: 'The server is applying database migrations; try again in a moment.' });
    const api = await client(server).get('/api/committees');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    expect(api.body.error?.code).toBe('not-ready');
    const upgrade = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/collab/anything`);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('error', () => resolve(-1));
      socket.on('open', () => resolve(101));
    });
    expect(upgrade).toBe(503);
    expect(output).not.toContain('Concord is serving');

    // The lock goes; the migrations run, the demo is created, and the server serves.
    await new Promise<void>((resolve, reject) => holder?.exec('COMMIT;', (error) => (error ? reject(error) : resolve())));
    await until(() => output.includes('Concord is serving'), 'the server to finish starting', 60_000);
    expect((await client(server).get('/api/health/ready')).body).toEqual({ status: 'ready', state: 'ready', database: 'sqlite' });
    expect((await client(server).get('/api/committees')).status).toBe(200);
  }, 120_000);
});

describe('Metrics for the Prometheus scraper (SQLite)', () => {
  let server: TestServer;
  let secretariat: string;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { METRICS_TOKEN });
    secretariat = await login(server, 'secretariat@concord.test');
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server?.close();
  });

  it('opens only with the metrics token: not to anonymous callers, sessions (even an administrator\'s) or a wrong token', async () => {
    const admin = await login(server, 'admin@concord.test');
    for (const [who, headers] of [
      ['anonymous', {}],
      ['administrator session', { authorization: `Bearer ${admin}` }],
      ['wrong token', { authorization: `Bearer ${METRICS_TOKEN}x` }],
      ['token without Bearer', { authorization: METRICS_TOKEN }],
    ] as const) {
      const refused = await client(server).get('/api/metrics', headers);
      expect(refused.status, who).toBe(401);
      expect(refused.body.error?.code, who).toBe('unauthenticated');
    }
    const scraped = await scrape(server);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain('# TYPE concord_http_request_duration_seconds histogram');
  });

  it('counts HTTP latency and errors per route pattern, sockets, loaded documents, group commits, fan-out and event-loop delay', async () => {
    const document = await firstConsolidatedDraft(server, secretariat);
    const missing = await client(server, secretariat).get('/api/instruments/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const writer = provider(server, document, secretariat);
    const reader = provider(server, document, secretariat);
    providers.push(writer, reader);
    await Promise.all([writer, reader].map(synced));
    for (let i = 0; i < 20; i += 1) writer.doc.getArray<number>('metrics-probe').push([i]);
    await until(() => reader.doc.getArray('metrics-probe').length === 20, 'the changes to reach the reader');

    const { text } = await scrape(server);
    expect(sample(text, 'concord_collab_open_connections')).toBe(2);
    expect(sample(text, 'concord_collab_loaded_documents')).toBe(1);
    expect(sample(text, 'concord_update_log_batch_size_sum')).toBeGreaterThanOrEqual(20);
    expect(sample(text, 'concord_update_log_commit_seconds_count')).toBeGreaterThan(0);
    // Each change went to the one other connection.
    expect(sample(text, 'concord_collab_fanout_connections_sum')).toBeGreaterThanOrEqual(20);
    expect(sample(text, 'concord_http_request_duration_seconds_count', 'method="GET",route="/api/committees/:committeeId/instruments",status="200"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'concord_http_errors_total', 'route="/api/instruments/:id",status="404"')).toBe(1);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    // Labels are route patterns and statuses, never the ids or contents of records.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    writer.destroy();
    reader.destroy();
    await pause(300);
    expect(sample((await scrape(server)).text, 'concord_collab_open_connections')).toBe(0);
  });

  it('has no metrics endpoint without METRICS_TOKEN', async () => {
    const plain = await startServer(scratchSqlite());
    try {
      const answer = await client(plain).get('/api/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toEqual({ code: 'metrics-not-enabled', message: 'Metrics are off on this server: set METRICS_TOKEN to serve them.' });
    } finally {
      await plain.close();
    }
  });
});

describe('Structured logs (SQLite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { LOG_LEVEL: 'log' });
  });
  afterAll(async () => server?.close());

  it('writes one JSON object per line with level, time and request id, and no password, token or private text', async () => {
    const password = 'concord-demo-2026';
    const token = await login(server, 'egypt.head@concord.test', password);
    // A private drafting space's text: delegation tier, which must never reach a log.
    const secret = `Egypt's private wording ${randomBytes(6).toString('hex')}`;
    const committees = (await client(server).get('/api/committees')).body.items as Json[];
    const instruments = (await client(server, token).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
    const space = await client(server, token).post(`/api/instruments/${String(instruments[0].id)}/drafting-spaces`, { title: secret, language: 'en' });
    expect(space.status).toBe(201);
    const echoed = await client(server, token).get('/api/auth/me', { 'x-request-id': 'trace-42.a' });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42.a');
    const forged = await client(server, token).get('/api/auth/me', { 'x-request-id': 'x'.repeat(65) });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const socket = provider(server, spaceDocument(String(space.body.id)), token);
    await synced(socket);
    socket.destroy();
    await client(server).get('/api/auth/me?lang=ar&token=invitation-secret-value');
    await pause(500);

    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const entries = lines.map((line) => JSON.parse(line) as Json);
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(typeof entry.level).toBe('number');
      expect(typeof entry.time).toBe('number');
    }
    const requests = entries.filter((entry) => entry.req);
    const me = requests.find((entry) => (entry.req as Json).id === 'trace-42.a');
    expect(me).toMatchObject({ req: { method: 'GET', url: '/api/auth/me' }, res: { statusCode: 200 }, msg: 'request completed' });
    expect(requests.some((entry) => String((entry.req as Json).url) === '/api/auth/me?lang=ar&token=%5Bredacted%5D')).toBe(true);
    const all = lines.join('\n');
    for (const leaked of [password, token, secret, 'invitation-secret-value', 'x'.repeat(65)]) expect(all).not.toContain(leaked);
  });
});

describe.skipIf(POSTGRES_SKIP_REASON !== null)(`Readiness when the database is unreachable (PostgreSQL)${POSTGRES_SKIP_REASON ? ` (${POSTGRES_SKIP_REASON})` : ''}`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(await scratchPostgres());
  });
  afterAll(async () => server?.close());

  it('says not ready while PostgreSQL refuses connections, stays live, and is ready again when it is back', async () => {
    expect((await client(server).get('/api/health/ready')).status).toBe(200);
    const name = new URL(server.env.DATABASE_URL).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      let ready = await client(server).get('/api/health/ready');
      for (let attempt = 0; attempt < 20 && ready.status === 200; attempt += 1) {
        await pause(100);
        ready = await client(server).get('/api/health/ready');
      }
      expect(ready.status).toBe(503);
      expect(ready.body.error).toEqual({ code: 'database-unavailable', message: 'The database does not answer.' });
      expect((await client(server).get('/api/health/live')).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    let back = 0;
    for (let attempt = 0; attempt < 50 && back !== 200; attempt += 1) {
      back = (await client(server).get('/api/health/ready')).status;
      if (back !== 200) await pause(100);
    }
    expect(back).toBe(200);
  });
});

describe.skipIf(POSTGRES_SKIP_REASON !== null || !process.env.TEST_REDIS_URL)('Relay lag across two instances (PostgreSQL and Redis)', () => {
  let a: TestServer;
  let b: TestServer;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    const database = await scratchPostgres();
    const redis = { REDIS_URL: process.env.TEST_REDIS_URL ?? '', METRICS_TOKEN };
    a = await startServer(database, redis);
    b = await startServer(database, redis, { ownsDatabase: false });
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await b?.close();
    await a?.close();
  });

  it('measures how long a change takes to reach the other instance', async () => {
    const tokenA = await login(a, 'secretariat@concord.test');
    const tokenB = await login(b, 'secretariat@concord.test');
    const document = await firstConsolidatedDraft(a, tokenA);
    const writer = provider(a, document, tokenA);
    const reader = provider(b, document, tokenB);
    providers.push(writer, reader);
    await Promise.all([writer, reader].map(synced));
    for (let i = 0; i < 10; i += 1) writer.doc.getArray<number>('lag-probe').push([i]);
    await until(() => reader.doc.getArray('lag-probe').length === 10, 'the changes to cross over');
    const { text } = await scrape(b);
    expect(sample(text, 'concord_redis_relay_lag_seconds_count')).toBeGreaterThanOrEqual(10);
    expect(sample(text, 'concord_redis_relay_lag_seconds_sum') / sample(text, 'concord_redis_relay_lag_seconds_count')).toBeLessThan(1);
  });
});

