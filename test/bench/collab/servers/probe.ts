/**
 * Preloaded (`node --require`) into every server process the benchmark starts — Concord and both peers —
 * so each server measures itself the same way without knowing about the benchmark: event-loop delay
 * (`perf_hooks.monitorEventLoopDelay`), resident memory (sampled), heap and CPU time.
 *
 * It answers `ProbeRequest`s arriving over the IPC channel the orchestrator opens, and does nothing when
 * the process has no IPC channel. The channel is unref'd so it never keeps a server alive that wants to exit.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isProbeRequest, type ProbeReply, type ServerStats } from '../shared/ipc';

/** Sampling interval of the event-loop delay histogram, in milliseconds. */
const RESOLUTION_MS = 5;
/** How often the resident set size is sampled for the peak, in milliseconds. */
const RSS_SAMPLE_MS = 100;

function installProbe(): void {
  const loopDelay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loopDelay.enable();
  let cpuAtReset = process.cpuUsage();
  let wallAtReset = performance.now();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  sampler.unref();

  const stats = (): ServerStats => {
    const cpu = process.cpuUsage(cpuAtReset);
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    const hasSamples = loopDelay.count > 0;
    return {
      loopDelayP50Ms: hasSamples ? loopDelay.percentile(50) / 1e6 : 0,
      loopDelayP99Ms: hasSamples ? loopDelay.percentile(99) / 1e6 : 0,
      loopDelayMaxMs: hasSamples ? loopDelay.max / 1e6 : 0,
      rssBytes: memory.rss,
      peakRssBytes: peakRss,
      heapUsedBytes: memory.heapUsed,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallAtReset,
    };
  };

  process.on('message', (message: unknown) => {
    if (!isProbeRequest(message)) return;
    if (message.op === 'reset') {
      loopDelay.reset();
      cpuAtReset = process.cpuUsage();
      wallAtReset = performance.now();
      peakRss = process.memoryUsage.rss();
    }
    const reply: ProbeReply = { type: 'bench-probe', id: message.id, stats: stats() };
    process.send?.(reply);
  });
  process.channel?.unref();
}

if (process.send) installProbe();
