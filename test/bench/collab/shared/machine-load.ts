/**
 * How busy the machine is with work that is not the benchmark's. The benchmark needs a quiet machine: on
 * two cores, one busy neighbour (a test suite, a browser) skews every figure. Measured just before each
 * server starts, when none of the benchmark's processes are running.
 */
import { readFileSync } from 'node:fs';
import { sleep } from './time';

/** Busy and total jiffies of all CPUs together, from /proc/stat (Linux), or null elsewhere. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** The share of the machine's CPU (0–100 % of all cores) in use over `sampleMs`, or null where unknown. */
export async function machineCpuBusyPercent(sampleMs = 1_000): Promise<number | null> {
  const before = cpuTimes();
  await sleep(sampleMs);
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return null;
  return (100 * (after.busy - before.busy)) / (after.total - before.total);
}
