/**
 * The benchmark's parameters: the workloads of issue 3 §6 at their full size, with durations, repeats and
 * selections adjustable through environment variables or flags.
 *
 * | variable / flag                              | meaning                                      | full      | quick |
 * |----------------------------------------------|----------------------------------------------|-----------|-------|
 * | `BENCH_QUICK=1` / `--quick`                  | short durations, report to test/artifacts    |           |       |
 * | `BENCH_SERVERS` / `--servers=`               | comma list of concord, reference, hocuspocus | all       | all   |
 * | `BENCH_WORKLOADS` / `--workloads=`           | comma list of fanout, rooms, durability, coldload, fanout-loaded, rooms-loaded, two-instances | all | all |
 * | `BENCH_DURATION_S` / `--duration=`           | measured typing time of each typing workload, s | 60     | 5     |
 * | `BENCH_DURABILITY_ROUNDS` / `--rounds=`      | kill -9 rounds of (c)                        | 5         | 2     |
 * | `BENCH_COLDLOAD_MIB` / `--coldload-mib=`     | size of the cold-load document, MiB          | 2         | 2     |
 * | `BENCH_COLDLOAD_REPEATS` / `--repeats=`      | cold loads per server                        | 3         | 1     |
 * | `BENCH_LOAD_PERCENT` / `--load=`             | share of one core the burner of (e) keeps busy, % | 25   | 25    |
 * | `BENCH_CLIENT_PROCESSES` / `--processes=`    | client worker processes                      | 2         | 2     |
 * | `BENCH_QUIET_WAIT_S` / `--quiet-wait=`       | longest wait for an idle machine before each server starts, s | 300 | 60 |
 * | `BENCH_REPORT` / `--report=`                 | where the Markdown report goes               | docs/benchmarks/collab.md | test/artifacts/bench/collab-quick.md |
 */
import { resolve } from 'node:path';
import { ROOT, type TargetId } from './servers/target';

/** The four workloads of issue 3 §6, (a) and (b) again under background load, and two instances (issue 17). */
export type WorkloadId = 'fanout' | 'rooms' | 'durability' | 'coldload' | 'fanout-loaded' | 'rooms-loaded' | 'two-instances';

const ALL_TARGETS: readonly TargetId[] = ['concord', 'reference', 'hocuspocus'];
const ALL_WORKLOADS: readonly WorkloadId[] = ['fanout', 'rooms', 'durability', 'coldload', 'fanout-loaded', 'rooms-loaded', 'two-instances'];

/** (a) plenary fan-out: one document, many clients, some typing. */
export interface FanoutConfig {
  readonly clients: number;
  readonly writers: number;
  readonly updatesPerSecond: number;
  /** Typing before the measured window (not counted). */
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Time after the last send for receipts to arrive; later ones count as dropped. */
  readonly drainMs: number;
}

/** (b) many rooms: many small documents, a few clients each, some rooms typing. */
export interface RoomsConfig {
  readonly documents: number;
  readonly clientsPerDocument: number;
  /** One client types in every `typingEvery`-th room. */
  readonly typingEvery: number;
  readonly updatesPerSecond: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly drainMs: number;
}

/** (c) durability: kill -9 under load, repeatedly. */
export interface DurabilityConfig {
  readonly rounds: number;
  readonly clients: number;
  readonly writers: number;
  readonly updatesPerSecond: number;
  /** The kill comes at a random time in this window after typing starts. */
  readonly killAfterMinMs: number;
  readonly killAfterMaxMs: number;
}

/** (d) cold load of a large document. */
export interface ColdLoadConfig {
  readonly bytes: number;
  readonly repeats: number;
  /** A second, small document is round-tripped this often while the large one loads. */
  readonly probeIntervalMs: number;
  /** A small-document round trip longer than this counts as blocked. */
  readonly blockedThresholdMs: number;
}

/** (f) two instances over PostgreSQL and Redis: documents with clients on both, the writer on the first. */
export interface TwoInstancesConfig {
  readonly documents: number;
  /** Half of them on each instance. */
  readonly clientsPerDocument: number;
  /** Each document's writer types this often. */
  readonly updatesPerSecond: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly drainMs: number;
}

export interface BenchConfig {
  readonly quick: boolean;
  readonly targets: readonly TargetId[];
  readonly workloads: readonly WorkloadId[];
  readonly clientProcesses: number;
  /** Before each server starts, wait up to this long for other processes to leave the CPU idle. */
  readonly quietWaitMs: number;
  readonly seed: number;
  readonly reportPath: string;
  readonly fanout: FanoutConfig;
  readonly rooms: RoomsConfig;
  readonly durability: DurabilityConfig;
  readonly coldLoad: ColdLoadConfig;
  /** The share of one core the background burner of (e) keeps busy, in %. */
  readonly backgroundLoadPercent: number;
  readonly twoInstances: TwoInstancesConfig;
}

/** `--name=value` flags, and bare `--name` as "1". */
function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg} (flags look like --name=value; see test/bench/README.md)`);
    flags.set(match[1], match[2] ?? '1');
  }
  return flags;
}

function number(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
}

function list<T extends string>(raw: string | undefined, all: readonly T[], name: string): readonly T[] {
  if (raw === undefined || raw === '') return all;
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) if (!all.includes(item as T)) throw new Error(`${name}: unknown ${item} (known: ${all.join(', ')})`);
  return all.filter((item) => items.includes(item));
}

/** Reads the configuration from the environment and the command line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): BenchConfig {
  const flags = parseFlags(argv);
  const read = (flag: string, variable: string): string | undefined => flags.get(flag) ?? env[variable];
  const quick = ['1', 'true', 'yes'].includes((read('quick', 'BENCH_QUICK') ?? '').toLowerCase());
  // 60 s: a p99 over 20 s of (a) is the 20th-worst of 2,000 updates (each update's receipts share its server
  // delay), and two such runs differed by up to x2; over 60 s it rests on three times as many.
  const durationMs = number(read('duration', 'BENCH_DURATION_S'), quick ? 5 : 60, 'BENCH_DURATION_S') * 1000;
  const drainMs = quick ? 2_000 : 3_000;
  const warmupMs = quick ? 1_000 : 2_000;
  const reportPath = read('report', 'BENCH_REPORT') ?? (quick ? 'test/artifacts/bench/collab-quick.md' : 'docs/benchmarks/collab.md');
  return {
    quick,
    targets: list(read('servers', 'BENCH_SERVERS'), ALL_TARGETS, 'BENCH_SERVERS'),
    workloads: list(read('workloads', 'BENCH_WORKLOADS'), ALL_WORKLOADS, 'BENCH_WORKLOADS'),
    clientProcesses: Math.round(number(read('processes', 'BENCH_CLIENT_PROCESSES'), 2, 'BENCH_CLIENT_PROCESSES')),
    quietWaitMs: number(read('quiet-wait', 'BENCH_QUIET_WAIT_S'), quick ? 60 : 300, 'BENCH_QUIET_WAIT_S') * 1000,
    seed: Math.round(number(read('seed', 'BENCH_SEED'), 2026, 'BENCH_SEED')),
    reportPath: resolve(ROOT, reportPath),
    fanout: { clients: 250, writers: 25, updatesPerSecond: 4, warmupMs, durationMs, drainMs },
    rooms: { documents: 500, clientsPerDocument: 4, typingEvery: 4, updatesPerSecond: 2, warmupMs, durationMs, drainMs },
    durability: {
      rounds: Math.round(number(read('rounds', 'BENCH_DURABILITY_ROUNDS'), quick ? 2 : 5, 'BENCH_DURABILITY_ROUNDS')),
      clients: 50,
      writers: 10,
      updatesPerSecond: 10,
      killAfterMinMs: 1_500,
      killAfterMaxMs: quick ? 3_000 : 5_000,
    },
    coldLoad: {
      bytes: Math.round(number(read('coldload-mib', 'BENCH_COLDLOAD_MIB'), 2, 'BENCH_COLDLOAD_MIB') * 1024 * 1024),
      repeats: Math.round(number(read('repeats', 'BENCH_COLDLOAD_REPEATS'), quick ? 1 : 3, 'BENCH_COLDLOAD_REPEATS')),
      probeIntervalMs: 5,
      blockedThresholdMs: 50,
    },
    backgroundLoadPercent: Math.min(100, number(read('load', 'BENCH_LOAD_PERCENT'), 25, 'BENCH_LOAD_PERCENT')),
    twoInstances: { documents: 50, clientsPerDocument: 4, updatesPerSecond: 2, warmupMs, durationMs, drainMs },
  };
}
