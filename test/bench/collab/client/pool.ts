/**
 * The orchestrator's side of the client workers: forks them, spreads clients over them round-robin and
 * merges what they measured.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { IndexedClientSpec, OpenedClient, WorkerCommand, WorkerReply, WorkerResult, WriterPlan } from '../shared/ipc';
import { concatSamples } from '../shared/stats';
import type { ClientSpec } from './bench-client';

/** Everything the workers measured during one typing phase, merged. */
export interface PoolResult {
  readonly sentByDoc: Record<string, number>;
  readonly receivedByDoc: Record<string, number>;
  readonly latenciesMs: Float64Array;
  readonly seenIds: ReadonlySet<string>;
  readonly unexpectedCloses: number;
  /** The worst of the workers' own event-loop delays. */
  readonly clientLoopDelayP99Ms: number;
  readonly clientLoopDelayMaxMs: number;
  /** CPU time all workers used over the measured window. */
  readonly clientCpuMs: number;
}

/** Distributive `Omit`, so each command keeps its own fields. */
type CommandBody = WorkerCommand extends infer C ? (C extends WorkerCommand ? Omit<C, 'seq'> : never) : never;

/** One forked worker and its pending requests. */
class WorkerHandle {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: WorkerReply) => {
      const waiter = this.pending.get(reply.seq);
      if (!waiter) return;
      this.pending.delete(reply.seq);
      if (reply.kind === 'failed') waiter.reject(new Error(`client worker failed: ${reply.message}`));
      else waiter.resolve(reply);
    });
    child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`client worker exited (${signal ?? code})`));
      this.pending.clear();
    });
  }

  request(command: CommandBody): Promise<WorkerReply> {
    const seq = ++this.seq;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.child.send({ ...command, seq } as WorkerCommand);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A set of client worker processes. */
export class ClientPool {
  private constructor(private readonly workers: readonly WorkerHandle[]) {}

  /** Forks `processes` workers. */
  static start(processes: number): ClientPool {
    const script = join(__dirname, 'worker.js');
    const workers = Array.from({ length: Math.max(1, processes) }, () => {
      // `advanced` serialization carries the latency samples as typed arrays rather than JSON.
      const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new WorkerHandle(child);
    });
    return new ClientPool(workers);
  }

  /**
   * Opens the clients (client `i` lives in worker `i mod processes`) and resolves with one result per
   * client, in the order given. Failed clients are reported, not thrown.
   */
  async open(specs: readonly ClientSpec[], options: { concurrency?: number; timeoutMs?: number; expectTextLength?: number } = {}): Promise<OpenedClient[]> {
    const shares = this.workers.map(() => [] as IndexedClientSpec[]);
    specs.forEach((spec, index) => shares[index % this.workers.length].push({ ...spec, index }));
    const replies = await Promise.all(
      this.workers.map((worker, i) =>
        worker.request({
          kind: 'open',
          clients: shares[i],
          concurrency: options.concurrency ?? 32,
          timeoutMs: options.timeoutMs ?? 30_000,
          expectTextLength: options.expectTextLength ?? null,
        }),
      ),
    );
    const opened = replies.flatMap((reply) => (reply.kind === 'opened' ? reply.clients : []));
    return opened.sort((a, b) => a.index - b.index);
  }

  /**
   * Starts a typing phase in every worker (each writer is scheduled by the worker that hosts its client).
   * Updates sent before `measureFrom` (epoch ms) are warm-up and not counted.
   */
  async type(writers: readonly WriterPlan[], options: { measureFrom?: number; recordSeen?: boolean } = {}): Promise<void> {
    const shares = this.workers.map(() => [] as WriterPlan[]);
    for (const plan of writers) shares[plan.index % this.workers.length].push(plan);
    await Promise.all(this.workers.map((worker, i) => worker.request({ kind: 'type', writers: shares[i], measureFrom: options.measureFrom ?? 0, recordSeen: options.recordSeen ?? false })));
  }

  /** Ends the typing phase and merges the workers' measurements. */
  async collect(): Promise<PoolResult> {
    const replies = await Promise.all(this.workers.map((worker) => worker.request({ kind: 'collect' })));
    const results: WorkerResult[] = replies.flatMap((reply) => (reply.kind === 'collected' ? [reply.result] : []));
    const sum = (records: readonly Record<string, number>[]): Record<string, number> => {
      const total: Record<string, number> = {};
      for (const record of records) for (const [key, value] of Object.entries(record)) total[key] = (total[key] ?? 0) + value;
      return total;
    };
    return {
      sentByDoc: sum(results.map((result) => result.sentByDoc)),
      receivedByDoc: sum(results.map((result) => result.receivedByDoc)),
      latenciesMs: concatSamples(results.map((result) => result.latenciesMs)),
      seenIds: new Set(results.flatMap((result) => result.seenIds)),
      unexpectedCloses: results.reduce((total, result) => total + result.unexpectedCloses, 0),
      clientLoopDelayP99Ms: Math.max(0, ...results.map((result) => result.loopDelayP99Ms)),
      clientLoopDelayMaxMs: Math.max(0, ...results.map((result) => result.loopDelayMaxMs)),
      clientCpuMs: results.reduce((total, result) => total + result.cpuMs, 0),
    };
  }

  /** Closes every client (the workers stay up). */
  async closeClients(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ kind: 'close' })));
  }

  /** Closes every client and ends the workers. */
  async stop(): Promise<void> {
    await this.closeClients().catch(() => undefined);
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
