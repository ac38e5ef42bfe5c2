/**
 * The two peers Concord is compared with: the reference y-websocket server and Hocuspocus. Both are
 * started as plain child processes on a free port; documents are just names, created on first use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ClientMode, ClientSpec, Dialect } from '../client/bench-client';
import { freePort, type ServerLaunch, ServerProcess } from './server-process';
import { type BenchTarget, ROOT, type RunningServer, type StartOptions } from './target';

/** How to launch one peer on a port, keeping its data (if any) in `dataDir`. */
interface PeerDefinition {
  readonly dialect: Dialect;
  launch(port: number, dataDir: string | null): ServerLaunch;
  /** The WebSocket URL for a document. */
  url(port: number, docName: string): string;
}

/** A running peer: one process, restartable over the same data directory. */
class RunningPeer implements RunningServer {
  private constructor(
    private readonly definition: PeerDefinition,
    private readonly dataDir: string | null,
    private process: ServerProcess,
    private port: number,
  ) {}

  static async start(definition: PeerDefinition, options: StartOptions): Promise<RunningPeer> {
    const dataDir = options.persistent ? mkdtempSync(join(tmpdir(), 'collab-bench-peer-')) : null;
    const port = await freePort();
    const process = await ServerProcess.start(definition.launch(port, dataDir));
    return new RunningPeer(definition, dataDir, process, port);
  }

  async documents(count: number): Promise<string[]> {
    return Array.from({ length: count }, (_, i) => `bench-doc-${i}`);
  }

  clientSpec(docName: string, mode: ClientMode): ClientSpec {
    return { url: this.definition.url(this.port, docName), docName, dialect: this.definition.dialect, mode };
  }

  resetStats() {
    return this.process.resetStats();
  }

  stats() {
    return this.process.stats();
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    await this.process.stop(signal);
    this.port = await freePort();
    this.process = await ServerProcess.start(this.definition.launch(this.port, this.dataDir));
  }

  async stop(): Promise<void> {
    await this.process.stop('SIGTERM');
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

const baseEnv = (port: number): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port) });

/** The directory of an installed package, found through its exported package.json. */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
}

/**
 * The reference server, started exactly as its `y-websocket-server` bin starts it (`src/server.js`:
 * `setupWSConnection` from its utils, documents in memory). With persistence, its own LevelDB
 * persistence (`YPERSISTENCE`), which stores every update as it is applied.
 */
export const referenceTarget: BenchTarget = {
  id: 'reference',
  label: 'y-websocket reference (@y/websocket-server)',
  persistenceNote:
    'in memory (nothing persisted) for (a) and (b); for (d) its own LevelDB persistence (`YPERSISTENCE`), which writes each update to LevelDB after applying and relaying it',
  start: (options) =>
    RunningPeer.start(
      {
        dialect: 'y-websocket',
        launch: (port, dataDir) => ({
          name: 'reference y-websocket server',
          args: [join(packageDir('@y/websocket-server'), 'src/server.js')],
          cwd: ROOT,
          env: { ...baseEnv(port), ...(dataDir ? { YPERSISTENCE: dataDir } : {}) },
          ready: /running at/,
        }),
        url: (port, docName) => `ws://127.0.0.1:${port}/${docName}`,
      },
      options,
    ),
};

/**
 * Hocuspocus 3 with no extensions (in memory). With persistence, a file store through its
 * `onLoadDocument` / `onStoreDocument` hooks, as `@hocuspocus/extension-database` does (see the launcher).
 */
export const hocuspocusTarget: BenchTarget = {
  id: 'hocuspocus',
  label: 'Hocuspocus (@hocuspocus/server)',
  persistenceNote:
    'no extensions, in memory (nothing persisted) for (a) and (b); for (d) the whole document state is written to a file by `onStoreDocument` (debounced 2 s, at once when the last client leaves) and read by `onLoadDocument`, as `@hocuspocus/extension-database` does',
  start: (options) =>
    RunningPeer.start(
      {
        dialect: 'hocuspocus',
        launch: (port, dataDir) => ({
          name: 'Hocuspocus',
          args: [join(__dirname, 'hocuspocus-launcher.js')],
          cwd: ROOT,
          env: { ...baseEnv(port), ...(dataDir ? { BENCH_STORE_DIR: dataDir } : {}) },
          ready: /Hocuspocus listening/,
        }),
        url: (port) => `ws://127.0.0.1:${port}`,
      },
      options,
    ),
};
