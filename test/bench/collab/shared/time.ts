/**
 * Time helpers shared by the orchestrator, the client workers and the server probe.
 *
 * Latency is measured across processes (a writer in one worker, its readers in another), so every
 * timestamp is wall-clock milliseconds with sub-millisecond precision: `performance.timeOrigin` is the
 * process start on the system clock and `performance.now()` is monotonic from there.
 */

/** Milliseconds since the Unix epoch, with microsecond precision, comparable between processes. */
export function nowEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Resolves at the given epoch time (immediately when it has passed). */
export function sleepUntil(epochMs: number): Promise<void> {
  return sleep(epochMs - nowEpochMs());
}

/** Rejects with `message` when `promise` has not settled within `ms` milliseconds. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
