import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; lookups sit in the low milliseconds, answers a little higher, Slack allows 3 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The bot's Prometheus metrics, one registry per composed app so tests and several apps in one process
 * never share counters. Served as text by GET /metrics.
 */
export interface Metrics {
  registry: Registry;
  /** Every request through Bot.handle, by kind (command, mention, message, action) and the Bot's outcome (ok, error). */
  requests: Counter<'kind' | 'outcome'>;
  /** Wall time of Bot.handle, by request kind. */
  requestSeconds: Histogram<'kind'>;
  /** Library.search alone (the lookup path). */
  lookupSeconds: Histogram<never>;
  /** Bot.handle for questions (mentions and direct messages). */
  answerSeconds: Histogram<never>;
  /** Digest posts by platform and outcome: posted, deferred (rate limited, transient), failed (forbidden, not found). */
  digests: Counter<'platform' | 'outcome'>;
  /** Platform answers that make the caller retry later (429 and 5xx), by platform and kind. */
  platformRetries: Counter<'platform' | 'kind'>;
  /** Source syncs and content refreshes by source and result (ok, problems, error). */
  syncs: Counter<'source' | 'result'>;
  /** Releases added or changed by syncs, by source. */
  syncReleases: Counter<'source' | 'change'>;
}

export function createMetrics(options: { releaseCount?: () => number; defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults ?? true) collectDefaultMetrics({ register: registry, prefix: 'sco_' });
  const releaseCount = options.releaseCount;
  if (releaseCount) {
    new Gauge({
      name: 'sco_index_releases',
      help: 'Releases in the search index',
      registers: [registry],
      collect() {
        try {
          this.set(releaseCount());
        } catch {
          // A closed library has no count; leave the last value rather than fail the scrape.
        }
      },
    });
  }
  return {
    registry,
    requests: new Counter({
      name: 'sco_requests_total',
      help: 'Requests handled, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'sco_request_duration_seconds',
      help: 'Time to build a reply, by request kind',
      labelNames: ['kind'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    lookupSeconds: new Histogram({
      name: 'sco_lookup_duration_seconds',
      help: 'Time of one index lookup',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    answerSeconds: new Histogram({
      name: 'sco_answer_duration_seconds',
      help: 'Time to answer a question (mention or direct message)',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    digests: new Counter({
      name: 'sco_digests_total',
      help: 'Digest messages by platform and outcome (posted, deferred, failed)',
      labelNames: ['platform', 'outcome'],
      registers: [registry],
    }),
    platformRetries: new Counter({
      name: 'sco_platform_retries_total',
      help: 'Platform responses that call for a retry (rate limited, transient), by platform',
      labelNames: ['platform', 'kind'],
      registers: [registry],
    }),
    syncs: new Counter({
      name: 'sco_syncs_total',
      help: 'Syncs and content refreshes by source and result',
      labelNames: ['source', 'result'],
      registers: [registry],
    }),
    syncReleases: new Counter({
      name: 'sco_sync_releases_total',
      help: 'Releases added or changed by syncs',
      labelNames: ['source', 'change'],
      registers: [registry],
    }),
  };
}

/** Whatever carries its metrics: each composed app has its own (adapters/compose.ts composeApp). */
export interface HasMetrics {
  readonly metrics: Metrics;
}

/** The metrics of this app: a field of the app, not a hidden module-level map. */
export function metricsFor(app: HasMetrics): Metrics {
  return app.metrics;
}
