/**
 * What the workloads need from a server under test, independent of which server it is. Each server
 * (Concord, the reference y-websocket server, Hocuspocus) implements `BenchTarget`; the workloads only
 * ever talk to these interfaces.
 */
import { join } from 'node:path';
import type { ClientMode, ClientSpec } from '../client/bench-client';
import type { ServerStats } from '../shared/ipc';

/** The repository root (this file is compiled to dist/test/bench/collab/servers/). */
export const ROOT = join(__dirname, '../../../../..');

/** The servers the benchmark knows. */
export type TargetId = 'concord' | 'reference' | 'hocuspocus';

/** The target cannot be measured in this run (not built, endpoint missing, refused): skip it, say why. */
export class TargetUnavailable extends Error {
  override readonly name = 'TargetUnavailable';
}

/** Options for starting a server. */
export interface StartOptions {
  /**
   * Keep documents across restarts. Concord always persists; the peers are in-memory unless asked
   * (the cold-load workload needs a document that survives a restart).
   */
  readonly persistent: boolean;
}

/** A running server under test. */
export interface RunningServer {
  /** Names of `count` writable documents (created or imported as needed; stable across restarts). */
  documents(count: number): Promise<string[]>;
  /** How a client reaches `docName` on the current process. */
  clientSpec(docName: string, mode: ClientMode): ClientSpec;
  /** Starts a measurement window in the server process. */
  resetStats(): Promise<ServerStats>;
  /** The server process's own measurements since the last reset. */
  stats(): Promise<ServerStats>;
  /**
   * Ends the process with `signal` (SIGKILL: a crash) and starts a new one over the same data. Document
   * names stay valid; client specs must be asked for again (port and credentials may change).
   */
  restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Ends the process and removes its data. */
  stop(): Promise<void>;
}

/** A server the benchmark can start. */
export interface BenchTarget {
  readonly id: TargetId;
  /** Display name in the report. */
  readonly label: string;
  /** What this server does with updates in each configuration, for the report's fairness notes. */
  readonly persistenceNote: string;
  start(options: StartOptions): Promise<RunningServer>;
}
