/**
 * The Markdown report: the machine, each workload's parameters, a table per workload with Concord's
 * figures beside the peers' and the ratios, and the targets of DESIGN.md §7 met or missed.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget, TargetId } from '../servers/target';
import type { ColdLoadResult } from '../workloads/cold-load';
import type { DurabilityResult } from '../workloads/durability';
import type { LoadedResult } from '../workloads/loaded';
import { type Outcome, QUIET_PERCENT } from '../workloads/outcome';
import type { TwoInstanceResult } from '../workloads/two-instances';
import type { TypingResult } from '../workloads/typing';
import type { MachineInfo } from './machine';

/** One workload's outcome on each server it ran against. */
export type ResultsByTarget<T> = Partial<Record<TargetId, Outcome<T>>>;

/** Everything one invocation measured. */
export interface BenchRun {
  readonly config: BenchConfig;
  readonly machine: MachineInfo;
  readonly targets: readonly BenchTarget[];
  readonly elapsedMs: number;
  readonly fanout: ResultsByTarget<TypingResult>;
  readonly rooms: ResultsByTarget<TypingResult>;
  readonly durability: Outcome<DurabilityResult> | null;
  readonly coldLoad: ResultsByTarget<ColdLoadResult>;
  readonly fanoutLoaded: ResultsByTarget<LoadedResult>;
  readonly roomsLoaded: ResultsByTarget<LoadedResult>;
  readonly twoInstances: Outcome<TwoInstanceResult> | null;
}

/** A row of a comparison table: how to get the figure from a result and how to show it. */
interface Row<T> {
  readonly label: string;
  readonly value: (result: T) => number | null;
  readonly format: (value: number) => string;
  /** Show Concord ÷ peer (only for figures where lower is better and a ratio means something). */
  readonly ratio: boolean;
}

const SHORT_NAMES: Record<TargetId, string> = { concord: 'Concord', reference: 'y-websocket ref.', hocuspocus: 'Hocuspocus' };

/** Milliseconds with sensible precision. */
export function formatMs(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

const formatMb = (bytes: number): string => (bytes / 1e6).toFixed(0);
const formatInt = (value: number): string => Math.round(value).toLocaleString('en-US');
const formatPercent = (value: number): string => `${value.toFixed(0)} %`;

function ratio(concord: number | null, peer: number | null): string {
  if (concord === null || peer === null || peer === 0) return '—';
  return `×${(concord / peer).toFixed(2)}`;
}

function cell<T>(outcome: Outcome<T> | undefined, row: Row<T>): string {
  if (!outcome) return '—';
  if (outcome.status !== 'measured') return outcome.status;
  const value = row.value(outcome.value);
  return value === null ? '—' : row.format(value);
}

function valueOf<T>(outcome: Outcome<T> | undefined, row: Row<T>): number | null {
  return outcome?.status === 'measured' ? row.value(outcome.value) : null;
}

/** Servers that were not measured, and why. */
function footnotes<T>(run: BenchRun, results: ResultsByTarget<T>): string {
  const lines: string[] = [];
  for (const target of run.targets) {
    const outcome = results[target.id];
    if (!outcome || outcome.status === 'measured') continue;
    const [first, ...rest] = outcome.reason.split('\n');
    lines.push(`- **${target.label}: ${outcome.status}** — ${first}`);
    if (outcome.status === 'failed' && rest.length > 0) lines.push('', '  ```', ...rest.slice(0, 8).map((line) => `  ${line}`), '  ```');
  }
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Why clients could not connect, per server (typing workloads). */
function connectFailures(run: BenchRun, results: ResultsByTarget<TypingResult>): string {
  const lines: string[] = [];
  for (const target of run.targets) {
    const outcome = results[target.id];
    if (outcome?.status !== 'measured' || outcome.value.connected === outcome.value.clients) continue;
    const { clients, connected, connectErrors } = outcome.value;
    lines.push(`- **${target.label}: ${formatInt(clients - connected)} of ${formatInt(clients)} clients could not connect** — ${connectErrors.join('; ')}`);
  }
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Concord's figures beside each peer's, and Concord ÷ peer. */
function comparisonTable<T>(run: BenchRun, results: ResultsByTarget<T>, rows: readonly Row<T>[]): string {
  const ids = run.targets.map((target) => target.id);
  const peers = ids.filter((id) => id !== 'concord');
  const ratios = ids.includes('concord') ? peers : [];
  const header = ['', ...ids.map((id) => SHORT_NAMES[id]), ...ratios.map((id) => `Concord ÷ ${SHORT_NAMES[id]}`)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) {
    const cells = [row.label, ...ids.map((id) => cell(results[id], row))];
    for (const peer of ratios) cells.push(row.ratio ? ratio(valueOf(results.concord, row), valueOf(results[peer], row)) : '');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n${footnotes(run, results)}`;
}

const TYPING_ROWS: readonly Row<TypingResult>[] = [
  { label: 'latency p50 (ms)', value: (r) => r.latency.p50, format: formatMs, ratio: true },
  { label: 'latency p99 (ms)', value: (r) => r.latency.p99, format: formatMs, ratio: true },
  { label: 'latency max (ms)', value: (r) => r.latency.max, format: formatMs, ratio: true },
  { label: 'updates sent', value: (r) => r.sent, format: formatInt, ratio: false },
  { label: 'receipts expected', value: (r) => r.expectedReceipts, format: formatInt, ratio: false },
  { label: 'receipts', value: (r) => r.receipts, format: formatInt, ratio: false },
  { label: '**updates dropped**', value: (r) => r.dropped, format: formatInt, ratio: false },
  { label: 'server event-loop delay p99 (ms)', value: (r) => r.server.loopDelayP99Ms, format: formatMs, ratio: true },
  { label: 'server event-loop delay max (ms)', value: (r) => r.server.loopDelayMaxMs, format: formatMs, ratio: true },
  { label: 'server CPU (% of one core)', value: (r) => (r.server.wallMs > 0 ? (100 * r.server.cpuMs) / r.server.wallMs : null), format: formatPercent, ratio: true },
  { label: 'server RSS, all clients connected, idle (MB)', value: (r) => r.serverIdle.rssBytes, format: formatMb, ratio: true },
  { label: 'server RSS, peak during load (MB)', value: (r) => r.server.peakRssBytes, format: formatMb, ratio: true },
  { label: 'server RSS before any client connected (MB)', value: (r) => r.serverEmpty.rssBytes, format: formatMb, ratio: true },
  { label: 'server RSS added by the workload: peak less before (MB)', value: (r) => r.server.peakRssBytes - r.serverEmpty.rssBytes, format: formatMb, ratio: true },
  { label: 'server heap used at end (MB)', value: (r) => r.server.heapUsedBytes, format: formatMb, ratio: true },
  { label: 'clients connected', value: (r) => r.connected, format: formatInt, ratio: false },
  { label: 'time to connect all clients (ms)', value: (r) => r.connectAllMs, format: formatMs, ratio: true },
  { label: 'connection attempts refused "try again later" (retried)', value: (r) => r.refusedAttempts, format: formatInt, ratio: false },
  { label: 'unexpected disconnects', value: (r) => r.unexpectedCloses, format: formatInt, ratio: false },
  { label: 'harness: client event-loop delay p99 (ms)', value: (r) => r.clientLoopDelayP99Ms, format: formatMs, ratio: false },
  { label: 'harness: client CPU (% of one core)', value: (r) => r.clientCpuPercent, format: formatPercent, ratio: false },
  { label: 'other processes: CPU (% of the machine)', value: (r) => r.foreignCpuPercent, format: formatPercent, ratio: false },
];

/** The CPU other processes used, less the burner's share (of the whole machine). */
function othersBesidesBurner(r: LoadedResult, cores: number): number | null {
  return r.typing.foreignCpuPercent === null ? null : Math.max(0, r.typing.foreignCpuPercent - r.burner.usedPercent / cores);
}

function loadedRows(cores: number): readonly Row<LoadedResult>[] {
  const pick = (label: string): Row<LoadedResult> => {
    const row = TYPING_ROWS.find((candidate) => candidate.label === label);
    if (!row) throw new Error(`no typing row ${label}`);
    return { ...row, value: (r) => row.value(r.typing) };
  };
  return [
    pick('latency p50 (ms)'),
    pick('latency p99 (ms)'),
    pick('latency max (ms)'),
    pick('**updates dropped**'),
    pick('server event-loop delay p99 (ms)'),
    pick('server event-loop delay max (ms)'),
    pick('server CPU (% of one core)'),
    pick('server RSS, peak during load (MB)'),
    pick('time to connect all clients (ms)'),
    pick('harness: client event-loop delay p99 (ms)'),
    { label: '**burner: CPU used (% of one core)**', value: (r) => r.burner.usedPercent, format: formatPercent, ratio: false },
    { label: 'other processes besides the burner: CPU (% of the machine)', value: (r) => othersBesidesBurner(r, cores), format: formatPercent, ratio: false },
  ];
}

const COLD_LOAD_ROWS: readonly Row<ColdLoadResult>[] = [
  { label: 'connect → whole document, median (ms)', value: (r) => r.medianCompleteMs, format: formatMs, ratio: true },
  { label: '**connect → whole document, worst (ms)**', value: (r) => r.maxCompleteMs, format: formatMs, ratio: true },
  { label: "connect → server's sync step 2, median (ms)", value: (r) => r.medianSyncMs, format: formatMs, ratio: true },
  { label: 'whole document in that sync step 2 (1 = yes)', value: (r) => (r.allCompleteInFirstSync ? 1 : 0), format: formatInt, ratio: false },
  { label: 'other document: worst round trip during the load (ms)', value: (r) => r.worstProbeMs, format: formatMs, ratio: true },
  {
    label: 'other document: round trip p99 during the load (ms)',
    value: (r) => Math.max(0, ...r.samples.map((sample) => sample.probe.p99 ?? 0)),
    format: formatMs,
    ratio: true,
  },
  { label: 'server event-loop delay max during the load (ms)', value: (r) => Math.max(0, ...r.samples.map((s) => s.server.loopDelayMaxMs)), format: formatMs, ratio: true },
  { label: 'server RSS, peak during the load (MB)', value: (r) => Math.max(0, ...r.samples.map((s) => s.server.peakRssBytes)), format: formatMb, ratio: true },
  { label: 'text size (bytes)', value: (r) => r.textBytes, format: formatInt, ratio: false },
  { label: 'encoded document size (bytes)', value: (r) => r.encodedBytes, format: formatInt, ratio: false },
];

/** A §7 target and how to read the figure it is about. */
interface TargetCheck {
  readonly workload: string;
  readonly target: string;
  readonly limit: number;
  readonly unit: string;
  readonly value: (run: BenchRun, id: TargetId) => number | null | string;
}

function measured<T>(outcome: Outcome<T> | null | undefined, pick: (value: T) => number | null): number | null | string {
  if (!outcome) return 'not run';
  if (outcome.status !== 'measured') return outcome.status;
  return pick(outcome.value);
}

const CHECKS: readonly TargetCheck[] = [
  { workload: '(a) plenary fan-out', target: 'p50 ≤ 10 ms', limit: 10, unit: 'ms', value: (run, id) => measured(run.fanout[id], (r) => r.latency.p50) },
  { workload: '(a) plenary fan-out', target: 'p99 ≤ 40 ms', limit: 40, unit: 'ms', value: (run, id) => measured(run.fanout[id], (r) => r.latency.p99) },
  { workload: '(a) plenary fan-out', target: 'no update dropped', limit: 0, unit: 'updates', value: (run, id) => measured(run.fanout[id], (r) => r.dropped) },
  { workload: '(b) many rooms', target: 'p99 ≤ 5 ms', limit: 5, unit: 'ms', value: (run, id) => measured(run.rooms[id], (r) => r.latency.p99) },
  { workload: '(b) many rooms', target: 'server memory ≤ 400 MB (peak RSS)', limit: 400, unit: 'MB', value: (run, id) => measured(run.rooms[id], (r) => r.server.peakRssBytes / 1e6) },
  {
    workload: '(c) durability',
    target: 'zero updates lost that any client had received',
    limit: 0,
    unit: 'updates',
    value: (run, id) => (id === 'concord' ? measured(run.durability, (r) => r.missing) : 'n/a (in memory)'),
  },
  { workload: '(d) cold load, 2 MiB', target: '≤ 500 ms to first full sync (connect → whole document, worst)', limit: 500, unit: 'ms', value: (run, id) => measured(run.coldLoad[id], (r) => r.maxCompleteMs) },
  {
    workload: '(d) cold load, 2 MiB',
    target: 'other documents not blocked > 50 ms (worst round trip)',
    limit: 50,
    unit: 'ms',
    value: (run, id) => measured(run.coldLoad[id], (r) => r.worstProbeMs),
  },
];

function showFigure(value: number, unit: string): string {
  return unit === 'ms' ? `${formatMs(value)} ms` : unit === 'MB' ? `${value.toFixed(0)} MB` : `${formatInt(value)} ${unit}`;
}

/** "met (x)" / "**missed** by y (x)" for Concord. */
function verdict(value: number | null | string, check: TargetCheck): string {
  if (typeof value === 'string') return `not measured (${value})`;
  if (value === null) return 'not measured (no samples)';
  if (value <= check.limit) return `met (${showFigure(value, check.unit)})`;
  const over = value - check.limit;
  const relative = check.limit > 0 ? `, ${((100 * over) / check.limit).toFixed(0)} % over` : '';
  return `**missed** by ${showFigure(over, check.unit)} (${showFigure(value, check.unit)}${relative})`;
}

/** A peer's figure with ✓ / ✗ against the same target. */
function peerFigure(value: number | null | string, check: TargetCheck): string {
  if (typeof value === 'string') return value;
  if (value === null) return '—';
  return `${showFigure(value, check.unit)} ${value <= check.limit ? '✓' : '✗'}`;
}

function targetsSection(run: BenchRun): string {
  const peers = run.targets.filter((target) => target.id !== 'concord');
  const header = ['workload', 'target (DESIGN.md §7)', 'Concord', ...peers.map((peer) => SHORT_NAMES[peer.id])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const check of CHECKS) {
    const concord = run.targets.some((target) => target.id === 'concord') ? verdict(check.value(run, 'concord'), check) : 'not run';
    lines.push(`| ${[check.workload, check.target, concord, ...peers.map((peer) => peerFigure(check.value(run, peer.id), check))].join(' | ')} |`);
  }
  return lines.join('\n');
}


function isTypingResult(value: unknown): value is TypingResult {
  return typeof value === 'object' && value !== null && 'foreignCpuPercent' in value;
}

function isLoadedResult(value: unknown): value is LoadedResult {
  return typeof value === 'object' && value !== null && 'burner' in value;
}

function isTwoInstanceResult(value: unknown): value is TwoInstanceResult {
  return typeof value === 'object' && value !== null && 'crossInstance' in value;
}

/** Remarks the figures need, derived from the figures themselves. */
function caveats(run: BenchRun): string[] {
  const notes: string[] = [];
  const workloads: readonly [string, ResultsByTarget<unknown>][] = [
    ['(a)', run.fanout],
    ['(b)', run.rooms],
    ['(c)', run.durability ? { concord: run.durability } : {}],
    ['(d)', run.coldLoad],
  ];
  const loaded: readonly [string, ResultsByTarget<LoadedResult>][] = [
    ['(e) fan-out', run.fanoutLoaded],
    ['(e) many rooms', run.roomsLoaded],
  ];
  const besidesBurner = loaded.map(([name, results]): [string, ResultsByTarget<unknown>] => [name, results]);
  for (const [name, results] of [...workloads, ...besidesBurner, ['(f)', run.twoInstances ? { concord: run.twoInstances } : {}] as const]) {
    for (const target of run.targets) {
      const outcome = results[target.id];
      if (outcome?.status !== 'measured') continue;
      const before = outcome.backgroundCpuPercent;
      const during = isLoadedResult(outcome.value)
        ? othersBesidesBurner(outcome.value, run.machine.cores)
        : isTypingResult(outcome.value) || isTwoInstanceResult(outcome.value)
          ? outcome.value.foreignCpuPercent
          : null;
      const worst = Math.max(before ?? 0, during ?? 0);
      if (worst > QUIET_PERCENT) {
        const when = during !== null && during > QUIET_PERCENT ? `during the measured window (${during.toFixed(0)} %)` : `just before the run (${(before ?? 0).toFixed(0)} %)`;
        notes.push(
          `**${name} ${target.label}: the machine was not quiet** — other processes used its CPU ${when}, so these figures are not reliable; run the benchmark on an otherwise idle machine.`,
        );
      }
    }
  }
  for (const [name, results] of [
    ['(a)', run.fanout],
    ['(b)', run.rooms],
  ] as const) {
    for (const target of run.targets) {
      const outcome = results[target.id];
      if (outcome?.status === 'measured' && outcome.value.refusedAttempts > 0) {
        notes.push(
          `${name} ${target.label}: ${formatInt(outcome.value.refusedAttempts)} connection attempts were refused with "try again later" while the clients joined; they retried with y-websocket's backoff (100 ms doubling to 2.5 s). This lengthens the time to connect, not the measured window.${target.id === 'concord' ? " All of the benchmark's clients sign in as one account (the demo secretariat), so a per-account cap on concurrent document loads applies to all of them at once." : ''}`,
        );
      }
      if (outcome?.status === 'measured' && outcome.value.clientLoopDelayP99Ms > 20) {
        notes.push(
          `${name} ${target.label}: the harness's own client processes lagged (event-loop delay p99 ${formatMs(outcome.value.clientLoopDelayP99Ms)} ms), so part of the latency is the clients' queueing on this ${run.machine.cores}-core machine, not the server.`,
        );
      }
    }
  }
  for (const target of run.targets) {
    const outcome = run.coldLoad[target.id];
    if (outcome?.status === 'measured' && !outcome.value.allCompleteInFirstSync) {
      notes.push(
        `(d) ${target.label}: its sync step 2 did not hold the whole document — the server answered before it had loaded it and sent the rest as updates afterwards; the time that counts is to the whole document.`,
      );
    }
  }
  return notes;
}

function typingParameters(kind: 'fanout' | 'rooms', config: BenchConfig): string {
  if (kind === 'fanout') {
    const c = config.fanout;
    return [
      `- 1 document, ${c.clients} clients; ${c.writers} of them type ${c.updatesPerSecond} updates/s each (${c.writers * c.updatesPerSecond} updates/s in, ${formatInt(c.writers * c.updatesPerSecond * (c.clients - 1))} deliveries/s out), starts staggered evenly over one period (${formatMs(1000 / c.updatesPerSecond / c.writers)} ms apart).`,
      `- ${c.warmupMs / 1000} s of warm-up typing (not counted), then ${c.durationMs / 1000} s measured, then ${c.drainMs / 1000} s for the last updates to arrive; a receipt not in by then counts as dropped.`,
    ].join('\n');
  }
  const c = config.rooms;
  const typingRooms = Math.ceil(c.documents / c.typingEvery);
  return [
    `- ${c.documents} documents × ${c.clientsPerDocument} clients = ${formatInt(c.documents * c.clientsPerDocument)} clients; in ${typingRooms} rooms (every ${c.typingEvery}th) one client types ${c.updatesPerSecond} updates/s (${typingRooms * c.updatesPerSecond} updates/s in, ${typingRooms * c.updatesPerSecond * (c.clientsPerDocument - 1)} deliveries/s out), starts staggered.`,
    `- ${c.warmupMs / 1000} s of warm-up typing (not counted), ${c.durationMs / 1000} s measured, ${c.drainMs / 1000} s drain. Memory is the server's resident set size, sampled every 100 ms; the target is checked against the peak during the measured window.`,
  ].join('\n');
}

function durabilitySection(run: BenchRun): string {
  const c = run.config.durability;
  const intro = [
    `- Concord only (the peers keep documents in memory, so there is nothing to lose or keep). One document, ${c.clients} clients, ${c.writers} typing ${c.updatesPerSecond} updates/s each.`,
    `- Each round: clients connect and type; after a random ${c.killAfterMinMs / 1000}–${c.killAfterMaxMs / 1000} s the server gets SIGKILL and is restarted over the same database; a fresh client loads the document, and every update that any client had received — in this round or an earlier one — must be in it. ${c.rounds} rounds.`,
  ].join('\n');
  const outcome = run.durability;
  if (!outcome) return `${intro}\n\nNot run.`;
  if (outcome.status !== 'measured') return `${intro}\n\n**${outcome.status}** — ${outcome.reason.split('\n')[0]}`;
  const lines = [
    '| round | clients | killed after (ms) | updates sent | seen by a client | seen so far | present after restart | **seen but missing** |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...outcome.value.rounds.map(
      (round) =>
        `| ${round.round} | ${round.connected} | ${formatInt(round.killedAfterMs)} | ${formatInt(round.sent)} | ${formatInt(round.seen)} | ${formatInt(round.seenSoFar)} | ${formatInt(round.present)} | ${formatInt(round.missing)}${round.missingExamples.length > 0 ? ` (e.g. ${round.missingExamples.join(', ')})` : ''} |`,
    ),
  ];
  return `${intro}\n\n${lines.join('\n')}`;
}

function coldLoadParameters(config: BenchConfig): string {
  const c = config.coldLoad;
  return [
    `- A document of ${(c.bytes / 1024 / 1024).toFixed(1)} MiB of text written as a drafting session would (≈100-character inserts at random places, one 20-character deletion in ten, 200 edits per update), so it is fragmented into many items rather than one paste.`,
    `- The server is restarted (SIGTERM, then a new process over the same data) so the document is not in memory; a client (in its own process) opens a socket, and the time until it holds the whole document is measured at the receipt of the message that completed it (normally the server's sync step 2). ${c.repeats} cold load(s) per server.`,
    `- Meanwhile a client of another, small document (already loaded) sends sync step 1 every ${c.probeIntervalMs} ms and times the answer; a round trip over ${c.blockedThresholdMs} ms means the large load blocked other documents.`,
  ].join('\n');
}

function loadedParameters(run: BenchRun): string {
  return [
    `- Workloads (a) and (b) exactly as above, while a neighbour process keeps one core busy ${run.config.backgroundLoadPercent} % of every 10 ms (a busy loop, then a timer), from before the clients join until the drain ends. The burner's own CPU is measured and shown; "other processes" below leaves it out, and the notes flag a run only when something else was busy too.`,
    '- What matters is the ratio to the peers under the same load: a server with little slack per update sees its tail grow when it shares the CPU.',
  ].join('\n');
}

function loadedTable(run: BenchRun, title: string, results: ResultsByTarget<LoadedResult>): string {
  const table = Object.keys(results).length > 0 ? comparisonTable(run, results, loadedRows(run.machine.cores)) : 'Not run.\n';
  return `**${title}**\n\n${table}`;
}

function twoInstancesSection(run: BenchRun): string {
  const c = run.config.twoInstances;
  const intro = [
    `- Concord only: two instances over one PostgreSQL database (created for the run, then dropped) and one Redis, each with its own clients. ${c.documents} documents × ${c.clientsPerDocument} clients, half on each instance; each document's writer is on the first instance and types ${c.updatesPerSecond} updates/s (${c.documents * c.updatesPerSecond} updates/s in all).`,
    '- Every update is stored in PostgreSQL by the first instance before it is sent to its own clients and published on Redis; the second instance applies it and sends it to its clients. Same-instance latency is measured at the first instance\'s other clients, cross-instance latency at the second\'s.',
    `- ${c.warmupMs / 1000} s of warm-up, ${c.durationMs / 1000} s measured, ${c.drainMs / 1000} s drain.`,
  ].join('\n');
  const outcome = run.twoInstances;
  if (!outcome) return `${intro}\n\nNot run.`;
  if (outcome.status !== 'measured') return `${intro}\n\n**${outcome.status}** — ${outcome.reason.split('\n')[0]}`;
  const r = outcome.value;
  const rows: readonly [string, string, string][] = [
    ['latency p50 (ms)', formatMs(r.sameInstance.p50 ?? 0), formatMs(r.crossInstance.p50 ?? 0)],
    ['latency p99 (ms)', formatMs(r.sameInstance.p99 ?? 0), formatMs(r.crossInstance.p99 ?? 0)],
    ['latency max (ms)', formatMs(r.sameInstance.max ?? 0), formatMs(r.crossInstance.max ?? 0)],
    ['receipts', formatInt(r.sameInstance.count), formatInt(r.crossInstance.count)],
    ['server event-loop delay p99 (ms)', formatMs(r.first.loopDelayP99Ms), formatMs(r.second.loopDelayP99Ms)],
    ['server CPU (% of one core)', formatPercent(r.first.wallMs > 0 ? (100 * r.first.cpuMs) / r.first.wallMs : 0), formatPercent(r.second.wallMs > 0 ? (100 * r.second.cpuMs) / r.second.wallMs : 0)],
    ['server RSS, peak (MB)', formatMb(r.first.peakRssBytes), formatMb(r.second.peakRssBytes)],
  ];
  const table = [
    '|  | same instance (first) | cross-instance (second) |',
    '|---|---:|---:|',
    ...rows.map(([label, same, cross]) => `| ${label} | ${same} | ${cross} |`),
  ].join('\n');
  const totals = `Updates sent ${formatInt(r.sent)}; receipts ${formatInt(r.receipts)} of ${formatInt(r.expectedReceipts)} expected (**${formatInt(r.dropped)} dropped**); ${formatInt(r.connected)} of ${formatInt(r.clients)} clients connected in ${formatMs(r.connectAllMs)} ms; unexpected disconnects ${formatInt(r.unexpectedCloses)}; harness client event-loop delay p99 ${formatMs(r.clientLoopDelayP99Ms)} ms; other processes (PostgreSQL and Redis among them) used ${r.foreignCpuPercent === null ? '—' : formatPercent(r.foreignCpuPercent)} of the machine.`;
  const failures = r.connected < r.clients ? `\n\nClients that could not connect: ${r.connectErrors.join('; ')}` : '';
  return `${intro}\n\n${table}\n\n${totals}${failures}`;
}

/** Concord ÷ the reference y-websocket server, the ratios issue 17 sets targets for (at most ×1.5). */
function ratiosSection(run: BenchRun): string {
  const p99 = (r: TypingResult): number | null => r.latency.p99;
  const peak = (r: TypingResult): number | null => r.server.peakRssBytes;
  // Whether other processes (the burner aside) used the machine while either server was measured.
  const busy = (outcome: Outcome<unknown> | undefined, during: number | null): boolean =>
    outcome?.status === 'measured' && Math.max(outcome.backgroundCpuPercent ?? 0, during ?? 0) > QUIET_PERCENT;
  const typed = (results: ResultsByTarget<TypingResult>, pick: (r: TypingResult) => number | null) => {
    const figure = (id: TargetId): number | null => {
      const outcome = results[id];
      return outcome?.status === 'measured' ? pick(outcome.value) : null;
    };
    const noisy = (['concord', 'reference'] as const).some((id) => {
      const outcome = results[id];
      return busy(outcome, outcome?.status === 'measured' ? outcome.value.foreignCpuPercent : null);
    });
    return { concord: figure('concord'), reference: figure('reference'), noisy };
  };
  const loaded = (results: ResultsByTarget<LoadedResult>, pick: (r: TypingResult) => number | null) => {
    const figure = (id: TargetId): number | null => {
      const outcome = results[id];
      return outcome?.status === 'measured' ? pick(outcome.value.typing) : null;
    };
    const noisy = (['concord', 'reference'] as const).some((id) => {
      const outcome = results[id];
      return busy(outcome, outcome?.status === 'measured' ? othersBesidesBurner(outcome.value, run.machine.cores) : null);
    });
    return { concord: figure('concord'), reference: figure('reference'), noisy };
  };
  const rows: readonly [string, { concord: number | null; reference: number | null; noisy: boolean }][] = [
    ['(a) latency p99', typed(run.fanout, p99)],
    ['(b) latency p99', typed(run.rooms, p99)],
    ['(a) server RSS, peak', typed(run.fanout, peak)],
    ['(b) server RSS, peak', typed(run.rooms, peak)],
    ['(e) fan-out under load, latency p99', loaded(run.fanoutLoaded, p99)],
    ['(e) many rooms under load, latency p99', loaded(run.roomsLoaded, p99)],
  ];
  const lines = ['| figure | Concord ÷ y-websocket ref. | at most ×1.5 |', '|---|---:|---|'];
  for (const [label, { concord, reference, noisy }] of rows) {
    if (concord === null || reference === null || reference === 0) {
      lines.push(`| ${label} | — | not measured |`);
      continue;
    }
    const value = concord / reference;
    const verdict = value <= 1.5 ? 'met' : '**missed**';
    lines.push(`| ${label} | ×${value.toFixed(2)} | ${noisy ? `${verdict}, but the machine was not quiet: not reliable` : verdict} |`);
  }
  return lines.join('\n');
}

/** Renders the whole report. */
export function renderReport(run: BenchRun): string {
  const { machine, config } = run;
  const notes = caveats(run);
  const sections = [
    '# Collaboration server benchmarks',
    '',
    `Generated by \`npm run bench:collab\`${config.quick ? ' **in quick mode (short durations; not the reference figures)**' : ''} on ${machine.date}, in ${(run.elapsedMs / 60000).toFixed(1)} min. Workloads: issue 3 §6; targets: DESIGN.md §7.`,
    '',
    '## Machine',
    '',
    '| CPU | cores | RAM | Node.js | OS | commit |',
    '|---|---:|---:|---|---|---|',
    `| ${machine.cpuModel} | ${machine.cores} | ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB | ${machine.node} | ${machine.os} | ${machine.commit} |`,
    '',
    `Libraries: ${Object.entries(machine.packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    '## Servers and method',
    '',
    ...run.targets.map((target) => `- **${target.label}**: ${target.persistenceNote}.`),
    '- **Fairness:** in (a) and (b) neither peer persists anything, while Concord writes every update to its database before it relays it — the peers do strictly less work per update. Neither peer authenticates the connections either.',
    `- Every server runs as its own child process on 127.0.0.1, with a probe preloaded (\`node --require\`) that reports its event-loop delay (\`perf_hooks.monitorEventLoopDelay\`, 5 ms resolution), resident memory (sampled every 100 ms) and CPU time over each measured window.`,
    `- Clients are raw protocol clients over \`ws\` in ${config.clientProcesses} worker processes (the stock \`WebsocketProvider\` is too heavy for thousands of clients on one machine): y-websocket framing for Concord and the reference server, Hocuspocus' own framing (document name prefix, authentication message) for Hocuspocus. No awareness traffic. Typing clients keep a Y.Doc; the others decode each incoming update without integrating it. Concord's clients all carry the demo secretariat's token. A join refused with a "try again later" close code (1013, 4429) is retried with y-websocket's backoff, as its provider would.`,
    '- Each update pushes one `{id, t}` entry (its id and send time) into a top-level `Y.Array`; latency is the time the message reached each other client of the document (before the client decodes or applies it) minus `t`, on the machine\'s wall clock with microsecond resolution. Dropped = (updates sent × other clients of the document) − receipts.',
    `- The harness shares the machine with the server: its own event-loop delay and CPU are reported so that client-side lag can be told from server lag. Before each server starts it waits for other processes to leave the CPU idle (under ${QUIET_PERCENT} %), and it reports the CPU other processes used during each measured window; a run where the machine was not quiet is flagged in the notes.`,
    '',
    '## (a) Plenary fan-out',
    '',
    typingParameters('fanout', config),
    '',
    comparisonTable(run, run.fanout, TYPING_ROWS) + connectFailures(run, run.fanout),
    '## (b) Many rooms',
    '',
    typingParameters('rooms', config),
    '',
    comparisonTable(run, run.rooms, TYPING_ROWS) + connectFailures(run, run.rooms),
    '## (c) Durability under kill -9',
    '',
    durabilitySection(run),
    '',
    '## (d) Cold load of a large document',
    '',
    coldLoadParameters(config),
    '',
    comparisonTable(run, run.coldLoad, COLD_LOAD_ROWS),
    '## (e) The tail under background load',
    '',
    loadedParameters(run),
    '',
    loadedTable(run, '(a) under load', run.fanoutLoaded),
    loadedTable(run, '(b) under load', run.roomsLoaded),
    '## (f) Two instances (PostgreSQL + Redis)',
    '',
    twoInstancesSection(run),
    '',
    '## Ratios to the reference server (issue 17)',
    '',
    ratiosSection(run),
    '',
    '## Targets (DESIGN.md §7)',
    '',
    'Concord against each target; the peers\' figures for the same workload, with ✓ / ✗ against the same target, for context.',
    '',
    targetsSection(run),
    '',
    ...(notes.length > 0 ? ['Notes:', '', ...notes.map((note) => `- ${note}`), ''] : []),
  ];
  return `${sections.join('\n')}\n`;
}
