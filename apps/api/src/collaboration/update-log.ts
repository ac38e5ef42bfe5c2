import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Env } from '../config/env';
import { Metrics } from '../metrics/metrics';
import { CollabRepository } from './collab.repository';

interface Pending {
  readonly document: string;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Durable append of updates with group commit: while one transaction commits, the updates that arrive wait and
 * are written together by the next, so the batch grows with the load and an update on a quiet server is written
 * at once. Each caller learns its update is stored only once its transaction commits. COLLAB_COMMIT_WINDOW_MS
 * adds a fixed wait before each batch, for databases where fewer, larger transactions pay off.
 */
@Injectable()
export class UpdateLog implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateLog.name);
  private pending: Pending[] = [];
  /** Cancels the scheduled start of the next batch, when one is scheduled. */
  private cancelScheduled: (() => void) | null = null;
  private committing: Promise<void> | null = null;

  constructor(
    private readonly repository: CollabRepository,
    private readonly env: Env,
    private readonly metrics: Metrics,
  ) {}

  /** Resolves once the update is committed to the database. */
  append(document: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, data, resolve, reject });
      this.schedule();
    });
  }

  /** Commits everything waiting; resolves when all of it is stored (or failed). */
  flush(): Promise<void> {
    if (this.pending.length === 0 && !this.committing) return Promise.resolve();
    return this.start();
  }

  private schedule(): void {
    // A commit under way takes what is waiting when it ends.
    if (this.committing || this.cancelScheduled) return;
    const window = this.env.COLLAB_COMMIT_WINDOW_MS;
    if (window > 0) {
      const timer = setTimeout(() => void this.start(), window);
      this.cancelScheduled = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => void this.start());
      this.cancelScheduled = () => clearImmediate(immediate);
    }
  }

  private start(): Promise<void> {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.committing ??= this.drain().finally(() => {
      this.committing = null;
      if (this.pending.length > 0) this.schedule();
    });
    return this.committing;
  }

  /** Commits batch after batch, in the order they arrived, until nothing waits. */
  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.metrics.timeCommit(batch.length, () => this.repository.appendBatch(batch));
        for (const p of batch) p.resolve();
      } catch (error) {
        this.logger.error(`could not store ${batch.length} updates: ${error instanceof Error ? error.message : String(error)}`);
        for (const p of batch) p.reject(error);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
