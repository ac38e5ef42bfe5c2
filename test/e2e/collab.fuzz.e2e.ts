import { consolidatedDocument } from '@concord/domain';
import { docFromYFragment, treatyFragment } from '@concord/schema';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOCUMENT_HOSTS, provider, synced } from '../support/collab';
import { frames, RawClient } from '../support/collab-protocol';
import { BACKENDS } from '../support/databases';
import { client, login, startServer, type TestServer } from '../support/server';

/*
 * Suite (b): the collaboration protocol under random and mutated frames and updates from every kind of
 * connection. After each case the server must answer /api/health and may only have closed the socket with one of
 * its documented codes; after all of them, every document must load for a fresh client (also after a restart),
 * hold a treaty text the schema accepts, and still be submitted and traced. FUZZ_RUNS sets the number of cases.
 */

type Json = Record<string, unknown>;

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

/** Close codes a refused or misbehaving connection may get; 4500 (a server error) is not among them. */
const EXPECTED_CLOSES = new Set([1009, 4002, 4003, 4004, 4400, 4401, 4403, 4404, 4422, 4423]);

const NODE_NAMES = ['script', 'iframe', 'article', 'paragraph', 'text_block', 'heading', 'text', 'doc', 'option_group', 'option', '__proto__', 'constructor', ''];
const ATTRIBUTE_KEYS = ['id', 'status', 'onclick', '__proto__', 'sponsors', 'isBase', 'style', 'toString'];
const MARK_KEYS = ['bracket', 'bracket--AAAAAAAA', 'provenance', 'provenance--BBBBBBBB', 'script', 'em', '__proto__'];

/** A change made to a copy of a document, from which the update a client would send is taken. */
type Mutation =
  | { readonly kind: 'type'; readonly at: number; readonly text: string }
  | { readonly kind: 'element'; readonly name: string; readonly where: 'root' | 'article' | 'paragraph' }
  | { readonly kind: 'attribute'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'mark'; readonly key: string; readonly attrs: unknown }
  | { readonly kind: 'delete'; readonly from: number; readonly length: number }
  | { readonly kind: 'delete-all' }
  | { readonly kind: 'embed' }
  | { readonly kind: 'loose-text'; readonly text: string }
  | { readonly kind: 'other-root'; readonly text: string }
  | { readonly kind: 'unappliable'; readonly client: number; readonly clock: number };

type Frame =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'truncated-varint'; readonly type: number }
  | { readonly kind: 'wrong-type'; readonly type: number; readonly rest: Uint8Array }
  | { readonly kind: 'huge-length'; readonly awareness: boolean }
  | { readonly kind: 'update'; readonly mutation: Mutation; readonly step: 1 | 2; readonly cut: number | null; readonly flip: readonly [number, number] | null }
  | { readonly kind: 'awareness'; readonly entries: ReadonlyArray<{ clientID: number; clock: number; state: unknown }> }
  | { readonly kind: 'query' }
  | { readonly kind: 'sync-1'; readonly stateVector: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(400), text: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('element' as const), name: fc.constantFrom(...NODE_NAMES), where: fc.constantFrom('root' as const, 'article' as const, 'paragraph' as const) }),
  fc.record({ kind: fc.constant('attribute' as const), key: fc.constantFrom(...ATTRIBUTE_KEYS), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('mark' as const), key: fc.constantFrom(...MARK_KEYS), attrs: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const), from: fc.nat(20), length: fc.integer({ min: 1, max: 20 }) }),
  fc.constant({ kind: 'delete-all' as const }),
  fc.constant({ kind: 'embed' as const }),
  fc.record({ kind: fc.constant('loose-text' as const), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('other-root' as const), text: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('unappliable' as const), client: fc.integer({ min: 1, max: 2 ** 31 }), clock: fc.integer({ min: 0, max: 1000 }) }),
);

const spoofedUser = fc.record({
  id: fc.constantFrom('someone-else', '00000000-0000-4000-8000-000000000000'),
  name: fc.constantFrom('Secretariat', 'Chair', ''),
  role: fc.constantFrom('secretariat', 'admin'),
  delegation: fc.constantFrom('EGY', 'BRA'),
  color: fc.constantFrom('#000000', 'red'),
  mode: fc.constantFrom('editing', 'reading'),
});

const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 48 }) }),
  fc.record({ kind: fc.constant('truncated-varint' as const), type: fc.constantFrom(0, 1, 2, 3) }),
  fc.record({ kind: fc.constant('wrong-type' as const), type: fc.integer({ min: 4, max: 2 ** 30 }), rest: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant('huge-length' as const), awareness: fc.boolean() }),
  fc.record({
    kind: fc.constant('update' as const),
    mutation,
    step: fc.constantFrom(1 as const, 2 as const),
    cut: fc.option(fc.nat(200), { freq: 4 }),
    flip: fc.option(fc.tuple(fc.nat(200), fc.integer({ min: 0, max: 255 })), { freq: 4 }),
  }),
  fc.record({
    kind: fc.constant('awareness' as const),
    entries: fc.array(
      fc.record({
        clientID: fc.oneof(fc.nat(10), fc.integer({ min: 0, max: 2 ** 30 })),
        clock: fc.nat(5),
        state: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), fc.record({ user: spoofedUser, cursor: fc.constant(null) })),
      }),
      { maxLength: 30 },
    ),
  }),
  fc.constant({ kind: 'query' as const }),
  fc.record({ kind: fc.constant('sync-1' as const), stateVector: fc.uint8Array({ maxLength: 24 }) }),
);

/** The n-th child element of a type, if it is one. */
function elementAt(parent: Y.XmlFragment, index: number): Y.XmlElement | null {
  const child = parent.length > 0 ? parent.get(Math.min(index, parent.length - 1)) : null;
  return child instanceof Y.XmlElement ? child : null;
}

/** The first text of the first paragraph-like block below `type`, depth first. */
function firstText(type: Y.XmlFragment): Y.XmlText | null {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return null;
}

function unappliable(clientId: number, clock: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 4);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock + 5);
  encoding.writeVarString(e, 'x');
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** The update a client holding `mirror` would send after making the change to its copy. */
function updateFor(mirror: Y.Doc, change: Mutation): Uint8Array {
  if (change.kind === 'unappliable') return unappliable(change.client, change.clock);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(mirror));
  const before = Y.encodeStateVector(copy);
  const root = treatyFragment(copy);
  const article = elementAt(root, 1);
  const paragraph = article ? elementAt(article, 1) : null;
  const text = firstText(root);
  try {
    switch (change.kind) {
      case 'type':
        if (text) text.insert(Math.min(change.at, text.length), change.text);
        break;
      case 'element': {
        const target = change.where === 'root' ? root : change.where === 'article' ? article : paragraph;
        target?.insert(Math.min(1, target.length), [new Y.XmlElement(change.name)]);
        break;
      }
      case 'attribute':
        (paragraph ?? article)?.setAttribute(change.key, change.value as string);
        break;
      case 'mark':
        if (text && text.length > 1) text.format(0, Math.min(3, text.length), { [change.key]: change.attrs });
        break;
      case 'delete':
        if (root.length > change.from) root.delete(change.from, Math.min(change.length, root.length - change.from));
        break;
      case 'delete-all':
        root.delete(0, root.length);
        break;
      case 'embed':
        text?.insertEmbed(0, { image: 'x' });
        break;
      case 'loose-text':
        root.insert(0, [new Y.XmlText(change.text)]);
        break;
      case 'other-root':
        copy.getText('notes').insert(0, change.text);
        break;
    }
    return Y.encodeStateAsUpdate(copy, before);
  } finally {
    copy.destroy();
  }
}

function bytesOf(f: Frame, mirror: Y.Doc): Uint8Array {
  switch (f.kind) {
    case 'bytes':
      return f.bytes;
    case 'truncated-varint':
      return new Uint8Array([f.type, 0xff, 0xff, 0xff]);
    case 'wrong-type': {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, f.type);
      encoding.writeUint8Array(e, f.rest);
      return encoding.toUint8Array(e);
    }
    case 'huge-length':
      return f.awareness ? new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]) : new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
    case 'update': {
      let update = updateFor(mirror, f.mutation);
      if (f.cut !== null) update = update.slice(0, Math.min(f.cut, update.length));
      if (f.flip !== null && update.length > 0) {
        update = update.slice();
        update[f.flip[0] % update.length] = f.flip[1];
      }
      return frames.update(update, f.step);
    }
    case 'awareness':
      return frames.awareness(f.entries);
    case 'query':
      return frames.queryAwareness();
    case 'sync-1':
      return frames.syncStep1(f.stateVector);
  }
}

/** Who connects, to which document. */
const CONNECTIONS = [
  { name: 'secretariat writing the consolidated draft', who: 'secretariat', document: 'consolidated' },
  { name: 'a delegate reading the consolidated draft', who: 'egypt.delegate', document: 'consolidated' },
  { name: 'an observer refused the consolidated draft', who: 'observer', document: 'consolidated' },
  { name: "a delegate writing Egypt's drafting space", who: 'egypt.delegate', document: 'space' },
  { name: "another delegation refused Egypt's drafting space", who: 'brazil.head', document: 'space' },
  { name: 'an anonymous client', who: null, document: 'space' },
] as const;

/** Both document hosts on SQLite; on PostgreSQL (when TEST_DATABASE_URL is set) the main thread's. */
const SETUPS = [...DOCUMENT_HOSTS.map((host) => ({ backend: BACKENDS[0], host })), { backend: BACKENDS[1], host: DOCUMENT_HOSTS[0] }];

for (const { backend, host } of SETUPS) {
  describe.skipIf(backend.skip !== null)(`Collaboration protocol fuzz (${backend.name}, ${host.name}${backend.skip ? `, ${backend.skip}` : ''})`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const documents: Record<'consolidated' | 'space', string> = { consolidated: '', space: '' };
    let spaceId = '';
    const mirrors: WebsocketProvider[] = [];
    let tried = 0;
    let held = 0;

    beforeAll(async () => {
      server = await startServer(await backend.create(), { COLLAB_IDLE_UNLOAD_MS: '500', COLLAB_COMPACT_AFTER: '25', ...host.env });
      for (const who of ['secretariat', 'egypt.head', 'egypt.delegate', 'brazil.head', 'observer']) tokens[who] = await login(server, `${who}@concord.test`);
      const committees = (await client(server).get('/api/committees')).body.items as Json[];
      const instruments = (await client(server, tokens.secretariat).get(`/api/committees/${String(committees[0].id)}/instruments`)).body.items as Json[];
      const instrumentId = String(instruments[0].id);
      documents.consolidated = consolidatedDocument(instrumentId, 'en');
      const space = await client(server, tokens['egypt.head']).post(`/api/instruments/${instrumentId}/drafting-spaces`, { title: 'Fuzzed', language: 'en' });
      expect(space.status).toBe(201);
      documents.space = String(space.body.document);
      spaceId = String(space.body.id);
      mirrors.push(provider(server, documents.consolidated, tokens.secretariat), provider(server, documents.space, tokens['egypt.head']));
      await Promise.all(mirrors.map(synced));
    });
    afterAll(async () => {
      for (const m of mirrors) m.destroy();
      await server?.close();
    });

    it('keeps the server up and closes only the offending socket, with a documented code', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CONNECTIONS), fc.array(frame, { minLength: 1, maxLength: 6 }), async (connection, sent) => {
          tried += 1;
          const document = documents[connection.document];
          const mirror = mirrors[connection.document === 'consolidated' ? 0 : 1].doc;
          const socket = new RawClient(server, document, connection.who ? tokens[connection.who] : undefined);
          try {
            if (await socket.opened) {
              for (const f of sent) socket.send(bytesOf(f, mirror));
              await socket.roundTrip();
            }
            const closedWith = socket.isOpen ? null : (await socket.closed).code;
            expect(closedWith === null || EXPECTED_CLOSES.has(closedWith), `closed with ${closedWith}`).toBe(true);
            expect((await client(server).get('/api/health')).status).toBe(200);
            held += 1;
          } finally {
            socket.close();
          }
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    });

    it('closes a connection to a malformed or unknown document name with a documented code', async () => {
      const names = fc.oneof(
        fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%00', 'space:%ZZ', `consolidated:${'x'.repeat(300)}`, '..%2F..%2Fetc', 'space%3A'),
        fc.string({ maxLength: 40 }).map((text) => encodeURIComponent(text).replace(/%2/g, '%')),
      );
      await fc.assert(
        fc.asyncProperty(names, fc.constantFrom(null, 'secretariat', 'brazil.head'), async (name, who) => {
          tried += 1;
          const socket = new RawClient(server, name, who ? tokens[who] : undefined);
          try {
            expect(await socket.opened).toBe(false);
            expect(EXPECTED_CLOSES.has((await socket.closed).code)).toBe(true);
            expect((await client(server).get('/api/health')).status).toBe(200);
            held += 1;
          } finally {
            socket.close();
          }
        }),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    });

    it('leaves every document loadable and schema-valid, also after a restart, and still submitted and traced', async () => {
      for (const m of mirrors.splice(0)) m.destroy();
      const check = async () => {
        for (const [document, who] of [
          [documents.consolidated, 'secretariat'],
          [documents.space, 'egypt.head'],
        ] as const) {
          const fresh = provider(server, document, tokens[who]);
          try {
            await synced(fresh);
            const treaty = docFromYFragment(treatyFragment(fresh.doc));
            treaty.check();
            expect(treaty.childCount).toBeGreaterThan(0);
          } finally {
            fresh.destroy();
          }
        }
      };
      await check();
      await server.restart();
      await check();
      const traced = await client(server, tokens.secretariat).get(`/api/documents/${encodeURIComponent(documents.consolidated)}/provenance?from=1&to=20`);
      expect(traced.status).toBe(200);
      const submitted = await client(server, tokens['egypt.head']).post(`/api/drafting-spaces/${spaceId}/submit`, { justification: 'After the fuzz.' });
      // A space the fuzz never changed validly has nothing to propose (422); anything else must go through.
      expect([201, 422]).toContain(submitted.status);
      if (submitted.status === 422) expect(submitted.body.error?.code).toBe('empty-proposal');
      console.log(`collab fuzz (${backend.name}, ${host.name}): ${tried} cases tried, ${held} held`);
      expect(held).toBe(tried);
    });
  });
}
