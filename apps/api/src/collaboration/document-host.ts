import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { StoredDocument } from './collab.repository';
import type { WorkerReply, WorkerRequest } from './document-worker';
import { addsNothing, applyChecked, applyUpdates, type CheckedApply, type CheckOptions, foldLoaded, storedUpdates } from './yjs-state';

/**
 * Where a loaded document's Yjs state lives and is worked on. Ordinary documents live on the main thread; a large
 * one lives in a worker thread of its own, so that loading it (one Yjs integration of the whole snapshot, 100 ms
 * and more for a couple of MiB) and answering its syncs never hold up the other documents. Every operation is
 * asynchronous for both, and each host carries out its operations in the order they were asked for.
 */
export interface DocumentHost {
  /** Applies updates as one change; resolves with what they changed (only what the document lacked), or null. */
  apply(updates: readonly Uint8Array[]): Promise<Uint8Array | null>;
  /** Applies a client's update only if it applies in full and leaves a schema-valid treaty text (see `applyChecked`). */
  applyChecked(update: Uint8Array, options?: CheckOptions): Promise<CheckedApply>;
  stateVector(): Promise<Uint8Array>;
  /** The whole state as one update, or what the document holds beyond a client's state vector. */
  encode(stateVector?: Uint8Array): Promise<Uint8Array>;
  /** Whether applying the update would leave the document as it is (see `addsNothing`). */
  addsNothing(update: Uint8Array): Promise<boolean>;
  /** The stored document folded into one update (see `foldLoaded`). */
  fold(stored: StoredDocument, knownSnapshotSeq: number): Promise<Uint8Array>;
  destroy(): void;
}

/** Folds a stored document into one update somewhere other than the main thread (see `FoldWorker`). */
export type Folder = (stored: StoredDocument) => Promise<Uint8Array>;

/**
 * A document on the main thread: each operation is done at once and its promise already settled, except the fold
 * for compaction when a `folder` is given, which then replays what is stored off the main thread instead of
 * encoding the whole copy on it (and falls back to this thread if that fails).
 */
export class LocalHost implements DocumentHost {
  constructor(
    private doc: Y.Doc,
    private readonly folder: Folder | null = null,
  ) {}

  apply(updates: readonly Uint8Array[]): Promise<Uint8Array | null> {
    return settle(() => applyUpdates(this.doc, updates));
  }

  applyChecked(update: Uint8Array, options: CheckOptions = {}): Promise<CheckedApply> {
    return settle(() => {
      const { doc, result } = applyChecked(this.doc, update, options);
      this.doc = doc;
      return result;
    });
  }

  stateVector(): Promise<Uint8Array> {
    return settle(() => Y.encodeStateVector(this.doc));
  }

  encode(stateVector?: Uint8Array): Promise<Uint8Array> {
    return settle(() => Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  addsNothing(update: Uint8Array): Promise<boolean> {
    return settle(() => addsNothing(this.doc, update));
  }

  fold(stored: StoredDocument, knownSnapshotSeq: number): Promise<Uint8Array> {
    const here = (): Promise<Uint8Array> => settle(() => foldLoaded(this.doc, stored, knownSnapshotSeq));
    // A worker that cannot fold (it ran out of memory on a document grown large in memory) leaves it to this thread.
    return this.folder ? this.folder(stored).catch(here) : here();
  }

  destroy(): void {
    this.doc.destroy();
  }
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The worker's script, built next to this file (`dist/apps/api/src/collaboration/document-worker.js`). */
export const WORKER_SCRIPT = join(__dirname, 'document-worker.js');

type Pending = { readonly resolve: (value: WorkerReply['value']) => void; readonly reject: (error: Error) => void };

/** Each member of a union without its id. */
type WithoutId<R> = R extends unknown ? Omit<R, 'id'> : never;

/** Requests as the host's methods make them; the host adds the id. */
type Request = WithoutId<WorkerRequest>;

/**
 * A document in a worker thread of its own. The worker loads the stored state and then answers requests one at a
 * time, in order; the main thread only passes bytes. If the worker dies, every request waiting on it fails and
 * `onFailure` is told once, so that the server can drop the document and let its clients reload it.
 */
export class WorkerHost implements DocumentHost {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly onFailure: (error: Error) => void,
  ) {
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error === null) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the document worker stopped (exit code ${code})`)));
  }

  /** Starts a worker and loads the stored document into it; rejects (and stops the worker) if it cannot. */
  static async start(stored: StoredDocument, onFailure: (error: Error) => void): Promise<WorkerHost> {
    const host = new WorkerHost(new Worker(WORKER_SCRIPT), onFailure);
    try {
      await host.request({ op: 'load', updates: storedUpdates(stored) });
    } catch (error) {
      host.destroy();
      throw error;
    }
    return host;
  }

  async apply(updates: readonly Uint8Array[]): Promise<Uint8Array | null> {
    return (await this.request({ op: 'apply', updates })) as Uint8Array | null;
  }

  async applyChecked(update: Uint8Array, options: CheckOptions = {}): Promise<CheckedApply> {
    return (await this.request({ op: 'apply-checked', update, options })) as CheckedApply;
  }

  async stateVector(): Promise<Uint8Array> {
    return (await this.request({ op: 'state-vector' })) as Uint8Array;
  }

  async encode(stateVector?: Uint8Array): Promise<Uint8Array> {
    return (await this.request({ op: 'encode', stateVector: stateVector ?? null })) as Uint8Array;
  }

  async addsNothing(update: Uint8Array): Promise<boolean> {
    return (await this.request({ op: 'adds-nothing', update })) as boolean;
  }

  async fold(stored: StoredDocument, knownSnapshotSeq: number): Promise<Uint8Array> {
    return (await this.request({ op: 'fold', stored, knownSnapshotSeq })) as Uint8Array;
  }

  destroy(): void {
    // Deliberate: requests still waiting fail quietly, and onFailure is not called.
    this.failure ??= new Error('the document was unloaded');
    this.rejectAll(this.failure);
    void this.worker.terminate();
  }

  private request(request: Request): Promise<WorkerReply['value']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.rejectAll(error);
    this.onFailure(error);
  }

  private rejectAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
