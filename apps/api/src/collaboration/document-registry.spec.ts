import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Env } from '../config/env';
import { Metrics } from '../metrics/metrics';
import type { CollabRepository, StoredDocument } from './collab.repository';
import { DocumentRegistry } from './document-registry';
import { CloseCode } from './protocol';
import type { RedisRelay } from './redis-relay';
import type { Connection, SharedDocument } from './shared-document';
import type { UpdateLog } from './update-log';

const DOCUMENT = 'space:00000000-0000-4000-8000-000000000000';

/** What the fake repository holds: one update, written by one client. */
const SEEDED = (() => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'hello');
  return Y.encodeStateAsUpdate(doc);
})();

/** A client's edit of the stored document (each by a new client, so that edits never depend on one another). */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, SEEDED);
  const before = Y.encodeStateVector(doc);
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The registry over small fakes: a repository holding one seeded document, a log whose appends the test may hold. */
function registry(options: { compactAfter?: number; idleMs?: number; append?: () => Promise<void> } = {}) {
  const env = {
    COLLAB_MAX_PENDING_LOADS: 4,
    COLLAB_WORKER_THRESHOLD_BYTES: 1 << 30,
    COLLAB_COMPACT_AFTER: options.compactAfter ?? 1000,
    COLLAB_IDLE_UNLOAD_MS: options.idleMs ?? 60_000,
    COLLAB_MAX_BUFFERED_BYTES: 1 << 20,
  } as unknown as Env;
  const stored: StoredDocument = { snapshot: null, updates: [SEEDED], snapshotSeq: 0, lastSeq: 1 };
  const folds: number[] = [];
  const repository = {
    load: () => Promise.resolve(stored),
    compact: async (_document: string, fold: (stored: StoredDocument) => Promise<Uint8Array>) => {
      await fold(stored);
      folds.push(Date.now());
      return stored.lastSeq;
    },
  } as unknown as CollabRepository;
  const appended: Uint8Array[] = [];
  const log = {
    append: vi.fn(async (_document: string, data: Uint8Array) => {
      await (options.append ?? (() => Promise.resolve()))();
      appended.push(data);
    }),
    flush: vi.fn(() => Promise.resolve()),
  } as unknown as UpdateLog;
  const published: Uint8Array[] = [];
  const relay = {
    onUpdate: () => undefined,
    onAwareness: () => undefined,
    onResync: () => undefined,
    watch: () => undefined,
    unwatch: () => undefined,
    publishUpdate: (_document: string, update: Uint8Array) => published.push(update),
    publishAwareness: () => undefined,
  } as unknown as RedisRelay;
  const documents = new DocumentRegistry(env, repository, log, relay, new Metrics({ defaults: false }));
  return { documents, log, appended, published, folds };
}

async function open(documents: DocumentRegistry): Promise<SharedDocument> {
  const shared = await documents.openFor('u1', DOCUMENT, () => Promise.reject(new Error('nothing is new here')));
  if (typeof shared === 'number') throw new Error(`the document did not open (${shared})`);
  return shared;
}

/** A connection whose socket records how it was closed. */
function connection(): Connection & { closedWith: number | null } {
  const socket = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    send: (_data: Uint8Array, done?: (error?: Error) => void) => done?.(),
    close(code: number) {
      result.closedWith = code;
      socket.readyState = 3;
    },
  };
  const result = {
    socket,
    document: DOCUMENT,
    level: 'write',
    presence: { clients: new Set<number>(), stop: () => undefined },
    closedWith: null as number | null,
  };
  return result as unknown as Connection & { closedWith: number | null };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe(DocumentRegistry.name, () => {
  afterEach(() => vi.useRealTimers());

  it('relays a change only once the log has stored it', async () => {
    let store: () => void = () => undefined;
    const { documents, published } = registry({ append: () => new Promise<void>((resolve) => (store = resolve)) });
    const shared = await open(documents);
    const accepted = documents.accept(shared, edit('A '), 'server');
    await settled();
    expect(published).toHaveLength(0);
    store();
    await expect(accepted).resolves.toMatchObject({ kind: 'applied' });
    await settled();
    expect(published).toHaveLength(1);
  });

  it('folds the log once COLLAB_COMPACT_AFTER updates are stored, counting those it was loaded with', async () => {
    const { documents, folds } = registry({ compactAfter: 3 });
    const shared = await open(documents);
    await documents.accept(shared, edit('A '), 'server');
    await settled();
    expect(folds).toHaveLength(0);
    expect(shared.unfoldedUpdates).toBe(2);
    await documents.accept(shared, edit('B '), 'server');
    await settled();
    expect(folds).toHaveLength(1);
    expect(shared.unfoldedUpdates).toBe(0);
  });

  it('drops a document whose change could not be stored, closing its connections so that they reload it', async () => {
    const { documents } = registry({ append: () => Promise.reject(new Error('disk full')) });
    const shared = await open(documents);
    const client = connection();
    documents.attach(shared, client);
    await expect(documents.accept(shared, edit('A '), client)).rejects.toThrow('disk full');
    expect(client.closedWith).toBe(CloseCode.loadFailed);
    expect(documents.loaded()).toEqual([]);
  });

  it('unloads a document left without connections once its log is flushed and folded', async () => {
    const { documents, log, folds } = registry({ idleMs: 20 });
    const shared = await open(documents);
    const client = connection();
    documents.attach(shared, client);
    documents.detach(shared, client);
    expect(documents.loaded()).toEqual([DOCUMENT]);
    await vi.waitFor(() => expect(documents.loaded()).toEqual([]));
    expect(log.flush).toHaveBeenCalled();
    expect(folds).toHaveLength(1);
  });

  it('keeps a document that a connection joins before its idle time is up', async () => {
    const { documents } = registry({ idleMs: 1_000 });
    const shared = await open(documents);
    vi.useFakeTimers();
    const first = connection();
    documents.attach(shared, first);
    documents.detach(shared, first);
    vi.advanceTimersByTime(500);
    documents.attach(shared, connection());
    vi.advanceTimersByTime(5_000);
    expect(documents.loaded()).toEqual([DOCUMENT]);
  });

  it('closes every connection at shutdown and stores and folds what each document holds', async () => {
    const { documents, log, folds } = registry();
    const shared = await open(documents);
    const client = connection();
    documents.attach(shared, client);
    await documents.accept(shared, edit('A '), 'server');
    await documents.shutdown();
    expect(client.closedWith).toBe(CloseCode.goingAway);
    expect(log.flush).toHaveBeenCalled();
    expect(folds).toHaveLength(1);
    expect(documents.loaded()).toEqual([]);
  });
});
