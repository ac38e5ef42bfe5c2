import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { StoredDocument } from './collab.repository';
import { WORKER_SCRIPT } from './document-host';
import type { WorkerReply } from './document-worker';

type Pending = { readonly resolve: (state: Uint8Array) => void; readonly reject: (error: Error) => void };

/**
 * Folds stored documents (snapshot and log into one update) in a worker thread, for the documents held on the
 * main thread. Encoding a whole document for its new snapshot is the longest single piece of work compaction does
 * (tens of milliseconds for a few hundred KiB, every COLLAB_COMPACT_AFTER updates), and on the event loop no other
 * document's update is relayed meanwhile: in a CPU profile of the fan-out workload it was the longest stall. The
 * worker replays what the compaction read from the database, so the copy in memory is never consulted and nothing
 * another instance stored can be left out. One worker serves every document; it starts with the first fold and
 * stops after `idleMs` without one. A failed fold rejects, and the compaction leaves the log as it is.
 */
export class FoldWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 60_000) {}

  /** Whether folds can run in a worker: the built worker script exists (it does not when tests run the sources). */
  static available(): boolean {
    return existsSync(WORKER_SCRIPT);
  }

  fold(stored: StoredDocument): Promise<Uint8Array> {
    const worker = this.started();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // Held while a fold is waiting (a fold at shutdown must finish), let go when idle.
    worker.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, op: 'fold-stored', stored });
    });
  }

  /** Stops the worker; folds still waiting fail. */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(new Error('the fold worker was stopped'));
    void worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SCRIPT);
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error !== null) waiting.reject(new Error(reply.error));
      else if (reply.value instanceof Uint8Array) waiting.resolve(reply.value);
      else waiting.reject(new Error('the fold worker answered without a state'));
      this.stopWhenIdle();
    });
    const failed = (error: Error): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.rejectAll(error);
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`the fold worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private stopWhenIdle(): void {
    if (this.pending.size > 0 || this.idleTimer) return;
    // An idle worker must not keep the process alive.
    this.worker?.unref();
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
    this.idleTimer.unref();
  }

  private rejectAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
