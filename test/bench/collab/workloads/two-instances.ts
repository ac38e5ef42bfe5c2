/**
 * (f) Two instances: Concord scaled out as two processes over one PostgreSQL database and one Redis
 * (servers/concord-pair.ts). Each document has clients on both instances; its writer is on the first. A
 * receipt on the first instance is a same-instance delivery (stored in PostgreSQL, then sent); a receipt on the
 * second is a cross-instance one (stored, published through Redis, applied by the second instance, then sent),
 * so the difference between the two is what the relay costs. Concord only: the peers have no equivalent here.
 */
import { ClientPool } from '../client/pool';
import type { BenchConfig } from '../config';
import { ConcordPair } from '../servers/concord-pair';
import { TargetUnavailable } from '../servers/target';
import type { ServerStats, WriterPlan } from '../shared/ipc';
import { cpuSnapshot, foreignCpuPercent, waitForQuietMachine } from '../shared/machine-load';
import { type LatencySummary, summarize } from '../shared/stats';
import { nowEpochMs, sleep, sleepUntil } from '../shared/time';
import { type Outcome, QUIET_PERCENT } from './outcome';

/** What the two-instance workload measured. */
export interface TwoInstanceResult {
  readonly documents: number;
  readonly clients: number;
  readonly connected: number;
  readonly connectErrors: readonly string[];
  readonly connectAllMs: number;
  readonly sent: number;
  readonly expectedReceipts: number;
  readonly receipts: number;
  readonly dropped: number;
  /** Receipts at clients of the writer's own instance. */
  readonly sameInstance: LatencySummary;
  /** Receipts at clients of the other instance. */
  readonly crossInstance: LatencySummary;
  readonly first: ServerStats;
  readonly second: ServerStats;
  readonly clientLoopDelayP99Ms: number;
  /** CPU other processes (PostgreSQL and Redis included) used over the window, in % of the machine. */
  readonly foreignCpuPercent: number | null;
  readonly unexpectedCloses: number;
}

export async function runTwoInstances(config: BenchConfig): Promise<Outcome<TwoInstanceResult>> {
  let pair: ConcordPair | null = null;
  try {
    const backgroundCpuPercent = await waitForQuietMachine(config.quietWaitMs, QUIET_PERCENT, (busy) =>
      process.stdout.write(`[bench:collab] waiting for the machine to be quiet: other processes use ${busy.toFixed(0)} % of the CPU\n`),
    );
    pair = await ConcordPair.start();
    return { status: 'measured', value: await measure(pair, config), backgroundCpuPercent };
  } catch (error) {
    if (error instanceof TargetUnavailable) return { status: 'skipped', reason: error.message };
    return { status: 'failed', reason: (error as Error).stack ?? String(error) };
  } finally {
    await pair?.stop().catch(() => undefined);
  }
}

async function measure(pair: ConcordPair, config: BenchConfig): Promise<TwoInstanceResult> {
  const c = config.twoInstances;
  const docs = await pair.first.documents(c.documents);
  const half = c.clientsPerDocument / 2;
  // Each pool is one process, so that its receipts are all of one kind; the first instance's holds the writers.
  const onFirst = ClientPool.start(1);
  const onSecond = ClientPool.start(1);
  try {
    const firstSpecs = docs.flatMap((doc) => Array.from({ length: half }, (_, i) => pair.first.clientSpec(doc, i === 0 ? 'full' : 'light')));
    const secondSpecs = docs.flatMap((doc) => Array.from({ length: half }, () => pair.second.clientSpec(doc, 'light')));
    const openedAt = nowEpochMs();
    const [firstOpened, secondOpened] = await Promise.all([
      onFirst.open(firstSpecs, { concurrency: 16, timeoutMs: 60_000 }),
      onSecond.open(secondSpecs, { concurrency: 16, timeoutMs: 60_000 }),
    ]);
    const connectAllMs = nowEpochMs() - openedAt;
    const opened = [...firstOpened, ...secondOpened];
    const connectErrors = [...new Set(opened.flatMap((client) => (client.error === null ? [] : [client.error])))].slice(0, 5);
    const connected = opened.filter((client) => client.error === null).length;
    if (connected === 0) throw new TargetUnavailable(`no client could connect: ${connectErrors.join('; ')}`);
    const connectedPerDoc = new Map<string, number>();
    const count = (specs: typeof firstSpecs, clients: typeof firstOpened): void => {
      for (const client of clients) if (client.error === null) connectedPerDoc.set(specs[client.index].docName, (connectedPerDoc.get(specs[client.index].docName) ?? 0) + 1);
    };
    count(firstSpecs, firstOpened);
    count(secondSpecs, secondOpened);

    await sleep(1_000);
    const periodMs = 1000 / c.updatesPerSecond;
    const writers = firstOpened.filter((client) => client.error === null && client.index % half === 0);
    const startAt = nowEpochMs() + 300;
    const measureFrom = startAt + c.warmupMs;
    const stopAt = measureFrom + c.durationMs;
    const plans: WriterPlan[] = writers.map((client, i) => ({
      index: client.index,
      tag: `fw${client.index}`,
      firstSendAt: startAt + (i / writers.length) * periodMs,
      periodMs,
      stopAt,
    }));
    await Promise.all([onFirst.type(plans, { measureFrom }), onSecond.type([], { measureFrom })]);
    await sleepUntil(measureFrom);
    await Promise.all([pair.first.resetStats(), pair.second.resetStats()]);
    const machineBefore = cpuSnapshot();
    const orchestratorBefore = process.cpuUsage();
    await sleepUntil(stopAt + c.drainMs);
    const [first, second] = await Promise.all([pair.first.stats(), pair.second.stats()]);
    const [same, cross] = await Promise.all([onFirst.collect(), onSecond.collect()]);
    const machineAfter = cpuSnapshot();
    const orchestrator = process.cpuUsage(orchestratorBefore);
    const ownCpuMs = first.cpuMs + second.cpuMs + same.clientCpuMs + cross.clientCpuMs + (orchestrator.user + orchestrator.system) / 1000;

    let sent = 0;
    let expectedReceipts = 0;
    for (const [docName, n] of Object.entries(same.sentByDoc)) {
      sent += n;
      expectedReceipts += n * Math.max(0, (connectedPerDoc.get(docName) ?? 0) - 1);
    }
    const receipts = [same, cross].reduce((total, result) => total + Object.values(result.receivedByDoc).reduce((a, b) => a + b, 0), 0);
    return {
      documents: docs.length,
      clients: opened.length,
      connected,
      connectErrors,
      connectAllMs,
      sent,
      expectedReceipts,
      receipts,
      dropped: Math.max(0, expectedReceipts - receipts),
      sameInstance: summarize(same.latenciesMs),
      crossInstance: summarize(cross.latenciesMs),
      first,
      second,
      clientLoopDelayP99Ms: Math.max(same.clientLoopDelayP99Ms, cross.clientLoopDelayP99Ms),
      foreignCpuPercent: foreignCpuPercent(machineBefore, machineAfter, ownCpuMs),
      unexpectedCloses: same.unexpectedCloses + cross.unexpectedCloses,
    };
  } finally {
    await Promise.all([onFirst.stop(), onSecond.stop()]);
  }
}
