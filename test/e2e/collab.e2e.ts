import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, treatyFragment } from '@concord/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closed, DOCUMENT_HOSTS, firstMessage, provider, rawSocket, synced, until } from '../support/collab';
import { frames, RawClient } from '../support/collab-protocol';
import { BACKENDS } from '../support/databases';
import { client, expireSessionIn, login, startServer, type TestServer } from '../support/server';

type Json = Record<string, unknown>;

/** A byte array as y-websocket frames it: its length as a varint, then the bytes. */
function lengthPrefixed(bytes: Uint8Array): Buffer {
  const length: number[] = [];
  let n = bytes.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Buffer.concat([Buffer.from(length), Buffer.from(bytes)]);
}

/** Folds what the database holds for a document, as a new server would load it. */
async function stored(server: TestServer, document: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const pg = server.db.options.type === 'postgres';
  const param = pg ? '$1' : '?';
  const snapshots = (await server.db.query(`SELECT state FROM collab_snapshots WHERE document = ${param}`, [document])) as Array<{ state: string }>;
  for (const row of snapshots) Y.applyUpdate(doc, Buffer.from(row.state, 'base64'));
  const updates = (await server.db.query(`SELECT data FROM collab_updates WHERE document = ${param} ORDER BY seq`, [document])) as Array<{ data: string }>;
  for (const row of updates) Y.applyUpdate(doc, Buffer.from(row.data, 'base64'));
  return doc;
}

for (const [backend, host] of BACKENDS.flatMap((b) => DOCUMENT_HOSTS.map((h) => [b, h] as const))) {
  const title = `Collaboration server on ${backend.name}, ${host.name}${backend.skip ? ` (${backend.skip})` : ''}`;
  describe.skipIf(backend.skip !== null)(title, () => {
    let server: TestServer;
    let consolidated: string;
    const tokens: Record<string, string> = {};
    const providers: WebsocketProvider[] = [];
    const open = (document: string, who: string, doc?: Y.Doc) => {
      const p = provider(server, document, tokens[who], doc);
      providers.push(p);
      return p;
    };

    beforeAll(async () => {
      server = await startServer(await backend.create(), { COLLAB_MAX_MESSAGE_BYTES: '65536', COLLAB_IDLE_UNLOAD_MS: '200', COLLAB_COMPACT_AFTER: '20', ...host.env });
      for (const who of ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      tokens['secretariat-2'] = await login(server, 'secretariat@concord.test');
      const committees = (await client(server).get('/api/committees')).body.items as Json[];
      const instruments = (await client(server, tokens.secretariat).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
      consolidated = consolidatedDocument(String(instruments[0].id), 'en');
    });
    afterAll(async () => {
      for (const p of providers) p.destroy();
      await server?.close();
    });

    it('starts the consolidated draft from the base text, in the treaty schema', async () => {
      const p = open(consolidated, 'secretariat');
      await synced(p);
      const doc = docFromYFragment(treatyFragment(p.doc));
      expect(doc.textContent).toContain('Statement of purpose');
      expect(doc.childCount).toBeGreaterThan(2);
    });

    it('lets two writers converge, and stores what they wrote', async () => {
      const a = open(consolidated, 'secretariat');
      const b = open(consolidated, 'secretariat-2');
      await Promise.all([synced(a), synced(b)]);
      a.doc.getText('notes').insert(0, 'from A. ');
      b.doc.getText('notes').insert(0, 'from B. ');
      await until(() => a.doc.getText('notes').toString().length === 16 && b.doc.getText('notes').toString() === a.doc.getText('notes').toString(), 'convergence');
      const fromDb = await stored(server, consolidated);
      expect(fromDb.getText('notes').toString()).toBe(a.doc.getText('notes').toString());
    });

    it("gives delegates read-only access: they see updates, and an edit of theirs reaches nobody and nothing", async () => {
      const writer = open(consolidated, 'secretariat');
      const reader = open(consolidated, 'egypt.delegate');
      await Promise.all([synced(writer), synced(reader)]);
      writer.doc.getText('read-only').insert(0, 'secretariat text');
      await until(() => reader.doc.getText('read-only').toString() === 'secretariat text', 'the reader to receive the update');
      const closing = closed(reader.ws as unknown as import('ws').WebSocket);
      reader.shouldConnect = false;
      reader.doc.getText('read-only').insert(0, 'DELEGATE EDIT ');
      expect(await closing).toMatchObject({ code: 4403, reason: 'read-only: updates are refused' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(writer.doc.getText('read-only').toString()).toBe('secretariat text');
      expect((await stored(server, consolidated)).getText('read-only').toString()).toBe('secretariat text');
    });

    it("opens a drafting space to its delegation only: another delegation's token is refused", async () => {
      const instrumentId = consolidated.split(':')[1];
      const created = await client(server, tokens['egypt.head']).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Article 4 – sovereignty', language: 'en' });
      expect(created.status).toBe(201);
      const document = String(created.body.document);
      const head = open(document, 'egypt.head');
      const delegate = open(document, 'egypt.delegate');
      await Promise.all([synced(head), synced(delegate)]);
      delegate.doc.getText('draft').insert(0, 'Egypt drafts');
      await until(() => head.doc.getText('draft').toString() === 'Egypt drafts', 'the head to see the delegate');
      // Outsiders are told the space does not exist, exactly as for an unknown one.
      for (const outsider of ['brazil.head', 'secretariat', 'observer']) {
        const socket = rawSocket(server, document, tokens[outsider]);
        expect(await closed(socket)).toMatchObject({ code: 4404 });
      }
      expect((await client(server, tokens['brazil.head']).get(`/api/drafting-spaces/${String(created.body.id)}`)).status).toBe(404);
    });

    it.each([
      ['no token', () => rawSocket(server, consolidated), 4401],
      ['an unknown token', () => rawSocket(server, consolidated, 'not-a-real-token-at-all-xxxxxxxxxxxxxxx'), 4401],
      ['an unknown document', () => rawSocket(server, 'consolidated:00000000-0000-4000-8000-000000000000:en', tokens.secretariat), 4404],
      ['a name that is no document', () => rawSocket(server, 'whatever', tokens.secretariat), 4404],
      ['a name that cannot be decoded, even anonymously', () => rawSocket(server, '%ZZ'), 4400],
      ['an observer on an unpublished draft (as if it did not exist)', () => rawSocket(server, consolidated, tokens.observer), 4404],
    ])('refuses %s with its close code', async (_what, connect, code) => {
      expect((await closed(connect())).code).toBe(code);
    });

    it('closes a connection that sends a malformed or oversized frame, and keeps serving the others', async () => {
      const bystander = open(consolidated, 'secretariat');
      await synced(bystander);
      const bad = rawSocket(server, consolidated, tokens.secretariat);
      await firstMessage(bad);
      const badClosed = closed(bad);
      bad.send(Buffer.from([0, 2, 5, 1, 2, 3]));
      expect((await badClosed).code).toBe(4400);
      const big = rawSocket(server, consolidated, tokens.secretariat);
      await firstMessage(big);
      const bigClosed = closed(big);
      big.send(Buffer.alloc(70_000, 1));
      expect((await bigClosed).code).toBe(1009);
      const other = open(consolidated, 'secretariat-2');
      await synced(other);
      bystander.doc.getText('after').insert(0, 'still here');
      await until(() => other.doc.getText('after').toString() === 'still here', 'the server to keep relaying');
    });

    it('refuses an update that does not apply or that the treaty schema refuses, stores nothing of it, and keeps the document loadable', async () => {
      const writer = open(consolidated, 'secretariat');
      await synced(writer);
      const rowsBefore = ((await server.db.query('SELECT COUNT(*) AS n FROM collab_updates')) as Array<{ n: string | number }>)[0].n;
      const edited = (change: (doc: Y.Doc) => void): Uint8Array => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
        const before = Y.encodeStateVector(copy);
        change(copy);
        return Y.encodeStateAsUpdate(copy, before);
      };
      // Decodes, but Yjs throws applying it: an item whose parent is a later item of its own client.
      const unappliable = new Uint8Array([1, 1, 0x86, 0xa4, 0x3c, 0, 4, 0, 0x86, 0xa4, 0x3c, 5, 1, 120, 0]);
      expect(() => Y.decodeUpdate(unappliable)).not.toThrow();
      for (const poison of [
        unappliable,
        edited((doc) => treatyFragment(doc).insert(0, [new Y.XmlElement('script')])),
        edited((doc) => treatyFragment(doc).delete(0, treatyFragment(doc).length)),
      ]) {
        const socket = rawSocket(server, consolidated, tokens.secretariat);
        await firstMessage(socket);
        const closing = closed(socket);
        socket.send(Buffer.concat([Buffer.from([0, 2]), lengthPrefixed(poison)]));
        expect((await closing).code).toBe(4422);
      }
      const rowsAfter = ((await server.db.query('SELECT COUNT(*) AS n FROM collab_updates')) as Array<{ n: string | number }>)[0].n;
      expect(Number(rowsAfter)).toBe(Number(rowsBefore));
      const fresh = open(consolidated, 'secretariat-2');
      await synced(fresh);
      docFromYFragment(treatyFragment(fresh.doc)).check();
      expect(treatyFragment(await stored(server, consolidated)).toString()).not.toContain('script');
    });

    it('refuses a document whose stored state cannot be loaded, and never replaces it with an empty one', async () => {
      const committees = (await client(server).get('/api/committees')).body.items as Json[];
      const imported = await client(server, tokens.secretariat).post(`/api/committees/${String(committees[0].id)}/instruments/import`, {
        titles: { en: 'Damaged' },
        originalLanguage: 'en',
        format: 'text',
        content: 'Damaged\n\nArticle 1\nText.',
      });
      const document = consolidatedDocument(String(imported.body.id), 'en');
      const pg = server.db.options.type === 'postgres';
      const garbage = Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]).toString('base64');
      await server.db.query(`INSERT INTO collab_updates (document, data, created_at) VALUES (${pg ? '$1, $2, $3' : '?, ?, ?'})`, [document, garbage, new Date()]);
      const socket = rawSocket(server, document, tokens.secretariat);
      expect(await closed(socket)).toEqual({ code: 4500, reason: 'document could not be loaded' });
      const rows = (await server.db.query(`SELECT data FROM collab_updates WHERE document = ${pg ? '$1' : '?'}`, [document])) as Array<{ data: string }>;
      expect(rows.map((r) => r.data)).toEqual([garbage]);
    });

    it("closes a user's sockets when the user signs out", async () => {
      const token = await login(server, 'egypt.delegate@concord.test');
      const socket = rawSocket(server, consolidated, token);
      await firstMessage(socket);
      const closing = closed(socket);
      expect((await client(server, token).post('/api/auth/logout')).status).toBe(204);
      expect(await closing).toEqual({ code: 4401, reason: 'signed out' });
    });

    it("closes a user's sockets when the session expires", async () => {
      const token = await login(server, 'egypt.delegate@concord.test');
      await expireSessionIn(server, token, 1_500);
      const socket = rawSocket(server, consolidated, token);
      await firstMessage(socket);
      expect(await closed(socket)).toEqual({ code: 4401, reason: 'session expired' });
      expect(await closed(rawSocket(server, consolidated, token))).toEqual({ code: 4401, reason: 'session expired or signed out' });
    });

    it('keeps every update across a restart and folds the log into a snapshot', async () => {
      const writer = open(consolidated, 'secretariat');
      await synced(writer);
      for (let i = 0; i < 30; i += 1) writer.doc.getArray<number>('restart').push([i]);
      const watcher = open(consolidated, 'secretariat-2');
      await synced(watcher);
      await until(() => watcher.doc.getArray('restart').length === 30, 'the watcher to see every update');
      for (const p of providers.splice(0)) p.destroy();
      await server.restart();
      const again = open(consolidated, 'secretariat');
      await synced(again);
      expect(again.doc.getArray<number>('restart').toArray()).toEqual([...Array(30).keys()]);
      const snapshots = (await server.db.query('SELECT COUNT(*) AS n FROM collab_snapshots')) as Array<{ n: string | number }>;
      expect(Number(snapshots[0].n)).toBeGreaterThan(0);
    });

    it('answers a client that keeps checking the server with small syncs, and still closes one asking for the whole state again and again', async () => {
      // A large document written fast, as in the collaboration benchmark's cold load.
      const writer = open(consolidated, 'secretariat');
      await synced(writer);
      const text = writer.doc.getText('notes');
      for (let i = 0; i < 6; i += 1) writer.doc.transact(() => text.insert(text.length, `${String(i)}${'x'.repeat(19_999)}`));
      const reader = open(consolidated, 'secretariat-2');
      await synced(reader);
      await until(() => reader.doc.getText('notes').length === text.length, 'the reader to hold the whole text');
      expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeGreaterThan(64 * 1024);

      // Up to date, it asks again and again, each time once answered (the benchmark's probe of other documents).
      const prober = new RawClient(server, consolidated, tokens['secretariat-2']);
      expect(await prober.opened).toBe(true);
      const upToDate = Y.encodeStateVector(reader.doc);
      for (let i = 0; i < 100; i += 1) {
        const from = prober.received.length;
        prober.send(frames.syncStep1(upToDate));
        expect(await prober.until((m) => m.kind === 'sync' && m.step === 1, from)).toBe(true);
      }
      expect(prober.isOpen).toBe(true);
      prober.close();

      // Asking for the whole (large) state beyond the burst is still refused.
      const flooder = new RawClient(server, consolidated, tokens['secretariat-2']);
      expect(await flooder.opened).toBe(true);
      for (let i = 0; i < 40; i += 1) flooder.send(frames.syncStep1());
      expect(await flooder.closed).toMatchObject({ code: 4004 });
      expect(flooder.received.filter((m) => m.kind === 'sync' && m.step === 1).length).toBeLessThanOrEqual(11);
    });
  });
}
