/**
 * Messages between the orchestrator and its child processes: client workers (which host the simulated
 * clients) and the probe preloaded into every server (which reports event-loop delay and memory).
 */
import type { ClientSpec } from '../client/bench-client';

/** A client spec with its position in the orchestrator's list of clients. */
export interface IndexedClientSpec extends ClientSpec {
  readonly index: number;
}

/** When and how fast one client types. Times are epoch milliseconds (see `nowEpochMs`). */
export interface WriterPlan {
  /** The client (by orchestrator index) that types. */
  readonly index: number;
  /** Prefix of this writer's entry ids; unique in the run. */
  readonly tag: string;
  readonly firstSendAt: number;
  readonly periodMs: number;
  /** No update is sent at or after this time. */
  readonly stopAt: number;
}

/** What opening one client gave. */
export interface OpenedClient {
  readonly index: number;
  /** Why the connection failed, or null when it is live. */
  readonly error: string | null;
  /** From creating the socket to receiving the first full sync (sync step 2), in milliseconds. */
  readonly syncMs: number;
  /** From creating the socket to holding the expected text (when asked for), in milliseconds. */
  readonly completeMs: number | null;
  /** Attempts the server refused with "try again later" before this one (the client retried with backoff). */
  readonly refusals: number;
  /** For `full` clients: entries and text length of the synced document, to check what was loaded. */
  readonly entryCount: number;
  readonly textLength: number;
}

/** What one worker measured during a typing phase. */
export interface WorkerResult {
  /** Updates actually sent, per document. */
  readonly sentByDoc: Record<string, number>;
  /** Remote entries received by this worker's clients (each client counts each entry once), per document. */
  readonly receivedByDoc: Record<string, number>;
  /** Send-to-receipt latency of every receipt, in milliseconds. */
  readonly latenciesMs: Float64Array;
  /** Ids of the entries any client received (only when the phase recorded them). */
  readonly seenIds: readonly string[];
  /** Clients whose socket closed without the worker closing it. */
  readonly unexpectedCloses: number;
  /** The worker's own event-loop delay during the phase: high values mean the harness, not the server, lagged. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** CPU time (user + system) the worker used from the start of the measured window to the collection. */
  readonly cpuMs: number;
}

/** Orchestrator → client worker. Every command is answered by one reply with the same `seq`. */
export type WorkerCommand =
  | {
      readonly kind: 'open';
      readonly seq: number;
      readonly clients: readonly IndexedClientSpec[];
      readonly concurrency: number;
      readonly timeoutMs: number;
      /** Also wait until each (full) client's text has this many characters, and time it. */
      readonly expectTextLength: number | null;
    }
  | {
      readonly kind: 'type';
      readonly seq: number;
      readonly writers: readonly WriterPlan[];
      /** Updates sent before this epoch time are warm-up: neither their sending nor their receipts count. */
      readonly measureFrom: number;
      readonly recordSeen: boolean;
    }
  | { readonly kind: 'collect'; readonly seq: number }
  | { readonly kind: 'close'; readonly seq: number };

/** Client worker → orchestrator. */
export type WorkerReply =
  | { readonly kind: 'opened'; readonly seq: number; readonly clients: readonly OpenedClient[] }
  | { readonly kind: 'typing'; readonly seq: number }
  | { readonly kind: 'collected'; readonly seq: number; readonly result: WorkerResult }
  | { readonly kind: 'closed'; readonly seq: number }
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };

/** What a server process measured about itself since the last reset. */
export interface ServerStats {
  readonly loopDelayP50Ms: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** Resident set size now, and the highest sampled since the reset (sampled every 100 ms). */
  readonly rssBytes: number;
  readonly peakRssBytes: number;
  readonly heapUsedBytes: number;
  /** CPU time (user + system) used since the reset, and the wall time it was used over. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Orchestrator → server probe. */
export interface ProbeRequest {
  readonly type: 'bench-probe';
  readonly id: number;
  readonly op: 'reset' | 'stats';
}

/** Server probe → orchestrator. */
export interface ProbeReply {
  readonly type: 'bench-probe';
  readonly id: number;
  readonly stats: ServerStats;
}

/** True when `message` is a request for the probe. */
export function isProbeRequest(message: unknown): message is ProbeRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'bench-probe' && 'op' in message;
}

/** True when `message` is the probe's answer. */
export function isProbeReply(message: unknown): message is ProbeReply {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'bench-probe' && 'stats' in message;
}
