/**
 * The Markdown report: the machine, each workload's parameters, a table per workload with Concord's
 * figures beside the peers' and the ratios, and the targets of DESIGN.md §7 met or missed.
 */
import type { BenchConfig } from '../config';
import type { BenchTarget, TargetId } from '../servers/target';
import type { ColdLoadResult } from '../workloads/cold-load';
import type { DurabilityResult } from '../workloads/durability';
import { type Outcome, QUIET_PERCENT } from '../workloads/outcome';
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
  { label: 'server heap used at end (MB)', value: (r) => r.server.heapUsedBytes, format: formatMb, ratio: true },
  { label: 'clients connected', value: (r) => r.connected, format: formatInt, ratio: false },
  { label: 'time to connect all clients (ms)', value: (r) => r.connectAllMs, format: formatMs, ratio: true },
  { label: 'connection attempts refused "try again later" (retried)', value: (r) => r.refusedAttempts, format: formatInt, ratio: false },
  { label: 'unexpected disconnects', value: (r) => r.unexpectedCloses, format: formatInt, ratio: false },
  { label: 'harness: client event-loop delay p99 (ms)', value: (r) => r.clientLoopDelayP99Ms, format: formatMs, ratio: false },
  { label: 'harness: client CPU (% of one core)', value: (r) => r.clientCpuPercent, format: formatPercent, ratio: false },
  { label: 'other processes: CPU (% of the machine)', value: (r) => r.foreignCpuPercent, format: formatPercent, ratio: false },
];

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

/** Remarks the figures need, derived from the figures themselves. */
function caveats(run: BenchRun): string[] {
  const notes: string[] = [];
  const workloads: readonly [string, ResultsByTarget<unknown>][] = [
    ['(a)', run.fanout],
    ['(b)', run.rooms],
    ['(c)', run.durability ? { concord: run.durability } : {}],
    ['(d)', run.coldLoad],
  ];
  for (const [name, results] of workloads) {
    for (const target of run.targets) {
      const outcome = results[target.id];
      if (outcome?.status !== 'measured') continue;
      const before = outcome.backgroundCpuPercent;
      const during = isTypingResult(outcome.value) ? outcome.value.foreignCpuPercent : null;
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
