/**
 * (c) Durability: clients type into one document; at a random moment the server is killed with SIGKILL
 * and restarted over the same database; a fresh client then loads the document and every update that any
 * client had received before the kill must be in it. Repeated for several rounds over the same database,
 * each round checking everything seen in all rounds so far.
 *
 * Only meaningful for a server that persists: Concord (the peers keep documents in memory).
 */
import { BenchClient, entriesInDoc } from '../client/bench-client';
import { ClientPool } from '../client/pool';
import type { BenchConfig } from '../config';
import type { WriterPlan } from '../shared/ipc';
import { randomInt, seededRandom } from '../shared/random';
import { nowEpochMs, sleep } from '../shared/time';
import type { BenchTarget } from '../servers/target';
import { measureOn, type Outcome } from './outcome';

/** One kill-and-restart round. */
export interface DurabilityRound {
  readonly round: number;
  readonly connected: number;
  /** How long the clients typed before the kill. */
  readonly killedAfterMs: number;
  readonly sent: number;
  /** Distinct updates some client received from the server in this round. */
  readonly seen: number;
  /** Distinct updates seen in this and all earlier rounds. */
  readonly seenSoFar: number;
  /** Updates in the document a fresh client loaded after the restart. */
  readonly present: number;
  /** Seen (in any round so far) but missing after the restart: must be zero. */
  readonly missing: number;
  readonly missingExamples: readonly string[];
}

export interface DurabilityResult {
  readonly rounds: readonly DurabilityRound[];
  /** The most seen-but-missing updates after any round (each round checks everything seen so far). */
  readonly missing: number;
}

export async function runDurability(target: BenchTarget, config: BenchConfig): Promise<Outcome<DurabilityResult>> {
  const { durability } = config;
  const random = seededRandom(config.seed);
  return measureOn(target, { persistent: true, quietWaitMs: config.quietWaitMs }, async (server) => {
    const [docName] = await server.documents(1);
    const seenSoFar = new Set<string>();
    const rounds: DurabilityRound[] = [];
    for (let round = 1; round <= durability.rounds; round++) {
      const pool = ClientPool.start(config.clientProcesses);
      let killedAfterMs = 0;
      let connected = 0;
      try {
        const specs = Array.from({ length: durability.clients }, (_, i) => server.clientSpec(docName, i < durability.writers ? 'full' : 'light'));
        const opened = await pool.open(specs, { timeoutMs: 60_000 });
        connected = opened.filter((client) => client.error === null).length;
        const periodMs = 1000 / durability.updatesPerSecond;
        const startAt = nowEpochMs() + 300;
        const plans: WriterPlan[] = opened
          .filter((client) => client.error === null && client.index < durability.writers)
          .map((client, i, writers) => ({
            index: client.index,
            tag: `c${round}w${client.index}`,
            firstSendAt: startAt + (i / writers.length) * periodMs,
            periodMs,
            stopAt: startAt + 10 * 60_000,
          }));
        await pool.type(plans, { recordSeen: true });
        killedAfterMs = randomInt(random, durability.killAfterMinMs, durability.killAfterMaxMs);
        await sleep(startAt + killedAfterMs - nowEpochMs());
        await server.restart('SIGKILL');
        const measured = await pool.collect();
        for (const id of measured.seenIds) seenSoFar.add(id);

        const verifier = new BenchClient(server.clientSpec(docName, 'full'));
        await verifier.connect(60_000);
        const present = new Set(entriesInDoc(verifier.doc).map((entry) => entry.id));
        verifier.close();
        const missing = [...seenSoFar].filter((id) => !present.has(id));
        rounds.push({
          round,
          connected,
          killedAfterMs,
          sent: Object.values(measured.sentByDoc).reduce((total, count) => total + count, 0),
          seen: measured.seenIds.size,
          seenSoFar: seenSoFar.size,
          present: present.size,
          missing: missing.length,
          missingExamples: missing.slice(0, 5),
        });
      } finally {
        await pool.stop();
      }
    }
    return { rounds, missing: Math.max(0, ...rounds.map((round) => round.missing)) };
  });
}
