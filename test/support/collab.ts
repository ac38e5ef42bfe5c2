import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { TestServer } from './server';

/** A stock y-websocket provider on a fresh Y.Doc, signed in with a bearer token. */
export function provider(server: Pick<TestServer, 'port'>, document: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(`ws://127.0.0.1:${server.port}/collab`, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 200,
  });
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(p: WebsocketProvider): Promise<void> {
  if (p.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (isSynced: boolean) => {
      if (!isSynced) return;
      p.off('sync', done);
      resolve();
    };
    p.on('sync', done);
  });
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A raw WebSocket to a collaboration document, to see exactly how the server answers. */
export function rawSocket(server: Pick<TestServer, 'port'>, document: string, token?: string): WebSocket {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return new WebSocket(`ws://127.0.0.1:${server.port}/collab/${document}${query}`);
}

/** The close code and reason a socket ends with. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
}

/** The first message the socket receives. */
export function firstMessage(socket: WebSocket): Promise<Buffer> {
  return new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(data)));
}

/**
 * Resolves once a second client of the document sees `check` hold. The server stores an update before relaying
 * it, so from then on the database has it too.
 */
export async function relayed(server: Pick<TestServer, 'port'>, document: string, token: string, check: (doc: Y.Doc) => boolean): Promise<void> {
  const watcher = provider(server, document, token);
  try {
    await synced(watcher);
    await until(() => check(watcher.doc), `the change to ${document} to reach another client`);
  } finally {
    watcher.destroy();
  }
}

/**
 * The two places the server keeps a document's Yjs state: on its main thread (below the size threshold, the
 * usual case) and in a worker thread of its own (large documents; the threshold set to 0 puts every document
 * there). The collaboration suites run against both.
 */
export const DOCUMENT_HOSTS = [
  { name: 'documents on the main thread', env: {} },
  { name: 'documents in worker threads', env: { COLLAB_WORKER_THRESHOLD_BYTES: '0' } },
] as const;
