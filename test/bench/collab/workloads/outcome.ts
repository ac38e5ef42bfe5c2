/** Running one workload against one server: start it, measure, always stop it, and never let one failure end the run. */
import { type BenchTarget, type RunningServer, type StartOptions, TargetUnavailable } from '../servers/target';
import { waitForQuietMachine } from '../shared/machine-load';

/** A machine using more CPU than this (% of all cores) for other work is not quiet enough to measure on. */
export const QUIET_PERCENT = 10;

/** What one workload gave on one server. */
export type Outcome<T> =
  | {
      readonly status: 'measured';
      readonly value: T;
      /** CPU the machine was using (% of all cores) just before the server started, i.e. not for the benchmark. */
      readonly backgroundCpuPercent: number | null;
    }
  /** The server cannot be measured in this run (e.g. Concord's endpoint is not there yet). */
  | { readonly status: 'skipped'; readonly reason: string }
  /** The measurement broke; the reason says how. */
  | { readonly status: 'failed'; readonly reason: string };

/**
 * Starts `target`, runs `body` against it and stops it, turning errors into an outcome. First waits (up to
 * `quietWaitMs`) for the machine to be quiet, so that the server starts on an idle machine.
 */
export async function measureOn<T>(
  target: BenchTarget,
  options: StartOptions & { readonly quietWaitMs: number },
  body: (server: RunningServer) => Promise<T>,
): Promise<Outcome<T>> {
  let server: RunningServer | null = null;
  try {
    const backgroundCpuPercent = await waitForQuietMachine(options.quietWaitMs, QUIET_PERCENT, (busy) =>
      process.stdout.write(`[bench:collab] waiting for the machine to be quiet: other processes use ${busy.toFixed(0)} % of the CPU\n`),
    );
    server = await target.start(options);
    return { status: 'measured', value: await body(server), backgroundCpuPercent };
  } catch (error) {
    if (error instanceof TargetUnavailable) return { status: 'skipped', reason: error.message };
    return { status: 'failed', reason: (error as Error).stack ?? String(error) };
  } finally {
    await server?.stop().catch(() => undefined);
  }
}
