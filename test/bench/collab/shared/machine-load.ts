/**
 * How busy the machine is with work that is not the benchmark's. The benchmark needs a quiet machine: on
 * two cores, one busy neighbour (a test suite, a browser) skews every figure. The harness waits for a
 * quiet machine before each server starts, and measures how much CPU went to other processes during the
 * measured windows: machine-wide CPU from /proc/stat, minus what the server and the harness used, minus
 * the kernel's own work (interrupts and kernel threads — e.g. the file system writing what a server
 * persisted), which the benchmark itself causes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { nowEpochMs, sleep } from './time';

/** CPU time of all cores together (in clock ticks) at one moment, and when. */
export interface CpuSnapshot {
  /** Time spent running processes (user and system, including kernel threads), or stolen by the host. */
  readonly busy: number;
  /** Of that, kernel threads' time. */
  readonly kernelThreads: number;
  readonly total: number;
  readonly at: number;
}

/** User + system ticks of the kernel's own threads (children of kthreadd, pid 2). */
function kernelThreadTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // The process ended meanwhile.
    }
    // Fields after the parenthesised command name: state, ppid, …, utime (12th), stime (13th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (entry === '2' || fields[1] === '2') ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks;
}

/** Reads /proc (Linux); null elsewhere. */
export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
    // Interrupt time is left out: on loopback it is mostly the benchmark's own network traffic.
    const busy = user + nice + system + steal;
    return { busy, kernelThreads: kernelThreadTicks(), total: busy + idle + iowait + irq + softirq, at: nowEpochMs() };
  } catch {
    return null;
  }
}

/**
 * The share of the machine's CPU (0–100 % of all cores) used between two snapshots by processes other
 * than those that used `ownCpuMs` (user + system milliseconds) in that time; null where unknown.
 */
export function foreignCpuPercent(before: CpuSnapshot | null, after: CpuSnapshot | null, ownCpuMs = 0): number | null {
  if (!before || !after || after.total <= before.total) return null;
  const machine = (after.busy - before.busy - (after.kernelThreads - before.kernelThreads)) / (after.total - before.total);
  const own = ownCpuMs / ((after.at - before.at) * availableParallelism());
  return Math.max(0, 100 * (machine - own));
}

/** The share of the machine's CPU in use over `sampleMs`, or null where unknown. */
export async function machineCpuBusyPercent(sampleMs = 1_000): Promise<number | null> {
  const before = cpuSnapshot();
  await sleep(sampleMs);
  return foreignCpuPercent(before, cpuSnapshot());
}

/**
 * Waits (up to `maxWaitMs`) until the machine has been under `quietPercent` busy for a one-second sample,
 * reporting while it waits, and resolves with the last sample (null where unknown).
 */
export async function waitForQuietMachine(maxWaitMs: number, quietPercent: number, report: (busyPercent: number) => void): Promise<number | null> {
  const deadline = nowEpochMs() + maxWaitMs;
  let reported = 0;
  for (;;) {
    const busy = await machineCpuBusyPercent();
    if (busy === null || busy < quietPercent || nowEpochMs() >= deadline) return busy;
    if (nowEpochMs() - reported > 15_000) {
      report(busy);
      reported = nowEpochMs();
    }
  }
}
