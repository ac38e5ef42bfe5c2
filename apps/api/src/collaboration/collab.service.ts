import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { isConsolidatedDocument } from '@concord/domain';
import { docToYFragment, treatyFragment } from '@concord/schema';
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import * as Y from 'yjs';
import { type AuthContext, onSessionExpiry } from '../auth/auth-context';
import { requestToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { AppException } from '../common/app.exception';
import { Env } from '../config/env';
import { Metrics } from '../metrics/metrics';
import { DelegationsRepository } from '../delegations/delegations.repository';
import { DocumentCatalogue, type DocumentAccess } from '../documents/document-catalogue';
import { CollabRepository, type StoredDocument } from './collab.repository';
import { type DocumentHost, LocalHost, WorkerHost } from './document-host';
import { ClientMessages } from './client-messages';
import { ConnectionPresence, type PresenceLimits, RateBudget } from './presence';
import { CloseCode, awarenessMessage, decodeAwarenessEntries, encodeAwarenessEntries, syncStep1Message } from './protocol';
import { RedisRelay } from './redis-relay';
import { type Connection, SharedDocument } from './shared-document';
import { UpdateLog } from './update-log';
import type { AgreedGuardOptions } from './agreed-guard';
import { type CheckedApply, type CheckOptions, applyQuietly, foldStored, isEmptyUpdate, storedUpdates } from './yjs-state';

/**
 * Sync steps 1 and awareness queries answered with a whole state that one connection may ask per second; a sync step 1
 * answered with little counts for a fraction of one (see `syncAnswerCost`).
 */
const REQUESTS_PER_SECOND = 2;
/** How many of those it may ask at once (a reconnecting client asks one or two). */
const REQUESTS_BURST = 10;
/** Messages a connection may send before its document is open (a client types while a large document loads). */
const MAX_EARLY_MESSAGES = 1_000;

/** Why a connection's document name cannot be read. */
function documentName(url: URL): string | null {
  try {
    const name = decodeURIComponent(url.pathname.replace(/^\/collab\/?/, ''));
    return name.length <= 200 ? name : null;
  } catch {
    return null;
  }
}

/**
 * The checks a document's changes pass beyond the schema: in a consolidated draft, agreed provisions are locked
 * (for clients always; the server's own changes say what they may pass). Drafting spaces are a delegation's own
 * working copies, whose statuses are the base text's and lock nothing.
 */
function checksFor(document: string, lock: AgreedGuardOptions = {}): CheckOptions {
  return isConsolidatedDocument(document) ? { agreedLock: lock } : {};
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
  private readonly messages = new ClientMessages(this.logger, (shared, update, origin) => this.accept(shared, update, origin));

  constructor(
    private readonly env: Env,
    private readonly auth: AuthService,
    private readonly access: DocumentCatalogue,
    private readonly repository: CollabRepository,
    private readonly log: UpdateLog,
    private readonly relay: RedisRelay,
    private readonly delegations: DelegationsRepository,
    private readonly metrics: Metrics,
  ) {
    metrics.observeCollab(() => {
      let connections = 0;
      for (const shared of this.documents.values()) connections += shared.connections.size;
      return { documents: this.documents.size, connections };
    });
    relay.onUpdate((document, update) =>
      this.withLoaded(document, (shared) => {
        shared.apply([update]).catch((error: unknown) => this.logger.warn(`relayed change to ${document} not applied: ${String(error)}`));
      }),
    );
    // Another instance checked the presence it relays; only entries of this instance's own connections are left out.
    relay.onAwareness((document, update) => this.withLoaded(document, (shared) => shared.applyRemotePresence(decodeAwarenessEntries(update), encodeAwarenessEntries)));
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
    const state = (await this.loadedState(document)) ?? foldStored(await this.repository.load(document));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    return copy;
  }

  /**
   * A loaded document's state once every change it includes is stored, or null when the document is not loaded
   * (or was dropped meanwhile, because a change could not be stored): then the database is the one to read.
   */
  private async loadedState(document: string): Promise<Uint8Array | null> {
    const loaded = this.documents.get(document);
    if (!loaded) return null;
    // Asked before the state, so that it covers every change the state includes.
    const stored = loaded.stored();
    try {
      const state = await loaded.host.encode();
      await stored;
      return state;
    } catch {
      return null;
    }
  }

  /**
   * Takes over a socket that was upgraded at `/collab/<document>`. Nothing one connection sends or causes may end
   * the process: every asynchronous step of it ends in a catch that closes that socket only.
   */
  connect(socket: WebSocket, request: IncomingMessage): void {
    // Messages that arrive while the socket is being authorised and its document loaded wait here, in order.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let handle: ((data: Uint8Array) => void) | null = null;
    socket.on('message', (data: RawData) => {
      try {
        const bytes = toBytes(data);
        if (handle) return handle(bytes);
        earlyBytes += bytes.byteLength;
        if (early.length < MAX_EARLY_MESSAGES && earlyBytes <= 2 * this.env.COLLAB_MAX_MESSAGE_BYTES) early.push(bytes);
        else socket.close(CloseCode.throttled, 'too much sent before the document was open');
      } catch (error) {
        this.failed(socket, 'message', error);
      }
    });
    socket.on('error', () => socket.terminate());
    this.admit(socket, request)
      .then((admitted) => {
        if (!admitted) return;
        let chain = Promise.resolve();
        handle = (data) => {
          chain = chain.then(() => this.onMessage(admitted.shared, admitted.connection, data)).catch((error: unknown) => this.failed(socket, 'message', error));
        };
        for (const data of early.splice(0)) handle(data);
      })
      .catch((error: unknown) => this.failed(socket, 'admission', error));
  }

  /** The last resort of a connection: whatever went wrong, that socket is closed and the server goes on. */
  private failed(socket: WebSocket, stage: string, error: unknown): void {
    this.logger.error(`collaboration ${stage} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(CloseCode.loadFailed, 'server error');
    } catch {
      socket.terminate();
    }
  }

  private async admit(socket: WebSocket, request: IncomingMessage): Promise<{ shared: SharedDocument; connection: Connection } | null> {
    const refuse = (code: number, reason: string): null => {
      socket.close(code, reason);
      return null;
    };
    if (this.shuttingDown) return refuse(CloseCode.goingAway, 'server shutting down');
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return refuse(CloseCode.malformed, 'malformed address');
    }
    const document = documentName(url);
    if (document === null) return refuse(CloseCode.malformed, 'malformed document name');
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
    const delegation = auth.subject.delegationId ? ((await this.delegations.findById(auth.subject.delegationId))?.code ?? null) : null;
    if (socket.readyState !== socket.OPEN) return null;
    const presence = new ConnectionPresence({ auth, level: access.level, delegation }, this.presenceLimits());
    const requests = new RateBudget(REQUESTS_PER_SECOND, REQUESTS_BURST);
    const connection: Connection = { socket, document, auth, level: access.level, presence, requests };
    shared.connections.add(connection);
    if (shared.idleTimer) clearTimeout(shared.idleTimer);
    shared.idleTimer = null;
    const cancelExpiry = onSessionExpiry(auth, () => socket.close(CloseCode.unauthenticated, 'session expired'));
    socket.on('close', () => {
      cancelExpiry();
      this.disconnect(shared, connection);
    });
    try {
      shared.send(connection, syncStep1Message(await shared.host.stateVector()));
    } catch {
      // The document was dropped meanwhile (its worker stopped); the client reloads it.
      return refuse(CloseCode.loadFailed, 'document must be reloaded');
    }
    if (shared.awareness.getStates().size > 0) shared.send(connection, awarenessMessage(shared.awareness));
    return { shared, connection };
  }

  private presenceLimits(): PresenceLimits {
    return {
      maxClients: this.env.COLLAB_MAX_PRESENCE_CLIENTS,
      maxMessageBytes: this.env.COLLAB_MAX_AWARENESS_BYTES,
      ratePerSecond: this.env.COLLAB_PRESENCE_RATE,
    };
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
        docToYFragment(initial, treatyFragment(doc));
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
    }
    const host = await this.host(document, stored);
    const shared = new SharedDocument(document, this.relay, host, this.env.COLLAB_MAX_BUFFERED_BYTES);
    shared.updatesSinceCompaction = stored.updates.length;
    shared.snapshotSeq = stored.snapshotSeq;
    this.documents.set(document, shared);
    this.relay.watch(document);
    this.maybeCompact(shared);
    return shared;
  }

  /**
   * Where a document's state lives: a worker thread of its own when what is stored reaches
   * COLLAB_WORKER_THRESHOLD_BYTES, so that integrating it does not hold up the other documents; else the main
   * thread, where the snapshot and then the log are applied in separate turns of the event loop.
   */
  private async host(document: string, stored: StoredDocument): Promise<DocumentHost> {
    const bytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    if (bytes >= this.env.COLLAB_WORKER_THRESHOLD_BYTES) {
      return WorkerHost.start(stored, (error) => this.hostFailed(document, error));
    }
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) applyQuietly(doc, [stored.snapshot]);
      await nextTurn();
      applyQuietly(doc, stored.updates);
      await nextTurn();
    } catch (error) {
      doc.destroy();
      throw error;
    }
    return new LocalHost(doc);
  }

  /** A document's worker died: its clients reload it from the database, which holds all they have seen. */
  private hostFailed(document: string, error: Error): void {
    this.logger.error(`document ${document} was dropped: ${error.message}`);
    const shared = this.documents.get(document);
    if (shared) this.drop(shared);
  }

  /**
   * Forgets a loaded document whose copy can no longer be trusted (its worker stopped, or a change it applied
   * could not be stored): its clients are closed and reload it from the database, which holds all they were shown.
   */
  private drop(shared: SharedDocument): void {
    if (this.documents.get(shared.name) !== shared) return;
    this.documents.delete(shared.name);
    this.relay.unwatch(shared.name);
    for (const connection of shared.connections) connection.socket.close(CloseCode.loadFailed, 'document must be reloaded');
    shared.destroy();
  }

  /**
   * Checks and applies a change in the document's host, stores it, and only then relays it. Checking in the host
   * that holds the state, in the order changes arrive, means each change is checked against every change accepted
   * before it, stored or not yet; reads of the state wait for the writes they include (see `SharedDocument`).
   * Rejects if the host failed or the change could not be stored (then the document is dropped).
   */
  private async accept(shared: SharedDocument, update: Uint8Array, origin: Connection | 'server', lock?: AgreedGuardOptions): Promise<CheckedApply> {
    const write = shared.beginWrite();
    let result: CheckedApply;
    try {
      result = await shared.host.applyChecked(update, checksFor(shared.name, lock));
    } catch (error) {
      write.settle();
      throw error;
    }
    if (result.kind === 'refused' || result.changed === null) {
      write.settle();
      return result;
    }
    try {
      await this.log.append(shared.name, result.changed);
    } catch (error) {
      write.settle(error);
      // The copy holds a change the database does not: nobody may read it. The client sends it again.
      this.logger.error(`a change to ${shared.name} could not be stored; the document is reloaded: ${String(error)}`);
      this.drop(shared);
      throw error;
    }
    write.settle();
    shared.broadcast(result.changed, origin);
    this.metrics.fanOut.observe(shared.connections.size - (origin === 'server' ? 0 : 1));
    shared.updatesSinceCompaction += 1;
    this.maybeCompact(shared);
    return result;
  }

  /**
   * Makes a change on the server's behalf, such as compiling proposals into a consolidated draft: `mutate` edits a
   * copy of the current state, the resulting update is stored, and only then applied and relayed to every client,
   * as one transaction. Concurrent client edits merge with it like two edits always do. In a consolidated draft
   * the change may not touch an agreed provision unless `lock` lets it (a status change, a renumbering); one that
   * does is refused with `provision-agreed` and changes nothing.
   */
  async change(document: string, initialContent: DocumentAccess['initialContent'], mutate: (doc: Y.Doc) => void, lock?: AgreedGuardOptions): Promise<Uint8Array | null> {
    const shared = await this.open(document, { level: 'write', reason: 'server', initialContent });
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, await shared.host.encode());
      const before = Y.encodeStateVector(scratch);
      mutate(scratch);
      const update = Y.encodeStateAsUpdate(scratch, before);
      if (isEmptyUpdate(update)) return null;
      const result = await this.accept(shared, update, 'server', lock);
      if (result.kind === 'refused' && result.agreed) {
        throw new AppException(
          'provision-agreed',
          `This change would alter ${result.agreed.length === 1 ? 'a provision' : `${result.agreed.length} provisions`} agreed by the committee; reopen ${result.agreed.length === 1 ? 'it' : 'them'} first (the Chair or the secretariat, giving a reason), then try again.`,
          result.agreed.map((id) => `agreed provision ${id}`),
        );
      }
      if (result.kind === 'refused') throw new Error(`the server's change to ${document} was refused: ${result.reason}`);
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
    try {
      await this.messages.handle(shared, connection, data);
    } catch (error) {
      // Only the document's host failing gets here (its worker stopped): what was stored stays stored.
      this.logger.warn(`message on ${shared.name} not handled: ${error instanceof Error ? error.message : String(error)}`);
      connection.socket.close(CloseCode.loadFailed, 'document must be reloaded');
    }
  }

  private disconnect(shared: SharedDocument, connection: Connection): void {
    shared.detach(connection);
    if (shared.connections.size > 0 || this.shuttingDown) return;
    shared.idleTimer = setTimeout(() => void this.unload(shared), this.env.COLLAB_IDLE_UNLOAD_MS);
  }

  /** Frees an idle document once everything it holds is stored and its log folded. */
  private async unload(shared: SharedDocument): Promise<void> {
    if (shared.connections.size > 0 || this.documents.get(shared.name) !== shared) return;
    await shared.stored().catch(() => undefined);
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
      .compact(shared.name, (stored) => shared.host.fold(stored, shared.snapshotSeq))
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
      await shared.apply(storedUpdates(stored));
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
