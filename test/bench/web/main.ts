/**
 * `npm run bench:web`: how the reading room reaches a reader on a slow connection. Starts the built server over a
 * scratch SQLite database with the demo committee, publishes its convention as a public revision, and opens that
 * revision in Debian's Chromium with the network throttled through the DevTools protocol
 * (`Network.emulateNetworkConditions`): a first visit with an empty cache, then a second visit in the same
 * browser context. It records what crossed the network (bytes as transferred, so after any compression, with
 * their headers), when the first paint and the revision's text appeared, and which requests the second visit
 * answered from the cache, revalidated (304) or fetched again.
 *
 * Results are kept per label in `docs/benchmarks/web-runs.json` (`--label=before` on the commit before a change,
 * the default `after` otherwise), and `docs/benchmarks/web.md` is written from every label recorded there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { scratchSqlite } from '../../support/databases';
import { client, login, startServer, type TestServer } from '../../support/server';

/** The repository root (this file is compiled to dist/test/bench/web/). */
const ROOT = join(__dirname, '../../../..');
const CHROMIUM = '/usr/bin/chromium';

/** A connection as the DevTools protocol emulates it (bytes per second, milliseconds). */
interface NetworkProfile {
  readonly name: string;
  readonly latencyMs: number;
  readonly downloadBytesPerSecond: number;
  readonly uploadBytesPerSecond: number;
}

/** Lighthouse's mobile throttling ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G: NetworkProfile = { name: 'slow 4G', latencyMs: 150, downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8, uploadBytesPerSecond: (750 * 1024) / 8 };
/** DevTools' "Slow 3G" preset: 2 s round trip, 400 kbit/s down and up. */
const SLOW_3G: NetworkProfile = { name: 'slow 3G', latencyMs: 2000, downloadBytesPerSecond: (400 * 1024) / 8, uploadBytesPerSecond: (400 * 1024) / 8 };

interface Options {
  readonly label: string;
  readonly runs: number;
  readonly profiles: readonly NetworkProfile[];
  readonly runsFile: string;
  readonly reportFile: string;
}

function options(): Options {
  const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Number(flag('runs') ?? process.env.BENCH_WEB_RUNS ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs (BENCH_WEB_RUNS) must be a positive integer');
  return {
    label: flag('label') ?? process.env.BENCH_WEB_LABEL ?? 'after',
    runs,
    profiles: [SLOW_4G, SLOW_3G],
    runsFile: join(ROOT, 'docs/benchmarks/web-runs.json'),
    reportFile: join(ROOT, flag('report') ?? process.env.BENCH_WEB_REPORT ?? 'docs/benchmarks/web.md'),
  };
}

function log(message: string): void {
  process.stdout.write(`[bench:web] ${message}\n`);
}

/** One request as the DevTools protocol saw it. */
interface RequestRecord {
  url: string;
  type: string;
  status: number;
  /** Bytes received over the network for it, headers included (0 when answered from the cache). */
  transferred: number;
  fromCache: boolean;
  /** Answered 304 over the network. */
  revalidated: boolean;
  contentEncoding: string;
  cacheControl: string;
}

/** One visit of the revision page. */
interface Visit {
  readonly requests: number;
  readonly transferredBytes: number;
  readonly scriptTransferredBytes: number;
  readonly apiTransferredBytes: number;
  readonly fromCache: number;
  readonly notModified: number;
  readonly fetched: number;
  readonly firstContentfulPaintMs: number | null;
  readonly textVisibleMs: number;
  readonly encodings: readonly string[];
}

// Runs in the page before any of its scripts: notes when the revision's text first appears.
const TEXT_PROBE = `(() => {
  const seen = () => {
    if (window.__textVisibleAt !== undefined) return;
    const paper = document.querySelector('.room-paper');
    if (paper && paper.textContent && paper.textContent.trim().length > 0) window.__textVisibleAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function visit(context: BrowserContext, url: string, profile: NetworkProfile): Promise<Visit> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBytesPerSecond,
    uploadThroughput: profile.uploadBytesPerSecond,
  });
  const records = new Map<string, RequestRecord>();
  cdp.on('Network.requestWillBeSent', (e) => {
    records.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', status: 0, transferred: 0, fromCache: false, revalidated: false, contentEncoding: '', cacheControl: '' });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const record = records.get(e.requestId);
    if (record) record.fromCache = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    const record = records.get(e.requestId);
    if (!record) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    record.status = e.response.status;
    record.type = e.type;
    record.fromCache ||= e.response.fromDiskCache === true || e.response.fromPrefetchCache === true;
    record.contentEncoding = headers['content-encoding'] ?? '';
    record.cacheControl = headers['cache-control'] ?? '';
  });
  // A revalidated answer reaches the page as the cached 200; only the raw headers show the 304 that came over the wire.
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const record = records.get(e.requestId);
    if (record && e.statusCode === 304) record.revalidated = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const record = records.get(e.requestId);
    if (record) record.transferred = e.encodedDataLength;
  });
  await page.addInitScript(TEXT_PROBE);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __textVisibleAt?: number }).__textVisibleAt !== undefined, undefined, { timeout: 120_000 });
  // What the page asks for once its text is shown (verification, comments) belongs to the visit too.
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => ({
    text: (window as unknown as { __textVisibleAt: number }).__textVisibleAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await cdp.detach();
  await page.close();
  const all = [...records.values()].filter((r) => r.url.startsWith('http'));
  if (process.env.BENCH_WEB_DEBUG) for (const r of all) log(`  ${r.status}${r.revalidated ? '/304' : ''} ${r.fromCache ? 'cache' : 'net'} ${r.transferred} ${r.type} ${new URL(r.url).pathname} [${r.cacheControl}]`);
  const sum = (rs: readonly RequestRecord[]) => rs.reduce((n, r) => n + r.transferred, 0);
  return {
    requests: all.length,
    transferredBytes: sum(all),
    scriptTransferredBytes: sum(all.filter((r) => r.type === 'Script')),
    apiTransferredBytes: sum(all.filter((r) => new URL(r.url).pathname.startsWith('/api/'))),
    fromCache: all.filter((r) => r.fromCache).length,
    notModified: all.filter((r) => r.revalidated).length,
    fetched: all.filter((r) => !r.fromCache && !r.revalidated).length,
    firstContentfulPaintMs: timing.fcp,
    textVisibleMs: timing.text,
    encodings: [...new Set(all.filter((r) => !r.fromCache && r.status === 200).map((r) => `${r.type}:${r.contentEncoding || 'identity'}`))].sort(),
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The median of each figure over the runs (the encodings of the first). */
function summarise(visits: readonly Visit[]): Visit {
  const m = (pick: (v: Visit) => number) => median(visits.map(pick));
  const fcps = visits.map((v) => v.firstContentfulPaintMs).filter((v): v is number => v !== null);
  return {
    requests: m((v) => v.requests),
    transferredBytes: m((v) => v.transferredBytes),
    scriptTransferredBytes: m((v) => v.scriptTransferredBytes),
    apiTransferredBytes: m((v) => v.apiTransferredBytes),
    fromCache: m((v) => v.fromCache),
    notModified: m((v) => v.notModified),
    fetched: m((v) => v.fetched),
    firstContentfulPaintMs: fcps.length ? median(fcps) : null,
    textVisibleMs: m((v) => v.textVisibleMs),
    encodings: visits[0].encodings,
  };
}

interface ProfileResult {
  readonly profile: NetworkProfile;
  readonly first: Visit;
  readonly second: Visit;
}

interface LabelledRun {
  readonly label: string;
  readonly commit: string;
  readonly date: string;
  readonly machine: string;
  readonly loadBefore: string;
  readonly runs: number;
  readonly workload: string;
  readonly results: readonly ProfileResult[];
}

function git(args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function publishDemo(server: TestServer): Promise<{ id: string; bytes: number }> {
  const secretariat = client(server, await login(server, 'secretariat@concord.test'));
  const committees = (await client(server).get('/api/committees')).body.items as Array<{ id: string }>;
  const instruments = (await secretariat.get(`/api/committees/${committees[0].id}/instruments`)).body.items as Array<{ id: string }>;
  const published = await secretariat.post(`/api/instruments/${instruments[0].id}/revisions`, { tier: 'public', symbol: 'A/AC.291/22' });
  if (published.status !== 201) throw new Error(`publishing the demo revision failed: ${JSON.stringify(published.body)}`);
  const id = String(published.body.id);
  const json = await fetch(`${server.url}/api/public/revisions/${id}`, { headers: { 'accept-encoding': 'identity' } });
  return { id, bytes: (await json.arrayBuffer()).byteLength };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
const ratio = (after: number, before: number) => (before === 0 ? '–' : `×${(after / before).toFixed(2)}`);

function renderReport(runs: Record<string, LabelledRun>): string {
  const labels = Object.keys(runs).sort((a, b) => (a === 'before' ? -1 : b === 'before' ? 1 : a.localeCompare(b)));
  const lines: string[] = [
    '# Web delivery benchmark',
    '',
    'Written by `npm run bench:web` (test/bench/web/main.ts). The built server runs on a scratch SQLite database with the',
    "demo committee; its convention is published as a public revision, and Debian's Chromium (headless, through",
    'playwright-core) opens that revision in the reading room (`/reading-room/revisions/<id>`) with the network throttled',
    'through the DevTools protocol (`Network.emulateNetworkConditions`, applied to every request of the page). The first',
    'visit starts from an empty cache; the second opens the same address in a new tab of the same browser context.',
    '"Transferred" is what crossed the network, headers included, after any compression (`encodedDataLength`); "text',
    'shown" is when the revision text first appeared in the page (a MutationObserver installed before any script), "first',
    'paint" the first contentful paint; both from the start of navigation. Each figure is the median of the runs.',
    '',
    'Reading the figures: the "before" run counted a 304 only by the status Chromium reports, which for a revalidated',
    'answer is the cached 200, so its 304s (if any) are among "fetched"; later runs read the raw status. The second',
    "visit of \"after\" moves a little more than \"before\": the signed-in directory lists the page asks for",
    '(`/api/committees`, delegations) are now `private, no-store` like every non-public answer, where before a',
    'browser kept them (no Cache-Control at all) and revalidated them; the revision itself now comes from the cache',
    'without a request. The machine was shared with other helpers building and testing (load averages above), which',
    'inflates times more than bytes; bytes are exact.',
    '',
  ];
  for (const label of labels) {
    const run = runs[label];
    lines.push(`## ${label}: ${run.commit}`, '', `- ${run.date}, ${run.runs} runs per profile`, `- machine: ${run.machine}`, `- load before the run: ${run.loadBefore}`, `- workload: ${run.workload}`, '');
  }
  const profiles = [...new Set(labels.flatMap((l) => runs[l].results.map((r) => r.profile.name)))];
  for (const profileName of profiles) {
    const rows = labels.flatMap((l) => {
      const r = runs[l].results.find((x) => x.profile.name === profileName);
      return r ? [[l, r] as const] : [];
    });
    const p = rows[0][1].profile;
    lines.push(
      `## ${profileName} (${p.latencyMs} ms latency, ${((p.downloadBytesPerSecond * 8) / 1024 / 1024).toFixed(2)} Mbit/s down, ${((p.uploadBytesPerSecond * 8) / 1024).toFixed(0)} kbit/s up)`,
      '',
      '| visit | figure | ' + rows.map(([l]) => l).join(' | ') + (rows.length > 1 ? ' | last / first |' : ' |'),
      '|---|---|' + rows.map(() => '---|').join('') + (rows.length > 1 ? '---|' : ''),
    );
    const figure = (visit: 'first' | 'second', name: string, pick: (v: Visit) => number | null, format: (n: number | null) => string, comparable = true) => {
      const values = rows.map(([, r]) => pick(r[visit]));
      const first = values[0];
      const last = values[values.length - 1];
      const change = rows.length < 2 ? '' : comparable && first !== null && last !== null ? ` ${ratio(last, first)} |` : ' – |';
      lines.push(`| ${visit} | ${name} | ${values.map(format).join(' | ')} |${change}`);
    };
    for (const visit of ['first', 'second'] as const) {
      figure(visit, 'transferred', (v) => v.transferredBytes, (n) => kb(n ?? 0));
      figure(visit, 'of which scripts', (v) => v.scriptTransferredBytes, (n) => kb(n ?? 0));
      figure(visit, 'of which API', (v) => v.apiTransferredBytes, (n) => kb(n ?? 0));
      figure(visit, 'requests', (v) => v.requests, (n) => String(n));
      figure(visit, 'from cache / 304 / fetched', (v) => v.fromCache * 1e6 + v.notModified * 1e3 + v.fetched, (n) => {
        const v = n ?? 0;
        return `${Math.floor(v / 1e6)} / ${Math.floor(v / 1e3) % 1e3} / ${v % 1e3}`;
      }, false);
      figure(visit, 'first paint', (v) => v.firstContentfulPaintMs, ms);
      figure(visit, 'text shown', (v) => v.textVisibleMs, ms);
    }
    lines.push('');
    for (const [l, r] of rows) lines.push(`- ${l}, content encodings of the first visit: ${r.first.encodings.join(', ') || '–'}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const opts = options();
  if (process.argv.includes('--render-only')) {
    writeFileSync(opts.reportFile, renderReport(JSON.parse(readFileSync(opts.runsFile, 'utf8')) as Record<string, LabelledRun>));
    return;
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  if (!existsSync(join(ROOT, 'dist/apps/web/index.html'))) throw new Error('the web app is not built (nx run web:build)');
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${type()} ${release()}, Node ${process.version}, ${chromiumVersion()}`;
  const loadBefore = `load average ${loadavg().map((n) => n.toFixed(2)).join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores; other helpers' builds and tests ran beside it`;
  const head = git(['rev-parse', '--short', 'HEAD']);
  const commit = git(['status', '--porcelain']) === '' ? head : `${head} + uncommitted changes`;
  log(`${machine}; label "${opts.label}", ${opts.runs} runs per profile`);

  const server = await startServer(scratchSqlite());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const revision = await publishDemo(server);
    const url = `${server.url}/reading-room/revisions/${revision.id}`;
    const workload = `the demo convention (seeds/) published as public revision A/AC.291/22, English; its JSON is ${kb(revision.bytes)} uncompressed; page ${new URL(url).pathname.replace(revision.id, '<id>')}`;
    const results: ProfileResult[] = [];
    for (const profile of opts.profiles) {
      const firsts: Visit[] = [];
      const seconds: Visit[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        firsts.push(await visit(context, url, profile));
        seconds.push(await visit(context, url, profile));
        await context.close();
      }
      const result = { profile, first: summarise(firsts), second: summarise(seconds) };
      log(`${profile.name}: first visit ${kb(result.first.transferredBytes)} in ${result.first.requests} requests, text at ${ms(result.first.textVisibleMs)}; second ${kb(result.second.transferredBytes)}, ${result.second.fromCache} from cache, ${result.second.notModified} × 304, text at ${ms(result.second.textVisibleMs)}`);
      results.push(result);
    }
    const runs: Record<string, LabelledRun> = existsSync(opts.runsFile) ? (JSON.parse(readFileSync(opts.runsFile, 'utf8')) as Record<string, LabelledRun>) : {};
    runs[opts.label] = { label: opts.label, commit, date: new Date().toISOString(), machine, loadBefore, runs: opts.runs, workload, results };
    mkdirSync(dirname(opts.runsFile), { recursive: true });
    writeFileSync(opts.runsFile, `${JSON.stringify(runs, null, 2)}\n`);
    writeFileSync(opts.reportFile, renderReport(runs));
    log(`report written to ${relative(ROOT, opts.reportFile)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:web] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
