/**
 * A background CPU load for the "under load" workload: a process that keeps one core busy for a fixed share of
 * every 10 ms (a duty cycle, like a neighbour's test suite or a browser tab that never quite rests), started with
 * that share in percent as its argument. Asked over IPC, it answers with the CPU it actually used, so that the
 * report states the load it really added.
 */
import { performance } from 'node:perf_hooks';

const PERIOD_MS = 10;
const share = Math.min(100, Math.max(0, Number(process.argv[2] ?? '0'))) / 100;
const busyMs = PERIOD_MS * share;
const startedAt = performance.now();
const startedCpu = process.cpuUsage();

function cycle(): void {
  const until = performance.now() + busyMs;
  while (performance.now() < until) {
    // Burns the CPU on purpose: this process exists to be a busy neighbour.
  }
  setTimeout(cycle, Math.max(0, PERIOD_MS - busyMs));
}

process.on('message', (message: unknown) => {
  if (message !== 'usage') return;
  const used = process.cpuUsage(startedCpu);
  const wallMs = performance.now() - startedAt;
  process.send?.({ cpuMs: (used.user + used.system) / 1000, wallMs });
});
process.on('disconnect', () => process.exit(0));
cycle();
