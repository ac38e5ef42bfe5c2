/**
 * One server under test, running as its own child process with the probe preloaded, so that its memory,
 * CPU and event-loop delay are its own and it can be killed with SIGKILL like a crashing server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isProbeReply, type ProbeRequest, type ServerStats } from '../shared/ipc';

/** The compiled probe that every server process preloads. */
const PROBE = join(__dirname, 'probe.js');

/** How long a server may take to print its readiness line. */
const START_TIMEOUT_MS = 90_000;

/** Every server process this run started and has not seen exit; killed if the orchestrator dies. */
const LIVE = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of LIVE) child.kill('SIGKILL');
});

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How to start a server process. */
export interface ServerLaunch {
  /** For messages. */
  readonly name: string;
  /** Arguments after `node --require probe.js`: the script and its arguments. */
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly cwd: string;
  /** Printed (stdout or stderr) once the server accepts connections. */
  readonly ready: string | RegExp;
}

/** A started server process. */
export class ServerProcess {
  private log = '';
  private nextProbeId = 0;
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    LIVE.add(child);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        LIVE.delete(child);
        resolve();
      }),
    );
    const append = (chunk: Buffer): void => {
      // Keep the tail only: a long run must not grow the orchestrator with server logs.
      this.log = (this.log + chunk.toString()).slice(-64 * 1024);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
  }

  /** Spawns the server and resolves once it printed `launch.ready`; rejects with its output otherwise. */
  static async start(launch: ServerLaunch): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--require', PROBE, ...launch.args], {
      cwd: launch.cwd,
      env: launch.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new ServerProcess(launch.name, child);
    await new Promise<void>((resolve, reject) => {
      const isReady = (): boolean => (typeof launch.ready === 'string' ? server.log.includes(launch.ready) : launch.ready.test(server.log));
      const timer = setTimeout(() => finish(new Error(`${launch.name} did not start within ${START_TIMEOUT_MS / 1000} s:\n${server.output()}`)), START_TIMEOUT_MS);
      const onData = (): void => {
        if (isReady()) finish(null);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
        finish(new Error(`${launch.name} exited (${signal ?? code}) before it was ready:\n${server.output()}`));
      const finish = (error: Error | null): void => {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        if (error) {
          child.kill('SIGKILL');
          reject(error);
        } else {
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
    });
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The tail of what the server printed. */
  output(): string {
    return this.log.slice(-4000);
  }

  /** Starts a measurement window: clears the event-loop histogram, the CPU counter and the peak memory. */
  async resetStats(): Promise<ServerStats> {
    return this.probe('reset');
  }

  /** What the server measured since the last reset. */
  async stats(): Promise<ServerStats> {
    return this.probe('stats');
  }

  private probe(op: ProbeRequest['op']): Promise<ServerStats> {
    const id = ++this.nextProbeId;
    return new Promise<ServerStats>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`${this.name} did not answer the probe within 30 s (is it blocked?)`));
      }, 30_000);
      const onMessage = (message: unknown): void => {
        if (!isProbeReply(message) || message.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message.stats);
      };
      this.child.on('message', onMessage);
      const request: ProbeRequest = { type: 'bench-probe', id, op };
      this.child.send(request);
    });
  }

  /** Sends `signal` and waits for the process to exit (SIGKILL after `graceMs` if it does not). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process at once, as a crash or an out-of-memory kill would. */
  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }
}
