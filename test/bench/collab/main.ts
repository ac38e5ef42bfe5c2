/**
 * `npm run bench:collab`: runs the collaboration workloads of issue 3 §6 against Concord, the reference
 * y-websocket server and Hocuspocus in one invocation, and writes the Markdown report
 * (docs/benchmarks/collab.md; see config.ts for the knobs and test/bench/README.md for how to run it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { type BenchConfig, loadConfig } from './config';
import { describeMachine } from './report/machine';
import { type BenchRun, formatMs, renderReport, type ResultsByTarget } from './report/markdown';
import { concordTarget } from './servers/concord';
import { hocuspocusTarget, referenceTarget } from './servers/peers';
import { type BenchTarget, ROOT, type TargetId } from './servers/target';
import { nowEpochMs } from './shared/time';
import { type ColdLoadResult, runColdLoad } from './workloads/cold-load';
import { type DurabilityResult, runDurability } from './workloads/durability';
import { runFanout } from './workloads/fanout';
import { type LoadedResult, runLoaded } from './workloads/loaded';
import { type Outcome, QUIET_PERCENT } from './workloads/outcome';
import { runRooms } from './workloads/rooms';
import { runTwoInstances, type TwoInstanceResult } from './workloads/two-instances';
import type { TypingResult } from './workloads/typing';

const TARGETS: Record<TargetId, BenchTarget> = { concord: concordTarget, reference: referenceTarget, hocuspocus: hocuspocusTarget };

function log(message: string): void {
  process.stdout.write(`[bench:collab] ${message}\n`);
}

/** One line about an outcome, for the console. */
function describe<T>(outcome: Outcome<T>, summary: (value: T) => string): string {
  if (outcome.status !== 'measured') return `${outcome.status}: ${outcome.reason.split('\n')[0]}`;
  const before = outcome.backgroundCpuPercent ?? 0;
  const warning = before > QUIET_PERCENT ? ` — WARNING: other processes used ${before.toFixed(0)} % of the CPU just before this run` : '';
  return `${summary(outcome.value)}${warning}`;
}

const typingSummary = (r: TypingResult): string =>
  (r.connected < r.clients ? `${r.clients - r.connected} of ${r.clients} clients failed to connect (${r.connectErrors.join('; ')}); ` : '') +
  `p50 ${formatMs(r.latency.p50 ?? 0)} ms, p99 ${formatMs(r.latency.p99 ?? 0)} ms, dropped ${r.dropped}/${r.expectedReceipts}, ` +
  `server loop p99 ${formatMs(r.server.loopDelayP99Ms)} ms, peak RSS ${(r.server.peakRssBytes / 1e6).toFixed(0)} MB, client loop p99 ${formatMs(r.clientLoopDelayP99Ms)} ms` +
  ((r.foreignCpuPercent ?? 0) > QUIET_PERCENT ? ` — WARNING: other processes used ${(r.foreignCpuPercent ?? 0).toFixed(0)} % of the CPU during the window` : '');

const loadedSummary = (r: LoadedResult): string => `${typingSummary(r.typing)}; burner used ${r.burner.usedPercent.toFixed(0)} % of one core`;

const twoInstanceSummary = (r: TwoInstanceResult): string =>
  `${r.connected}/${r.clients} connected; same instance p99 ${formatMs(r.sameInstance.p99 ?? 0)} ms, cross-instance p50 ${formatMs(r.crossInstance.p50 ?? 0)} ms, p99 ${formatMs(r.crossInstance.p99 ?? 0)} ms, dropped ${r.dropped}/${r.expectedReceipts}`;

const coldLoadSummary = (r: ColdLoadResult): string =>
  `whole document median ${formatMs(r.medianCompleteMs ?? 0)} ms, worst ${formatMs(r.maxCompleteMs ?? 0)} ms ` +
  `(in first sync step 2: ${r.allCompleteInFirstSync ? 'yes' : 'no'}), other doc worst round trip ${formatMs(r.worstProbeMs ?? 0)} ms`;

/**
 * Runs one workload on every selected server, in order. Once a server is found unavailable (e.g. Concord's
 * endpoint does not exist yet) it is skipped for the rest of the run with the same reason.
 */
async function eachTarget<T>(
  name: string,
  targets: readonly BenchTarget[],
  unavailable: Map<TargetId, string>,
  run: (target: BenchTarget) => Promise<Outcome<T>>,
  summary: (value: T) => string,
): Promise<ResultsByTarget<T>> {
  const results: ResultsByTarget<T> = {};
  for (const target of targets) {
    const known = unavailable.get(target.id);
    if (known !== undefined) {
      results[target.id] = { status: 'skipped', reason: known };
      log(`${name} — ${target.label}: skipped (${known})`);
      continue;
    }
    log(`${name} — ${target.label}: running…`);
    const outcome = await run(target);
    if (outcome.status === 'skipped') unavailable.set(target.id, outcome.reason);
    results[target.id] = outcome;
    log(`${name} — ${target.label}: ${describe(outcome, summary)}`);
  }
  return results;
}

async function main(config: BenchConfig): Promise<void> {
  const started = nowEpochMs();
  const machine = describeMachine();
  const targets = config.targets.map((id) => TARGETS[id]);
  const unavailable = new Map<TargetId, string>();
  const selected = (workload: BenchConfig['workloads'][number]): boolean => config.workloads.includes(workload);
  log(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}${config.quick ? ' — quick mode' : ''}`);

  const fanout = selected('fanout') ? await eachTarget('(a) fan-out', targets, unavailable, (t) => runFanout(t, config), typingSummary) : {};
  const rooms = selected('rooms') ? await eachTarget('(b) many rooms', targets, unavailable, (t) => runRooms(t, config), typingSummary) : {};
  let durability: Outcome<DurabilityResult> | null = null;
  if (selected('durability') && config.targets.includes('concord')) {
    const results = await eachTarget(
      '(c) durability',
      [concordTarget],
      unavailable,
      (t) => runDurability(t, config),
      (r) => `${r.rounds.length} rounds, seen-but-missing ${r.missing}`,
    );
    durability = results.concord ?? null;
  }
  const coldLoad = selected('coldload') ? await eachTarget('(d) cold load', targets, unavailable, (t) => runColdLoad(t, config), coldLoadSummary) : {};

  const fanoutLoaded = selected('fanout-loaded')
    ? await eachTarget('(e) fan-out under load', targets, unavailable, (t) => runLoaded('fanout', t, config), loadedSummary)
    : {};
  const roomsLoaded = selected('rooms-loaded')
    ? await eachTarget('(e) many rooms under load', targets, unavailable, (t) => runLoaded('rooms', t, config), loadedSummary)
    : {};
  let twoInstances: Outcome<TwoInstanceResult> | null = null;
  if (selected('two-instances') && config.targets.includes('concord') && !unavailable.has('concord')) {
    log('(f) two instances — Concord: running…');
    twoInstances = await runTwoInstances(config);
    log(`(f) two instances — Concord: ${describe(twoInstances, twoInstanceSummary)}`);
  }

  const run: BenchRun = {
    config,
    machine,
    targets,
    elapsedMs: nowEpochMs() - started,
    fanout,
    rooms,
    durability,
    coldLoad,
    fanoutLoaded,
    roomsLoaded,
    twoInstances,
  };
  mkdirSync(dirname(config.reportPath), { recursive: true });
  writeFileSync(config.reportPath, renderReport(run));
  log(`report written to ${relative(ROOT, config.reportPath)}`);
}

// Ctrl-C: exit through process.exit so that the server processes still running are killed on the way out.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main(loadConfig()).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench:collab] ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
