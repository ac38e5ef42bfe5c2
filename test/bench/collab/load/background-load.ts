/** Starting and stopping the burner (burner.ts) around a measured workload, and reading what it used. */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** The CPU a burner used over its life. */
export interface BurnerUsage {
  /** The share of one core it was asked to use, in %. */
  readonly requestedPercent: number;
  /** The share of one core it used, in %. */
  readonly usedPercent: number;
}

/** A running burner. */
export class BackgroundLoad {
  private constructor(
    private readonly child: ChildProcess,
    private readonly percent: number,
  ) {}

  /** Starts a process that keeps one core busy `percent` % of the time. */
  static start(percent: number): BackgroundLoad {
    const child = fork(join(__dirname, 'burner.js'), [String(percent)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new BackgroundLoad(child, percent);
  }

  /** Stops the burner and reports what it used. */
  async stop(): Promise<BurnerUsage> {
    const usage = await new Promise<{ cpuMs: number; wallMs: number } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 2_000);
      this.child.once('message', (message: { cpuMs: number; wallMs: number }) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.child.send('usage');
    });
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
    return { requestedPercent: this.percent, usedPercent: usage && usage.wallMs > 0 ? (100 * usage.cpuMs) / usage.wallMs : 0 };
  }
}
