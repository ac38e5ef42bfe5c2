import { describe, expect, it } from 'vitest';
import { loadEnv } from '../config/env';
import type { CollabRepository } from './collab.repository';
import { UpdateLog } from './update-log';
import { Metrics } from '../metrics/metrics';

type Entry = { readonly document: string; readonly data: Uint8Array };

/**
 * The log's batching against a repository whose commits the test finishes by hand: the transactions the log
 * starts, and what each holds, are what is checked. (The database side of appendBatch runs in the e2e suites.)
 */
class ManualRepository {
  readonly batches: string[][] = [];
  private readonly open: { resolve: () => void; reject: (error: Error) => void }[] = [];

  appendBatch(entries: readonly Entry[]): Promise<void> {
    this.batches.push(entries.map((e) => new TextDecoder().decode(e.data)));
    return new Promise((resolve, reject) => this.open.push({ resolve, reject }));
  }

  commit(): void {
    this.open.shift()?.resolve();
  }

  fail(message: string): void {
    this.open.shift()?.reject(new Error(message));
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function logOver(repository: ManualRepository, window = 0): UpdateLog {
  return new UpdateLog(repository as unknown as CollabRepository, loadEnv({ COLLAB_COMMIT_WINDOW_MS: String(window), LOG_LEVEL: 'silent' }), new Metrics({ defaults: false }));
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe(UpdateLog.name, () => {
  it('writes a lone update at the next turn of the event loop, and resolves only once it is committed', async () => {
    const repository = new ManualRepository();
    const log = logOver(repository);
    let stored = false;
    void log.append('d', bytes('a')).then(() => (stored = true));
    expect(repository.batches).toEqual([]);
    await turn();
    expect(repository.batches).toEqual([['a']]);
    expect(stored).toBe(false);
    repository.commit();
    await turn();
    expect(stored).toBe(true);
  });

  it('gathers what arrives while a transaction commits into the next one, in order', async () => {
    const repository = new ManualRepository();
    const log = logOver(repository);
    const first = log.append('d', bytes('a'));
    await turn();
    const rest = [log.append('d', bytes('b')), log.append('e', bytes('c')), log.append('d', bytes('d'))];
    await turn();
    expect(repository.batches).toEqual([['a']]);
    repository.commit();
    await first;
    await turn();
    expect(repository.batches).toEqual([['a'], ['b', 'c', 'd']]);
    repository.commit();
    await Promise.all(rest);
  });

  it('rejects the updates of a failed transaction only, and goes on with the next', async () => {
    const repository = new ManualRepository();
    const log = logOver(repository);
    const lost = log.append('d', bytes('a'));
    await turn();
    const kept = log.append('d', bytes('b'));
    repository.fail('disk full');
    await expect(lost).rejects.toThrow('disk full');
    await turn();
    expect(repository.batches).toEqual([['a'], ['b']]);
    repository.commit();
    await expect(kept).resolves.toBeUndefined();
  });

  it('flush resolves once the transaction under way and everything waiting are committed', async () => {
    const repository = new ManualRepository();
    const log = logOver(repository, 1000);
    void log.append('d', bytes('a'));
    let flushed = false;
    const flush = log.flush().then(() => (flushed = true));
    void log.append('d', bytes('b'));
    expect(repository.batches).toEqual([['a']]);
    repository.commit();
    await turn();
    expect(repository.batches).toEqual([['a'], ['b']]);
    expect(flushed).toBe(false);
    repository.commit();
    await flush;
    expect(flushed).toBe(true);
    await expect(logOver(new ManualRepository()).flush()).resolves.toBeUndefined();
  });

  it('waits COLLAB_COMMIT_WINDOW_MS before a batch when it is set', async () => {
    const repository = new ManualRepository();
    const log = logOver(repository, 30);
    void log.append('d', bytes('a'));
    await turn();
    expect(repository.batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(repository.batches).toEqual([['a']]);
  });
});
