import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Env } from '../config/env';
import { CollabRepository } from './collab.repository';

interface Pending {
  readonly document: string;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Durable append of updates with group commit: updates arriving within COLLAB_COMMIT_WINDOW_MS of each other are
 * written in one transaction, and each caller learns its update is stored only once that transaction commits.
 */
@Injectable()
export class UpdateLog implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateLog.name);
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly repository: CollabRepository,
    private readonly env: Env,
  ) {}

  /** Resolves once the update is committed to the database. */
  append(document: string, data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, data, resolve, reject });
      this.timer ??= setTimeout(() => this.flush(), this.env.COLLAB_COMMIT_WINDOW_MS);
    });
  }

  /** Commits everything waiting; resolves when all of it is stored (or failed). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    // Batches commit one after the other, so updates are stored in the order they arrived.
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.repository.appendBatch(batch);
        for (const p of batch) p.resolve();
      } catch (error) {
        this.logger.error(`could not store ${batch.length} updates: ${error instanceof Error ? error.message : String(error)}`);
        for (const p of batch) p.reject(error);
      }
    });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
