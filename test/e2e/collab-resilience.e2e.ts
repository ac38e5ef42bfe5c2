import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { DOCUMENT_HOSTS, provider, synced, until } from '../support/collab';
import { POSTGRES_SKIP_REASON, scratchPostgres, scratchSqlite } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';
import { seededRandom, consolidatedDocument } from '@concord/domain';

type Json = Record<string, unknown>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstConsolidatedDraft(server: TestServer, token: string): Promise<string> {
  const committees = (await client(server).get('/api/committees')).body.items as Json[];
  const instruments = (await client(server, token).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
  return consolidatedDocument(String(instruments[0].id), 'en');
}

for (const host of DOCUMENT_HOSTS) describe(`Collaboration under random edits, disconnects and crashes (SQLite, ${host.name})`, () => {
  let server: TestServer;
  let token: string;
  let document: string;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startServer(scratchSqlite(), { COLLAB_COMPACT_AFTER: '50', COLLAB_IDLE_UNLOAD_MS: '100', ...host.env });
    token = await login(server, 'secretariat@concord.test');
    document = await firstConsolidatedDraft(server, token);
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server?.close();
  });

  it.each([1, 2, 3])('converges after random edits with random disconnects, and reloads the same (seed %i)', async (seed) => {
    const next = seededRandom(seed);
    const name = `fuzz-${seed}`;
    const clients = Array.from({ length: 4 }, () => provider(server, document, token));
    providers.push(...clients);
    await Promise.all(clients.map(synced));
    for (let step = 0; step < 240; step += 1) {
      const c = clients[Math.floor(next() * clients.length)];
      const text = c.doc.getText(name);
      const roll = next();
      if (roll < 0.08) {
        if (c.wsconnected || c.wsconnecting) c.disconnect();
        else c.connect();
      } else if (roll < 0.3 && text.length > 0) {
        const at = Math.floor(next() * text.length);
        text.delete(at, Math.min(text.length - at, 1 + Math.floor(next() * 4)));
      } else {
        text.insert(Math.floor(next() * (text.length + 1)), String.fromCharCode(97 + Math.floor(next() * 26)).repeat(1 + Math.floor(next() * 3)));
      }
      if (step % 15 === 0) await pause(5);
    }
    for (const c of clients) if (!c.wsconnected && !c.wsconnecting) c.connect();
    await Promise.all(clients.map(synced));
    const final = () => clients.map((c) => c.doc.getText(name).toString());
    await until(() => new Set(final()).size === 1, 'every client to hold the same text');
    const expected = final()[0];
    for (const c of clients) c.destroy();
    await server.restart();
    const reloaded = provider(server, document, token);
    providers.push(reloaded);
    await synced(reloaded);
    expect(reloaded.doc.getText(name).toString()).toBe(expected);
  });

  it('loses no update that any client received when the server is killed with SIGKILL mid-load', async () => {
    for (let round = 0; round < 3; round += 1) {
      const name = `durable-${round}`;
      const writers = Array.from({ length: 3 }, () => provider(server, document, token));
      const watchers = Array.from({ length: 2 }, () => provider(server, document, token));
      await Promise.all([...writers, ...watchers].map(synced));
      const received = new Set<string>();
      for (const w of watchers) w.doc.getArray<string>(name).observe((event) => event.changes.added.forEach((item) => item.content.getContent().forEach((id) => received.add(String(id)))));
      let counter = 0;
      const timers = writers.map((w, i) => setInterval(() => w.doc.getArray<string>(name).push([`${i}-${counter++}`]), 3));
      await until(() => received.size > 100, 'updates to flow');
      await server.stop('SIGKILL');
      timers.forEach(clearInterval);
      // The writers go away with the server, so none of them can hand an update back after the restart.
      for (const p of [...writers, ...watchers]) p.destroy();
      await server.restart();
      const check = provider(server, document, token);
      providers.push(check);
      await synced(check);
      const stored = new Set(check.doc.getArray<string>(name).toArray());
      const missing = [...received].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      check.destroy();
    }
  });
});

const scaleOutSkip = POSTGRES_SKIP_REASON ?? (process.env.TEST_REDIS_URL ? null : 'skipped: TEST_REDIS_URL is not set (.ci/run sets it to the local Redis)');

describe.skipIf(scaleOutSkip !== null)(`Two instances over PostgreSQL and Redis${scaleOutSkip ? ` (${scaleOutSkip})` : ''}`, () => {
  let a: TestServer;
  let b: TestServer;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    const database = await scratchPostgres();
    const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? '' };
    a = await startServer(database, env);
    // B keeps its documents in worker threads, A on its main thread: the relay must not care.
    b = await startServer(database, { ...env, DEMO_SEED: 'false', COLLAB_WORKER_THRESHOLD_BYTES: '0' }, { ownsDatabase: false });
  });
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await b?.close();
    await a?.close();
  });

  it('relays updates between clients on different instances, and catches up after losing Redis', async () => {
    const tokenA = await login(a, 'secretariat@concord.test');
    const tokenB = await login(b, 'secretariat@concord.test');
    const document = await firstConsolidatedDraft(a, tokenA);
    const onA = provider(a, document, tokenA);
    const onB = provider(b, document, tokenB);
    providers.push(onA, onB);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText('scale').insert(0, 'from A ');
    onB.doc.getText('scale').insert(0, 'from B ');
    const same = () => onA.doc.getText('scale').toString() === onB.doc.getText('scale').toString() && onA.doc.getText('scale').length === 14;
    await until(same, 'the two instances to converge');

    // Cut every pub/sub connection: messages published meanwhile are lost, and the instances must catch up.
    const admin = new Redis(process.env.TEST_REDIS_URL ?? '');
    try {
      await admin.client('KILL', 'TYPE', 'pubsub');
      for (let i = 0; i < 20; i += 1) onA.doc.getArray<number>('outage').push([i]);
      await until(() => onB.doc.getArray('outage').length === 20, 'the instance that lost Redis to catch up', 20_000);
    } finally {
      admin.disconnect();
    }
    expect(onB.doc.getArray<number>('outage').toArray()).toEqual([...Array(20).keys()]);
  });

  it("relays presence between instances as the session of the client's own instance wrote it", async () => {
    const tokenA = await login(a, 'egypt.delegate@concord.test');
    const tokenB = await login(b, 'secretariat@concord.test');
    const document = await firstConsolidatedDraft(a, tokenB);
    const onA = provider(a, document, tokenA);
    const onB = provider(b, document, tokenB);
    providers.push(onA, onB);
    await Promise.all([synced(onA), synced(onB)]);
    onA.awareness.setLocalStateField('user', { name: 'The Secretariat', mode: 'editing' });
    const seen = () => (onB.awareness.getStates().get(onA.doc.clientID) as { user?: { name?: string; delegation?: string; mode?: string } } | undefined)?.user;
    await until(() => seen()?.name === 'Mona Saleh', 'the presence to cross instances');
    expect(seen()).toMatchObject({ delegation: 'EGY', mode: 'reading' });
    onA.destroy();
    await until(() => !onB.awareness.getStates().has(onA.doc.clientID), 'the presence to leave with its connection');
  });
});
