/**
 * The typing phase shared by workloads (a) and (b): open clients on documents, let some of them type at a
 * steady rate with staggered starts, and measure at every other client of the same document how long
 * each update took from send to receipt, how many never arrived, and what the server spent doing it.
 */
import { ClientPool } from '../client/pool';
import type { ServerStats, WriterPlan } from '../shared/ipc';
import { cpuSnapshot, foreignCpuPercent } from '../shared/machine-load';
import { type LatencySummary, summarize } from '../shared/stats';
import { nowEpochMs, sleep, sleepUntil } from '../shared/time';
import { type RunningServer, TargetUnavailable } from '../servers/target';

/** One simulated client: which document it joins and whether it types. */
export interface ClientSeat {
  readonly docName: string;
  readonly writer: boolean;
}

/** The timing of a typing phase. */
export interface TypingSchedule {
  readonly updatesPerSecond: number;
  /** Typing before the measured window, for the servers' and clients' code to warm up (JIT, buffers). */
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly drainMs: number;
}

/** What a typing phase measured. */
export interface TypingResult {
  readonly clients: number;
  readonly connected: number;
  /** The first few reasons clients failed to connect. */
  readonly connectErrors: readonly string[];
  /** Time to open every client (with limited handshake concurrency), in milliseconds. */
  readonly connectAllMs: number;
  /** Connection attempts the server refused with "try again later" (the clients retried). */
  readonly refusedAttempts: number;
  readonly writers: number;
  readonly sent: number;
  /** Each sent update once at every other connected client of its document. */
  readonly expectedReceipts: number;
  readonly receipts: number;
  /** Expected receipts that had not arrived when the drain time ended. */
  readonly dropped: number;
  readonly latency: LatencySummary;
  /** The server before any client of the workload connected (the process's own memory, its documents imported). */
  readonly serverEmpty: ServerStats;
  /** The server with every client connected, before typing (memory baseline). */
  readonly serverIdle: ServerStats;
  /** The server over the measured typing window and its drain. */
  readonly server: ServerStats;
  readonly clientLoopDelayP99Ms: number;
  /** CPU the harness's client processes used over the window, in % of one core. */
  readonly clientCpuPercent: number;
  /** CPU other processes (neither the server nor the harness) used over the window, in % of the machine. */
  readonly foreignCpuPercent: number | null;
  readonly unexpectedCloses: number;
}

/** Runs one typing phase against a running server with the given seats. */
export async function runTyping(
  server: RunningServer,
  seats: readonly ClientSeat[],
  schedule: TypingSchedule,
  options: { clientProcesses: number; tagPrefix: string },
): Promise<TypingResult> {
  const pool = ClientPool.start(options.clientProcesses);
  try {
    const specs = seats.map((seat) => server.clientSpec(seat.docName, seat.writer ? 'full' : 'light'));
    const serverEmpty = await server.stats();
    const openedAt = nowEpochMs();
    const opened = await pool.open(specs, { concurrency: 32, timeoutMs: 60_000 });
    const connectAllMs = nowEpochMs() - openedAt;
    const live = opened.filter((client) => client.error === null);
    const connectErrors = [...new Set(opened.flatMap((client) => (client.error === null ? [] : [client.error])))].slice(0, 5);
    if (live.length === 0) throw new TargetUnavailable(`no client could connect: ${connectErrors.join('; ')}`);

    const connectedPerDoc = new Map<string, number>();
    for (const client of live) connectedPerDoc.set(seats[client.index].docName, (connectedPerDoc.get(seats[client.index].docName) ?? 0) + 1);

    // Let the joins settle (initial syncs, awareness of the servers' own) before the measured window.
    await sleep(1_000);
    const serverIdle = await server.resetStats();

    const writerIndexes = live.filter((client) => seats[client.index].writer).map((client) => client.index);
    const periodMs = 1000 / schedule.updatesPerSecond;
    const startAt = nowEpochMs() + 300;
    const measureFrom = startAt + schedule.warmupMs;
    const stopAt = measureFrom + schedule.durationMs;
    const plans: WriterPlan[] = writerIndexes.map((index, i) => ({
      index,
      tag: `${options.tagPrefix}w${index}`,
      // Staggered: the writers' sends are spread evenly over each period rather than arriving together.
      firstSendAt: startAt + (i / writerIndexes.length) * periodMs,
      periodMs,
      stopAt,
    }));
    await pool.type(plans, { measureFrom });
    await sleepUntil(measureFrom);
    await server.resetStats();
    const machineBefore = cpuSnapshot();
    const orchestratorBefore = process.cpuUsage();
    await sleepUntil(stopAt + schedule.drainMs);
    const serverStats = await server.stats();
    const measured = await pool.collect();
    const machineAfter = cpuSnapshot();
    const orchestrator = process.cpuUsage(orchestratorBefore);
    const ownCpuMs = serverStats.cpuMs + measured.clientCpuMs + (orchestrator.user + orchestrator.system) / 1000;

    let sent = 0;
    let expectedReceipts = 0;
    for (const [docName, count] of Object.entries(measured.sentByDoc)) {
      sent += count;
      expectedReceipts += count * Math.max(0, (connectedPerDoc.get(docName) ?? 0) - 1);
    }
    const receipts = Object.values(measured.receivedByDoc).reduce((total, count) => total + count, 0);
    return {
      clients: seats.length,
      connected: live.length,
      connectErrors,
      connectAllMs,
      refusedAttempts: opened.reduce((total, client) => total + client.refusals, 0),
      writers: writerIndexes.length,
      sent,
      expectedReceipts,
      receipts,
      dropped: Math.max(0, expectedReceipts - receipts),
      latency: summarize(measured.latenciesMs),
      serverEmpty,
      serverIdle,
      server: serverStats,
      clientLoopDelayP99Ms: measured.clientLoopDelayP99Ms,
      clientCpuPercent: serverStats.wallMs > 0 ? (100 * measured.clientCpuMs) / serverStats.wallMs : 0,
      foreignCpuPercent: foreignCpuPercent(machineBefore, machineAfter, ownCpuMs),
      unexpectedCloses: measured.unexpectedCloses,
    };
  } finally {
    await pool.stop();
  }
}
