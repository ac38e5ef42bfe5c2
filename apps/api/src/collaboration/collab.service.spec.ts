import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import type { AuthService } from '../auth/auth.service';
import type { Env } from '../config/env';
import type { DelegationsRepository } from '../delegations/delegations.repository';
import type { DocumentCatalogue } from '../documents/document-catalogue';
import type { CollabRepository } from './collab.repository';
import { CollabAdmission } from './admission';
import { CollabService } from './collab.service';
import { DocumentRegistry } from './document-registry';
import type { RedisRelay } from './redis-relay';
import type { UpdateLog } from './update-log';
import { Metrics } from '../metrics/metrics';

/** A socket as the ws library gives it, recording what the server sends and how it closes. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;

  send(data: Uint8Array, done?: (error?: Error) => void): void {
    this.sent.push(data);
    done?.();
  }

  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    this.readyState = 3;
    this.emit('close', code, Buffer.from(reason));
  }

  terminate(): void {
    this.close(1006, '');
  }
}

const auth = {
  user: { id: 'u1', email: 'a@b', displayName: 'A', roles: ['secretariat'], delegationId: null, committeeId: 'c1', active: true },
  subject: { userId: 'u1', roles: ['secretariat'], delegationId: null },
  sessionId: 's1',
  sessionExpiresAt: null,
} as unknown as AuthContext;

function seeded(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'hello');
  return Y.encodeStateAsUpdate(doc);
}

function service(overrides: { authenticate?: () => Promise<AuthContext | null> } = {}): CollabService {
  const env = { COLLAB_MAX_MESSAGE_BYTES: 1 << 20, COLLAB_MAX_PENDING_LOADS: 4, COLLAB_WORKER_THRESHOLD_BYTES: 1 << 30, COLLAB_COMPACT_AFTER: 1000, COLLAB_IDLE_UNLOAD_MS: 1000, COLLAB_MAX_BUFFERED_BYTES: 1 << 20, COLLAB_MAX_PRESENCE_CLIENTS: 4, COLLAB_MAX_AWARENESS_BYTES: 1 << 20, COLLAB_PRESENCE_RATE: 20 } as unknown as Env;
  const authService = { authenticate: overrides.authenticate ?? (() => Promise.resolve(auth)), onSessionRevoked: () => undefined } as unknown as AuthService;
  const access = { resolve: () => Promise.resolve({ level: 'write', reason: 'test', initialContent: () => Promise.reject(new Error('unused')) }) } as unknown as DocumentCatalogue;
  const repository = { load: () => Promise.resolve({ snapshot: null, updates: [seeded()], snapshotSeq: 0 }) } as unknown as CollabRepository;
  const log = { append: () => Promise.resolve(), flush: () => Promise.resolve() } as unknown as UpdateLog;
  const relay = { onUpdate: () => undefined, onAwareness: () => undefined, onResync: () => undefined, onSessionRevoked: () => undefined, watch: () => undefined, unwatch: () => undefined, publishUpdate: () => undefined, publishAwareness: () => undefined } as unknown as RedisRelay;
  const delegations = { findById: () => Promise.resolve(null) } as unknown as DelegationsRepository;
  const registry = new DocumentRegistry(env, repository, log, relay, new Metrics({ defaults: false }));
  return new CollabService(env, new CollabAdmission(authService, access, delegations), registry, relay, authService);
}

function connect(collab: CollabService, url = '/collab/space:00000000-0000-4000-8000-000000000000?token=t'): FakeSocket {
  const socket = new FakeSocket();
  collab.connect(socket as unknown as WebSocket, { url, headers: {} } as IncomingMessage);
  return socket;
}

const closed = (socket: FakeSocket) => vi.waitFor(() => expect(socket.closedWith).not.toBeNull());

describe(CollabService.name, () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
    vi.restoreAllMocks();
  });

  it('closes a socket whose document name cannot be decoded with 4400', async () => {
    const socket = connect(service(), '/collab/%ZZ');
    await closed(socket);
    expect(socket.closedWith).toEqual({ code: 4400, reason: 'malformed document name' });
    expect(unhandled).toEqual([]);
  });

  it('closes only that socket when admission throws (an injected fault), with nothing left unhandled', async () => {
    const socket = connect(service({ authenticate: () => Promise.reject(new Error('injected fault')) }));
    await closed(socket);
    expect(socket.closedWith).toEqual({ code: 4500, reason: 'server error' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('closes only that socket when a message handler throws (an injected fault), and serves the next connection', async () => {
    const collab = service();
    const handle = vi.spyOn(CollabService.prototype as unknown as { onMessage: () => Promise<void> }, 'onMessage');
    handle.mockRejectedValueOnce(new Error('injected fault'));
    const socket = connect(collab);
    await vi.waitFor(() => expect(socket.sent.length).toBeGreaterThan(0));
    socket.emit('message', Buffer.from([0, 0, 1, 0]));
    await closed(socket);
    expect(socket.closedWith?.code).toBe(4500);
    handle.mockRestore();

    const next = connect(collab);
    await vi.waitFor(() => expect(next.sent.length).toBeGreaterThan(0));
    const before = next.sent.length;
    next.emit('message', Buffer.from([0, 0, 1, 0]));
    await vi.waitFor(() => expect(next.sent.length).toBeGreaterThan(before));
    expect(next.closedWith).toBeNull();
    expect(unhandled).toEqual([]);
  });
});
