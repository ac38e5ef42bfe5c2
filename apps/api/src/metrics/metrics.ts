import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the collaboration server reports when scraped: its state at that moment. */
export interface CollabGauges {
  readonly documents: number;
  readonly connections: number;
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's Prometheus metrics, in a registry of its own (not prom-client's global one), so that every
 * application built in a process counts apart. Names follow Prometheus conventions: `concord_` prefix, base units.
 */
export class Metrics {
  readonly registry = new Registry();
  private collabGauges: () => CollabGauges = () => ({ documents: 0, connections: 0 });

  readonly httpDuration = new Histogram({
    name: 'concord_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly httpErrors = new Counter({
    name: 'concord_http_errors_total',
    help: 'HTTP answers with a 4xx or 5xx status, by route pattern and status code',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  readonly commitDuration = new Histogram({
    name: 'concord_update_log_commit_seconds',
    help: 'Time to commit one group of collaboration updates to the update log',
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly commitBatch = new Histogram({
    name: 'concord_update_log_batch_size',
    help: 'Collaboration updates stored by one group commit',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });

  readonly commitFailures = new Counter({
    name: 'concord_update_log_commit_failures_total',
    help: 'Group commits of collaboration updates that failed (their documents are dropped and reloaded)',
    registers: [this.registry],
  });

  readonly fanOut = new Histogram({
    name: 'concord_collab_fanout_connections',
    help: 'Connections one stored change was relayed to on this instance',
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });

  readonly redisLag = new Histogram({
    name: 'concord_redis_relay_lag_seconds',
    help: 'Time from another instance publishing a collaboration message to this one receiving it (includes any clock difference between their hosts)',
    buckets: SECONDS,
    registers: [this.registry],
  });

  constructor(options: { readonly defaults?: boolean } = {}) {
    const read = () => this.collabGauges();
    new Gauge({
      name: 'concord_collab_open_connections',
      help: 'Open collaboration WebSocket connections',
      registers: [this.registry],
      collect() {
        this.set(read().connections);
      },
    });
    new Gauge({
      name: 'concord_collab_loaded_documents',
      help: 'Collaboration documents loaded in memory',
      registers: [this.registry],
      collect() {
        this.set(read().documents);
      },
    });
    // Process metrics, among them event-loop delay (nodejs_eventloop_lag_seconds and its percentiles).
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** The collaboration server tells how to read its state when scraped. */
  observeCollab(read: () => CollabGauges): void {
    this.collabGauges = read;
  }

  /** Times a group commit of `size` updates. */
  async timeCommit<T>(size: number, commit: () => Promise<T>): Promise<T> {
    const stop = this.commitDuration.startTimer();
    try {
      const result = await commit();
      this.commitBatch.observe(size);
      return result;
    } catch (error) {
      this.commitFailures.inc();
      throw error;
    } finally {
      stop();
    }
  }
}
