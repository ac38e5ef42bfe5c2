import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { docToYFragment } from '@concord/schema';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AuthContext } from '../auth/auth-context';
import { requestToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { Env } from '../config/env';
import { CollabAccessService, type DocumentAccess } from './collab-access.service';
import { CollabRepository, type StoredDocument } from './collab.repository';
import { CloseCode, type ClientMessage, ProtocolError, awarenessMessage, decodeClientMessage, syncStep1Message, syncStep2Message } from './protocol';
import { RedisRelay } from './redis-relay';
import { type Connection, SharedDocument, send } from './shared-document';
import { UpdateLog } from './update-log';

/** The fragment y-prosemirror binds to; the web editor uses the same name. */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';

/** Builds one state update from a stored snapshot and log. */
export function foldStored(stored: StoredDocument): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * The stored document as one update, encoded from its loaded copy when that copy holds everything stored, which
 * is far cheaper than replaying snapshot and log into a new document (for a 2 MiB document, about 20 ms instead
 * of 100 to 500, all of it on the event loop). The copy can lack something only when another instance stored it
 * and its relay has not arrived yet; then the stored document is replayed. `knownSnapshotSeq` names the snapshot
 * the copy was loaded from or compacted into: it need not be checked again.
 */
export function foldLoaded(doc: Y.Doc, stored: StoredDocument, knownSnapshotSeq: number): Uint8Array {
  const unchecked = stored.snapshot && stored.snapshotSeq !== knownSnapshotSeq ? [stored.snapshot, ...stored.updates] : stored.updates;
  if (unchecked.length === 0 || addsNothing(doc, Y.mergeUpdates([...unchecked]))) return Y.encodeStateAsUpdate(doc);
  return foldStored(stored);
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0;
}

/**
 * Whether applying an update would leave a document as it is: no struct it lacks, no deletion it has not made.
 * A stock y-websocket client answers sync step 1 with a step 2 that always carries its whole delete set, so a
 * reader whose copy holds deleted text sends such an update on every reconnect; it must not count as a write.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  if (decoded.structs.length > 0) return false;
  if (decoded.ds.clients.size === 0) return true;
  const deleted = Y.snapshot(doc).ds.clients;
  for (const [client, ranges] of decoded.ds.clients) {
    const known = deleted.get(client) ?? [];
    for (const range of ranges) {
      // The document's delete set is sorted and merged, so one known range must cover each new one.
      const cover = known.find((k) => k.clock <= range.clock && range.clock + range.len <= k.clock + k.len);
      if (!cover) return false;
    }
  }
  return true;
}

/** Lets the event loop serve what is waiting (other documents' messages) before going on. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The collaboration server: authenticates connections, loads documents (snapshot + log), stores every update
 * before it is applied or relayed, relays awareness, compacts logs in the background and unloads idle documents.
 */
@Injectable()
export class CollabService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Collaboration');
  private readonly documents = new Map<string, SharedDocument>();
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  private readonly pendingLoads = new Map<string, number>();
  private shuttingDown = false;

  constructor(
    private readonly env: Env,
    private readonly auth: AuthService,
    private readonly access: CollabAccessService,
    private readonly repository: CollabRepository,
    private readonly log: UpdateLog,
    private readonly relay: RedisRelay,
  ) {
    relay.onUpdate((document, update) => this.withLoaded(document, (shared) => Y.applyUpdate(shared.doc, update, 'remote')));
    relay.onAwareness((document, update) => this.withLoaded(document, (shared) => awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, 'remote')));
    relay.onResync(() => this.resyncAll());
    relay.onSessionRevoked((sessionId) => this.closeSession(sessionId));
    auth.onSessionRevoked((sessionId) => {
      this.closeSession(sessionId);
      relay.publishSessionRevoked(sessionId);
    });
  }

  /** Documents loaded in memory, for tests and diagnostics. */
  loadedDocuments(): string[] {
    return [...this.documents.keys()];
  }

  /**
   * A copy of a document's current state for reading, which the caller destroys: the loaded document's when it is
   * in memory, else folded from the database (which holds everything any client has been shown); empty when
   * nothing is stored yet. Item ids are kept, so Yjs relative positions resolve against the copy.
   */
  async snapshotOf(document: string): Promise<Y.Doc> {
    const loaded = this.documents.get(document);
    const state = loaded ? Y.encodeStateAsUpdate(loaded.doc) : foldStored(await this.repository.load(document));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    return copy;
  }

  /** Takes over a socket that was upgraded at `/collab/<document>`. */
  connect(socket: WebSocket, request: IncomingMessage): void {
    // Messages that arrive while the socket is being authorised and its document loaded wait here, in order.
    const early: Uint8Array[] = [];
    let handle: ((data: Uint8Array) => void) | null = null;
    socket.on('message', (data: RawData) => (handle ? handle(toBytes(data)) : early.push(toBytes(data))));
    socket.on('error', () => socket.terminate());
    void this.admit(socket, request).then((admitted) => {
      if (!admitted) return;
      let chain = Promise.resolve();
      handle = (data) => {
        chain = chain.then(() => this.onMessage(admitted.shared, admitted.connection, data));
      };
      for (const data of early.splice(0)) handle(data);
    });
  }

  private async admit(socket: WebSocket, request: IncomingMessage): Promise<{ shared: SharedDocument; connection: Connection } | null> {
    const refuse = (code: number, reason: string): null => {
      socket.close(code, reason);
      return null;
    };
    if (this.shuttingDown) return refuse(CloseCode.goingAway, 'server shutting down');
    const url = new URL(request.url ?? '/', 'http://localhost');
    const document = decodeURIComponent(url.pathname.replace(/^\/collab\/?/, ''));
    const token = url.searchParams.get('token') ?? requestToken(request.headers);
    const auth = token ? await this.auth.authenticate(token) : null;
    if (!auth) return refuse(CloseCode.unauthenticated, token ? 'session expired or signed out' : 'sign in first');
    let access: DocumentAccess | null;
    try {
      access = await this.access.resolve(auth, document);
    } catch (error) {
      this.logger.error(`access to ${document} could not be decided: ${String(error)}`);
      return refuse(CloseCode.loadFailed, 'document could not be loaded');
    }
    if (!access) return refuse(CloseCode.unknownDocument, 'no such document');
    if (access.level === 'none') return refuse(CloseCode.forbidden, access.reason.slice(0, 120));
    const shared = await this.openCounted(auth, document, access);
    if (typeof shared === 'number') {
      return refuse(shared, shared === CloseCode.tooManyLoads ? 'too many documents loading' : 'document could not be loaded');
    }
    if (socket.readyState !== socket.OPEN) return null;
    const connection: Connection = { socket, document, auth, level: access.level, awarenessClients: new Set() };
    shared.connections.add(connection);
    if (shared.idleTimer) clearTimeout(shared.idleTimer);
    shared.idleTimer = null;
    socket.on('close', () => this.disconnect(shared, connection));
    send(socket, syncStep1Message(shared.doc));
    if (shared.awareness.getStates().size > 0) send(socket, awarenessMessage(shared.awareness));
    return { shared, connection };
  }

  /**
   * Opens a document, limiting how many different documents one user may be loading at the same time (joining
   * a load already under way costs nothing); a close code when it cannot.
   */
  private async openCounted(auth: AuthContext, document: string, access: DocumentAccess): Promise<SharedDocument | number> {
    const loaded = this.documents.get(document);
    if (loaded) return loaded;
    const joining = this.loading.has(document);
    const count = this.pendingLoads.get(auth.user.id) ?? 0;
    if (!joining && count >= this.env.COLLAB_MAX_PENDING_LOADS) return CloseCode.tooManyLoads;
    if (!joining) this.pendingLoads.set(auth.user.id, count + 1);
    try {
      return await this.open(document, access);
    } catch (error) {
      this.logger.error(`document ${document} failed to load: ${error instanceof Error ? error.message : String(error)}`);
      return CloseCode.loadFailed;
    } finally {
      if (!joining) {
        const left = (this.pendingLoads.get(auth.user.id) ?? 1) - 1;
        if (left > 0) this.pendingLoads.set(auth.user.id, left);
        else this.pendingLoads.delete(auth.user.id);
      }
    }
  }

  private open(document: string, access: DocumentAccess): Promise<SharedDocument> {
    const loaded = this.documents.get(document);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(document);
    if (!loading) {
      loading = this.load(document, access).finally(() => this.loading.delete(document));
      this.loading.set(document, loading);
    }
    return loading;
  }

  /**
   * Reads snapshot + log into a new shared document. A brand-new document (nothing stored) starts from its
   * initial content, stored first; a document whose stored state fails to load is refused, never replaced.
   */
  private async load(document: string, access: DocumentAccess): Promise<SharedDocument> {
    let stored = await this.repository.load(document);
    if (!stored.snapshot && stored.updates.length === 0) {
      const initial = await access.initialContent();
      stored = await this.repository.seedIfEmpty(document, () => {
        const doc = new Y.Doc();
        docToYFragment(initial, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
    }
    // Loaded before the shared document listens to it, so that Yjs does not encode the whole content as one
    // update for nobody. The snapshot, then the log, each in one transaction, with other documents served in
    // between: a large document costs the event loop one of them at a time, not both plus the first sync.
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, 'database');
      await nextTurn();
      if (stored.updates.length > 0) {
        doc.transact(() => {
          for (const update of stored.updates) Y.applyUpdate(doc, update, 'database');
        }, 'database');
        await nextTurn();
      }
    } catch (error) {
      doc.destroy();
      throw error;
    }
    const shared = new SharedDocument(document, this.relay, doc);
    shared.updatesSinceCompaction = stored.updates.length;
    shared.snapshotSeq = stored.snapshotSeq;
    this.documents.set(document, shared);
    this.relay.watch(document);
    this.maybeCompact(shared);
    return shared;
  }

  /**
   * Makes a change on the server's behalf, such as compiling proposals into a consolidated draft: `mutate` edits a
   * copy of the current state, the resulting update is stored, and only then applied and relayed to every client,
   * as one transaction. Concurrent client edits merge with it like two edits always do.
   */
  async change(document: string, initialContent: DocumentAccess['initialContent'], mutate: (doc: Y.Doc) => void): Promise<Uint8Array | null> {
    const shared = await this.open(document, { level: 'write', reason: 'server', initialContent });
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(shared.doc));
      const before = Y.encodeStateVector(scratch);
      mutate(scratch);
      const update = Y.encodeStateAsUpdate(scratch, before);
      if (isEmptyUpdate(update)) return null;
      await this.log.append(document, update);
      Y.applyUpdate(shared.doc, update, 'server');
      shared.updatesSinceCompaction += 1;
      this.maybeCompact(shared);
      return update;
    } finally {
      scratch.destroy();
      if (shared.connections.size === 0 && !shared.idleTimer && !this.shuttingDown) {
        shared.idleTimer = setTimeout(() => void this.unload(shared), this.env.COLLAB_IDLE_UNLOAD_MS);
      }
    }
  }

  private async onMessage(shared: SharedDocument, connection: Connection, data: Uint8Array): Promise<void> {
    if (!shared.connections.has(connection)) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(data);
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'malformed message';
      connection.socket.close(CloseCode.malformed, `malformed message: ${reason}`.slice(0, 120));
      return;
    }
    switch (message.type) {
      case 'sync-step-1':
        send(connection.socket, syncStep2Message(shared.doc, message.stateVector));
        return;
      case 'update':
        await this.onUpdate(shared, connection, message.update);
        return;
      case 'awareness':
        for (const id of message.clients) connection.awarenessClients.add(id);
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, message.update, connection);
        return;
      case 'query-awareness':
        send(connection.socket, awarenessMessage(shared.awareness));
        return;
      case 'auth':
        return;
    }
  }

  /** Persist, then apply (which relays): no client ever sees an update the database does not hold. */
  private async onUpdate(shared: SharedDocument, connection: Connection, update: Uint8Array): Promise<void> {
    if (isEmptyUpdate(update)) return;
    if (connection.level !== 'write') {
      if (addsNothing(shared.doc, update)) return;
      connection.socket.close(CloseCode.forbidden, 'read-only: updates are refused');
      return;
    }
    try {
      await this.log.append(shared.name, update);
    } catch {
      // The client keeps its change and sends it again when it reconnects.
      connection.socket.close(CloseCode.loadFailed, 'update could not be stored');
      return;
    }
    Y.applyUpdate(shared.doc, update, connection);
    shared.updatesSinceCompaction += 1;
    this.maybeCompact(shared);
  }

  private disconnect(shared: SharedDocument, connection: Connection): void {
    shared.detach(connection);
    if (shared.connections.size > 0 || this.shuttingDown) return;
    shared.idleTimer = setTimeout(() => void this.unload(shared), this.env.COLLAB_IDLE_UNLOAD_MS);
  }

  /** Frees an idle document once everything it holds is stored and its log folded. */
  private async unload(shared: SharedDocument): Promise<void> {
    if (shared.connections.size > 0 || this.documents.get(shared.name) !== shared) return;
    await this.log.flush();
    await shared.compacting;
    if (shared.updatesSinceCompaction > 0) await this.compact(shared);
    if (shared.connections.size > 0) return;
    this.documents.delete(shared.name);
    this.relay.unwatch(shared.name);
    shared.destroy();
  }

  private maybeCompact(shared: SharedDocument): void {
    if (shared.updatesSinceCompaction < this.env.COLLAB_COMPACT_AFTER || shared.compacting) return;
    void this.compact(shared);
  }

  /** Folds the document's log into its snapshot in the background; the log stays authoritative if it fails. */
  private compact(shared: SharedDocument): Promise<void> {
    const counted = shared.updatesSinceCompaction;
    shared.compacting = this.repository
      .compact(shared.name, (stored) => foldLoaded(shared.doc, stored, shared.snapshotSeq))
      .then((snapshotSeq) => {
        shared.snapshotSeq = snapshotSeq;
        shared.updatesSinceCompaction = Math.max(0, shared.updatesSinceCompaction - counted);
      })
      .catch((error: unknown) => this.logger.warn(`compaction of ${shared.name} failed: ${String(error)}`))
      .finally(() => {
        shared.compacting = null;
      });
    return shared.compacting;
  }

  private withLoaded(document: string, apply: (shared: SharedDocument) => void): void {
    const shared = this.documents.get(document);
    if (shared) {
      apply(shared);
      return;
    }
    // A document still loading may have read the database before this change was stored: apply it afterwards.
    void this.loading.get(document)?.then(apply, () => undefined);
  }

  /** After the relay lost messages, catches every loaded document up from the database. */
  private async resyncAll(): Promise<void> {
    for (const shared of this.documents.values()) {
      const stored = await this.repository.load(shared.name);
      shared.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(shared.doc, stored.snapshot, 'database');
        for (const update of stored.updates) Y.applyUpdate(shared.doc, update, 'database');
      }, 'database');
      shared.snapshotSeq = stored.snapshotSeq;
    }
  }

  private closeSession(sessionId: string): void {
    this.closeWhere((c) => c.auth.sessionId === sessionId, CloseCode.unauthenticated, 'signed out');
  }

  /** Closes the connections that match, such as those of a signed-out session. */
  closeWhere(match: (connection: Connection) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const shared of this.documents.values()) {
      for (const connection of shared.connections) {
        if (!match(connection)) continue;
        connection.socket.close(code, reason);
        closed += 1;
      }
    }
    return closed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    this.closeWhere(() => true, CloseCode.goingAway, 'server shutting down');
    await Promise.allSettled([...this.loading.values()]);
    await this.log.flush();
    for (const shared of this.documents.values()) {
      await shared.compacting;
      if (shared.updatesSinceCompaction > 0) await this.compact(shared);
      shared.destroy();
    }
    this.documents.clear();
  }
}
