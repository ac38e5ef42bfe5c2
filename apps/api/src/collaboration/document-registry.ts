import { Injectable, Logger } from '@nestjs/common';
import { docToYFragment, treatyFragment } from '@concord/schema';
import * as Y from 'yjs';
import { AppException } from '../common/app.exception';
import { Env } from '../config/env';
import { Metrics } from '../metrics/metrics';
import type { DocumentAccess } from '../documents/document-catalogue';
import { CollabRepository, type StoredDocument } from './collab.repository';
import { type DocumentHost, LocalHost, WorkerHost } from './document-host';
import { FoldWorker } from './fold-worker';
import type { AgreedGuardOptions } from './agreed-guard';
import { CloseCode, decodeAwarenessEntries, encodeAwarenessEntries } from './protocol';
import { RedisRelay } from './redis-relay';
import { type Connection, SharedDocument, type StoreFold } from './shared-document';
import { UpdateLog } from './update-log';
import { type CheckedApply, type CheckOptions, applyQuietly, foldStored, isEmptyUpdate, storedUpdates } from './yjs-state';

/** What a brand-new document starts from. */
export type InitialContent = DocumentAccess['initialContent'];

/** Who a change comes from: a client's connection, or the server's own use cases. */
export type ChangeOrigin = Connection | 'server';

/**
 * The checks a document's changes pass beyond the schema: in a consolidated draft, agreed provisions are locked
 * (for clients always; the server's own changes say what they may pass). Drafting spaces are a delegation's own
 * working copies, whose statuses are the base text's and lock nothing.
 */
function checksFor(shared: SharedDocument, lock: AgreedGuardOptions = {}): CheckOptions {
  return shared.consolidated ? { agreedLock: lock } : {};
}

/** Lets the event loop serve what is waiting (other documents' messages) before going on. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The documents loaded in memory, and what happens to each as a whole: loading it (snapshot + log, or its initial
 * content when nothing is stored), the changes it accepts (checked, stored, and only then relayed), the changes
 * other instances relay, compaction, and unloading once nobody uses it. Connections are attached and detached
 * here; what they send is read by CollabService.
 */
@Injectable()
export class DocumentRegistry {
  private readonly logger = new Logger('Collaboration');
  private readonly documents = new Map<string, SharedDocument>();
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  /** Documents each user is loading right now (see `openFor`). */
  private readonly pendingLoads = new Map<string, number>();
  private shuttingDown = false;
  /** Folds for compaction of the documents held on the main thread, off it (none where the worker is not built). */
  private readonly folds = FoldWorker.available() ? new FoldWorker() : null;
  private readonly storeFold: StoreFold = (document, fold) => this.repository.compact(document, fold);

  constructor(
    private readonly env: Env,
    private readonly repository: CollabRepository,
    private readonly log: UpdateLog,
    private readonly relay: RedisRelay,
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
  }

  /** Documents loaded in memory, for tests and diagnostics. */
  loaded(): string[] {
    return [...this.documents.keys()];
  }

  /** Every connection of every loaded document. */
  *connections(): Iterable<Connection> {
    for (const shared of this.documents.values()) yield* shared.connections;
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
   * Opens a document for a user's connection, limiting how many different documents one user may be loading at
   * the same time (joining a load already under way costs nothing); a close code when it cannot.
   */
  async openFor(userId: string, document: string, initialContent: InitialContent): Promise<SharedDocument | number> {
    const loaded = this.documents.get(document);
    if (loaded) return loaded;
    const joining = this.loading.has(document);
    const count = this.pendingLoads.get(userId) ?? 0;
    if (!joining && count >= this.env.COLLAB_MAX_PENDING_LOADS) return CloseCode.tooManyLoads;
    if (!joining) this.pendingLoads.set(userId, count + 1);
    try {
      return await this.open(document, initialContent);
    } catch (error) {
      this.logger.error(`document ${document} failed to load: ${error instanceof Error ? error.message : String(error)}`);
      return CloseCode.loadFailed;
    } finally {
      if (!joining) {
        const left = (this.pendingLoads.get(userId) ?? 1) - 1;
        if (left > 0) this.pendingLoads.set(userId, left);
        else this.pendingLoads.delete(userId);
      }
    }
  }

  private open(document: string, initialContent: InitialContent): Promise<SharedDocument> {
    const loaded = this.documents.get(document);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(document);
    if (!loading) {
      loading = this.load(document, initialContent).finally(() => this.loading.delete(document));
      this.loading.set(document, loading);
    }
    return loading;
  }

  /**
   * Reads snapshot + log into a new shared document. A brand-new document (nothing stored) starts from its
   * initial content, stored first; a document whose stored state fails to load is refused, never replaced.
   */
  private async load(document: string, initialContent: InitialContent): Promise<SharedDocument> {
    let stored = await this.repository.load(document);
    if (!stored.snapshot && stored.updates.length === 0) {
      const initial = await initialContent();
      stored = await this.repository.seedIfEmpty(document, () => {
        const doc = new Y.Doc({ guid: document });
        docToYFragment(initial, treatyFragment(doc));
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        return state;
      });
    }
    const host = await this.host(document, stored);
    const shared = new SharedDocument(document, this.relay, host, this.env.COLLAB_MAX_BUFFERED_BYTES, {
      updates: stored.updates.length,
      snapshotSeq: stored.snapshotSeq,
    });
    this.documents.set(document, shared);
    this.relay.watch(document);
    this.compactIfDue(shared);
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
    // Named, so that Yjs does not draw a random guid (see SharedDocument.awareness).
    const doc = new Y.Doc({ guid: document });
    try {
      if (stored.snapshot) applyQuietly(doc, [stored.snapshot]);
      await nextTurn();
      applyQuietly(doc, stored.updates);
      await nextTurn();
    } catch (error) {
      doc.destroy();
      throw error;
    }
    const folds = this.folds;
    return new LocalHost(doc, folds ? (toFold) => folds.fold(toFold) : null);
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

  /** Adds an admitted connection to its document. */
  attach(shared: SharedDocument, connection: Connection): void {
    shared.attach(connection);
  }

  /** Removes a connection (and its presence); the document unloads once nobody has used it for a while. */
  detach(shared: SharedDocument, connection: Connection): void {
    shared.detach(connection);
    this.unloadWhenIdle(shared);
  }

  /** Lets a document go once it has stayed without connections for COLLAB_IDLE_UNLOAD_MS. */
  unloadWhenIdle(shared: SharedDocument): void {
    if (this.shuttingDown) return;
    shared.idleAfter(this.env.COLLAB_IDLE_UNLOAD_MS, () => void this.unload(shared));
  }

  /**
   * Checks and applies a change in the document's host, stores it, and only then relays it. Checking in the host
   * that holds the state, in the order changes arrive, means each change is checked against every change accepted
   * before it, stored or not yet; reads of the state wait for the writes they include (see `SharedDocument`).
   * Rejects if the host failed or the change could not be stored (then the document is dropped).
   */
  async accept(shared: SharedDocument, update: Uint8Array, origin: ChangeOrigin, lock?: AgreedGuardOptions): Promise<CheckedApply> {
    const write = shared.beginWrite();
    let result: CheckedApply;
    try {
      result = await shared.host.applyChecked(update, checksFor(shared, lock));
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
    shared.noteStored();
    this.compactIfDue(shared);
    return result;
  }

  /**
   * Makes a change on the server's behalf (see CollabService.change): `mutate` edits a copy of the current state,
   * and the resulting update is checked, stored, and only then applied and relayed, as one transaction.
   */
  async change(document: string, initialContent: InitialContent, mutate: (doc: Y.Doc) => void, lock?: AgreedGuardOptions): Promise<Uint8Array | null> {
    const shared = await this.open(document, initialContent);
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
      this.unloadWhenIdle(shared);
    }
  }

  /** Frees an idle document once everything it holds is stored and its log folded. */
  private async unload(shared: SharedDocument): Promise<void> {
    if (shared.connections.size > 0 || this.documents.get(shared.name) !== shared) return;
    await this.settle(shared);
    if (shared.connections.size > 0) return;
    this.documents.delete(shared.name);
    this.relay.unwatch(shared.name);
    shared.destroy();
  }

  /**
   * Makes the database hold all of a document, folded: waits for its changes to be stored (the log flushed, not
   * merely queued) and for the fold under way, then folds what is left. Before unloading it, and at shutdown.
   */
  private async settle(shared: SharedDocument): Promise<void> {
    await shared.stored().catch(() => undefined);
    await this.log.flush();
    await shared.compaction();
    if (shared.unfoldedUpdates > 0) await this.compact(shared);
  }

  private compactIfDue(shared: SharedDocument): void {
    if (shared.unfoldedUpdates < this.env.COLLAB_COMPACT_AFTER) return;
    void this.compact(shared);
  }

  /** Folds the document's log into its snapshot in the background; the log stays authoritative if it fails. */
  private compact(shared: SharedDocument): Promise<void> {
    return shared.compact(this.storeFold, (error) => this.logger.warn(`compaction of ${shared.name} failed: ${String(error)}`));
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
      shared.caughtUpTo(stored.snapshotSeq);
    }
  }

  /** Closes every connection, then stores and folds every loaded document and lets it go. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const connection of [...this.connections()]) connection.socket.close(CloseCode.goingAway, 'server shutting down');
    await Promise.allSettled([...this.loading.values()]);
    for (const shared of this.documents.values()) {
      await this.settle(shared);
      shared.destroy();
    }
    this.documents.clear();
    this.folds?.stop();
  }
}
