/**
 * (d) Cold load of a large document: build a document of about 2 MiB of text, restart the server so it is
 * no longer in memory, and time a client from opening its socket to holding the whole document (normally
 * the server's sync step 2; a server that answers before it has loaded sends the rest later). While
 * it loads, a client of another, small document keeps round-tripping sync requests: a round trip longer
 * than the threshold means the large load blocked the other documents.
 *
 * The peers have nothing to load after a restart when they keep documents in memory, so this workload
 * starts them with their persistence (see `persistenceNote`).
 */
import * as Y from 'yjs';
import { BenchClient, type ClientSpec, TEXT_KEY } from '../client/bench-client';
import { ClientPool } from '../client/pool';
import type { BenchConfig } from '../config';
import type { ServerStats } from '../shared/ipc';
import { randomInt, seededRandom } from '../shared/random';
import { type LatencySummary, median, summarize } from '../shared/stats';
import { nowEpochMs, sleep } from '../shared/time';
import type { BenchTarget } from '../servers/target';
import { measureOn, type Outcome } from './outcome';

/** One cold load. */
export interface ColdLoadSample {
  /** Socket opened → the server's sync step 2 received, in milliseconds. */
  readonly syncMs: number;
  /** Socket opened → the client holds the whole document (all of the text), in milliseconds. */
  readonly completeMs: number;
  /** The whole document came in that first sync step 2 (not in updates after it). */
  readonly completeInFirstSync: boolean;
  /** Round trips on the small document during the load. */
  readonly probe: LatencySummary;
  readonly server: ServerStats;
}

export interface ColdLoadResult {
  /** Length of the text (ASCII, so also its size in bytes) and of the document's encoded state. */
  readonly textBytes: number;
  readonly encodedBytes: number;
  /** Updates (transactions of ~200 random edits) the document was written with. */
  readonly updatesSent: number;
  readonly samples: readonly ColdLoadSample[];
  readonly medianSyncMs: number | null;
  readonly medianCompleteMs: number | null;
  readonly maxCompleteMs: number | null;
  /** The longest small-document round trip seen during any of the loads. */
  readonly worstProbeMs: number | null;
  readonly allCompleteInFirstSync: boolean;
}

const WORDS = [
  'the', 'parties', 'shall', 'ensure', 'that', 'measures', 'taken', 'under', 'this', 'article', 'are', 'consistent', 'with',
  'international', 'law', 'including', 'human', 'rights', 'obligations', 'each', 'state', 'party', 'may', 'adopt', 'such',
  'legislative', 'and', 'other', 'as', 'necessary', 'to', 'establish', 'criminal', 'offences', 'in', 'accordance', 'domestic',
];

/** A sentence of about 100 ASCII characters. */
function sentence(random: () => number): string {
  let text = '';
  while (text.length < 96) text += `${WORDS[randomInt(random, 0, WORDS.length - 1)]} `;
  return `${text.trim()}. `;
}

/**
 * Writes about `bytes` of text into the document as a drafting session would: ~100-character inserts at
 * random places with occasional deletions, many per transaction (each transaction is one update sent by
 * the client). Random positions keep the document fragmented (many items), unlike one big paste.
 */
async function writeLargeText(doc: Y.Doc, bytes: number, random: () => number): Promise<number> {
  const text = doc.getText(TEXT_KEY);
  let updates = 0;
  while (text.length < bytes) {
    doc.transact(() => {
      for (let op = 0; op < 200 && text.length < bytes; op++) {
        text.insert(randomInt(random, 0, text.length), sentence(random));
        if (op % 10 === 9) text.delete(randomInt(random, 0, text.length - 20), 20);
      }
    });
    updates += 1;
    // Let the socket write and the server keep up, as with a real (if very fast) author.
    await sleep(5);
  }
  return updates;
}

/** Round-trips on `client` every `intervalMs` until `stop()` resolves the returned promise's samples. */
function probeWhile(client: BenchClient, intervalMs: number): { stop: () => Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = nowEpochMs();
      await client.roundTrip();
      samples.push(nowEpochMs() - start);
      await sleep(intervalMs);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}

export async function runColdLoad(target: BenchTarget, config: BenchConfig): Promise<Outcome<ColdLoadResult>> {
  const { coldLoad } = config;
  return measureOn(target, { persistent: true, quietWaitMs: config.quietWaitMs }, async (server) => {
    const [largeDoc, smallDoc] = await server.documents(2);

    // Build the large document and a small one, and make sure the server holds all of it.
    const author = new BenchClient(server.clientSpec(largeDoc, 'full'));
    await author.connect(60_000);
    const updatesSent = await writeLargeText(author.doc, coldLoad.bytes, seededRandom(config.seed));
    const textBytes = author.doc.getText(TEXT_KEY).length;
    const encodedBytes = Y.encodeStateAsUpdate(author.doc).length;
    const smallAuthor = new BenchClient(server.clientSpec(smallDoc, 'full'));
    await smallAuthor.connect(60_000);
    smallAuthor.push({ id: 'small-doc', t: nowEpochMs() });
    await waitForText(() => server.clientSpec(largeDoc, 'full'), textBytes);
    author.close();
    smallAuthor.close();
    // Both peers store when the last client leaves; give their writes time to land before the restart.
    await sleep(2_000);

    const samples: ColdLoadSample[] = [];
    for (let repeat = 0; repeat < coldLoad.repeats; repeat++) {
      await server.restart('SIGTERM');
      // The loader lives in its own process, so applying 2 MiB there does not delay the probe here.
      const pool = ClientPool.start(1);
      const canary = new BenchClient(server.clientSpec(smallDoc, 'full'));
      try {
        await canary.connect(60_000);
        await sleep(500);
        await server.resetStats();
        const probe = probeWhile(canary, coldLoad.probeIntervalMs);
        await sleep(100);
        const [loaded] = await pool.open([server.clientSpec(largeDoc, 'full')], { timeoutMs: 120_000, expectTextLength: textBytes });
        await sleep(100);
        const roundTrips = await probe.stop();
        const stats = await server.stats();
        if (loaded.error !== null || loaded.completeMs === null) throw new Error(`the cold load failed: ${loaded.error ?? 'incomplete'}`);
        samples.push({
          syncMs: loaded.syncMs,
          completeMs: loaded.completeMs,
          completeInFirstSync: loaded.completeMs === loaded.syncMs,
          probe: summarize(roundTrips),
          server: stats,
        });
      } finally {
        canary.close();
        await pool.stop();
      }
    }
    const completeTimes = samples.map((sample) => sample.completeMs);
    return {
      textBytes,
      encodedBytes,
      updatesSent,
      samples,
      medianSyncMs: median(samples.map((sample) => sample.syncMs)),
      medianCompleteMs: median(completeTimes),
      maxCompleteMs: completeTimes.length > 0 ? Math.max(...completeTimes) : null,
      worstProbeMs: samples.length > 0 ? Math.max(...samples.map((sample) => sample.probe.max ?? 0)) : null,
      allCompleteInFirstSync: samples.every((sample) => sample.completeInFirstSync),
    };
  });
}

/** Waits until a fresh client of the document sees the whole text (the server has applied every update). */
async function waitForText(spec: () => ClientSpec, length: number): Promise<void> {
  const deadline = nowEpochMs() + 60_000;
  for (;;) {
    const reader = new BenchClient(spec());
    await reader.connect(60_000);
    const seen = reader.doc.getText(TEXT_KEY).length;
    reader.close();
    if (seen === length) return;
    if (nowEpochMs() > deadline) throw new Error(`the server holds ${seen} of ${length} characters of the large document after 60 s`);
    await sleep(500);
  }
}
