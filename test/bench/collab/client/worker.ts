/**
 * A client worker: a child process (forked by `ClientPool`) that hosts a share of the simulated clients,
 * runs their typing schedules and measures what they receive. It obeys `WorkerCommand`s from the
 * orchestrator over IPC, one at a time, and answers each with a `WorkerReply`.
 */
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type { IndexedClientSpec, OpenedClient, WorkerCommand, WorkerReply, WorkerResult, WriterPlan } from '../shared/ipc';
import { SampleBuffer } from '../shared/stats';
import { nowEpochMs, sleep } from '../shared/time';
import { BenchClient, type BenchEntry, ConnectError, entriesInDoc, TEXT_KEY } from './bench-client';

/** Attempts per client when the server says "try again later", with y-websocket's provider backoff. */
const MAX_ATTEMPTS = 40;
const backoffMs = (refusals: number): number => Math.min(2 ** refusals * 100, 2_500);

/** The clients this worker hosts and what they measured since the last typing phase began. */
class WorkerState {
  readonly clients = new Map<number, BenchClient>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private latencies = new SampleBuffer();
  private sentByDoc: Record<string, number> = {};
  private receivedByDoc: Record<string, number> = {};
  private seenIds = new Set<string>();
  private recordSeen = false;
  private recording = false;
  private measureFrom = 0;
  private cpuAtMeasureFrom = process.cpuUsage();
  private loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

  /** Opens clients, at most `concurrency` handshakes at a time. */
  async open(specs: readonly IndexedClientSpec[], concurrency: number, timeoutMs: number, expectTextLength: number | null): Promise<OpenedClient[]> {
    const results: OpenedClient[] = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < specs.length) {
        const spec = specs[next++];
        results.push(await this.openOne(spec, timeoutMs, expectTextLength));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    return results.sort((a, b) => a.index - b.index);
  }

  /**
   * Connects one client. When the server refuses with "try again later" the client retries after a
   * backoff, as y-websocket's provider reconnects; the refusals are counted and reported.
   */
  private async openOne(spec: IndexedClientSpec, timeoutMs: number, expectTextLength: number | null): Promise<OpenedClient> {
    for (let refusals = 0; ; refusals++) {
      const client = new BenchClient(spec);
      client.onRemoteEntries = (entries, receivedAt) => this.receive(spec.docName, entries, receivedAt);
      const complete = expectTextLength === null ? null : client.whenTextLength(expectTextLength, timeoutMs);
      let completeAt: number | null = null;
      try {
        await client.connect(timeoutMs);
        if (complete) completeAt = await complete;
      } catch (error) {
        client.close();
        if (error instanceof ConnectError && error.tryAgain && refusals + 1 < MAX_ATTEMPTS) {
          await sleep(backoffMs(refusals));
          continue;
        }
        return { index: spec.index, error: (error as Error).message, syncMs: 0, completeMs: null, refusals, entryCount: 0, textLength: 0 };
      }
      return this.opened(spec, client, completeAt, refusals);
    }
  }

  private opened(spec: IndexedClientSpec, client: BenchClient, completeAt: number | null, refusals: number): OpenedClient {
    this.clients.set(spec.index, client);
    const full = spec.mode === 'full';
    return {
      index: spec.index,
      error: null,
      syncMs: client.firstSyncAt - client.connectStartedAt,
      completeMs: completeAt === null ? null : completeAt - client.connectStartedAt,
      refusals,
      entryCount: full ? entriesInDoc(client.doc).length : 0,
      textLength: full ? client.doc.getText(TEXT_KEY).length : 0,
    };
  }

  /** Starts a typing phase: resets the measurements and schedules every writer. */
  type(writers: readonly WriterPlan[], measureFrom: number, recordSeen: boolean): void {
    this.latencies = new SampleBuffer();
    this.sentByDoc = {};
    this.receivedByDoc = {};
    this.seenIds = new Set();
    this.recordSeen = recordSeen;
    this.recording = true;
    this.measureFrom = measureFrom;
    this.loopDelay.enable();
    // The worker's own lag is measured over the same window as everything else.
    this.cpuAtMeasureFrom = process.cpuUsage();
    this.later(() => {
      this.loopDelay.reset();
      this.cpuAtMeasureFrom = process.cpuUsage();
    }, measureFrom - nowEpochMs());
    for (const plan of writers) {
      const client = this.clients.get(plan.index);
      if (client) this.schedule(client, plan);
    }
  }

  /** Sends one entry per period from `firstSendAt` until `stopAt`, on absolute times so delays do not accumulate. */
  private schedule(client: BenchClient, plan: WriterPlan): void {
    let seq = 0;
    const tick = (): void => {
      const t = nowEpochMs();
      if (t >= plan.stopAt) return;
      if (client.push({ id: `${plan.tag}:${seq}`, t }) && t >= this.measureFrom) {
        this.sentByDoc[client.spec.docName] = (this.sentByDoc[client.spec.docName] ?? 0) + 1;
      }
      seq += 1;
      this.later(tick, plan.firstSendAt + seq * plan.periodMs - nowEpochMs());
    };
    this.later(tick, plan.firstSendAt - nowEpochMs());
  }

  private later(callback: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, Math.max(0, delayMs));
    this.timers.add(timer);
  }

  private receive(docName: string, entries: readonly BenchEntry[], receivedAt: number): void {
    if (!this.recording) return;
    for (const entry of entries) {
      if (entry.t < this.measureFrom) continue;
      this.receivedByDoc[docName] = (this.receivedByDoc[docName] ?? 0) + 1;
      this.latencies.push(receivedAt - entry.t);
      if (this.recordSeen) this.seenIds.add(entry.id);
    }
  }

  /** Stops the typing phase and hands over its measurements. */
  collect(): WorkerResult {
    this.stopTimers();
    this.recording = false;
    this.loopDelay.disable();
    const cpu = process.cpuUsage(this.cpuAtMeasureFrom);
    let unexpectedCloses = 0;
    for (const client of this.clients.values()) if (client.closedUnexpectedly) unexpectedCloses += 1;
    return {
      sentByDoc: this.sentByDoc,
      receivedByDoc: this.receivedByDoc,
      latenciesMs: this.latencies.toArray(),
      seenIds: [...this.seenIds],
      unexpectedCloses,
      loopDelayP99Ms: this.loopDelay.count > 0 ? this.loopDelay.percentile(99) / 1e6 : 0,
      loopDelayMaxMs: this.loopDelay.count > 0 ? this.loopDelay.max / 1e6 : 0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  }

  /** Closes every client. */
  close(): void {
    this.stopTimers();
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

const state = new WorkerState();

async function handle(command: WorkerCommand): Promise<WorkerReply> {
  switch (command.kind) {
    case 'open':
      return {
        kind: 'opened',
        seq: command.seq,
        clients: await state.open(command.clients, command.concurrency, command.timeoutMs, command.expectTextLength),
      };
    case 'type':
      state.type(command.writers, command.measureFrom, command.recordSeen);
      return { kind: 'typing', seq: command.seq };
    case 'collect':
      return { kind: 'collected', seq: command.seq, result: state.collect() };
    case 'close':
      state.close();
      return { kind: 'closed', seq: command.seq };
  }
}

/** Commands run strictly one after another, in the order they arrived. */
let queue: Promise<void> = Promise.resolve();
process.on('message', (message: WorkerCommand) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(message);
    } catch (error) {
      reply = { kind: 'failed', seq: message.seq, message: (error as Error).stack ?? String(error) };
    }
    process.send?.(reply);
  });
});
// The orchestrator went away: nothing left to measure for.
process.on('disconnect', () => process.exit(0));
