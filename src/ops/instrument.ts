import type { Services } from '../services.ts';
import type { Bot } from '../bot/bot.ts';
import type { RefreshReport } from '../library/types.ts';
import type { Transport } from '../ports/transport.ts';
import { metricsFor, type HasMetrics } from './metrics.ts';

/**
 * Metrics by wrapping, so neither the adapters nor the core's parts need to know about them:
 * call `instrumentBot(app)` once after createApp, and pass every Transport through
 * `instrumentTransport(app, transport)` before the scheduler gets it.
 */

/** What instrumenting needs: the library it measures and the metrics it counts into. */
type Instrumented = Pick<Services, 'library'> & HasMetrics;

const wrapped = new WeakSet<object>();

/**
 * Counts and times every request through app.bot (by the outcome the Bot reports, not by its
 * reply's text), and every lookup and refresh of the library.
 */
export function instrumentBot(app: Instrumented & { bot: Pick<Bot, 'observe'> }): void {
  const m = metricsFor(app);
  const bot = app.bot;
  if (!wrapped.has(bot)) {
    wrapped.add(bot);
    bot.observe(({ request, outcome, seconds }) => {
      m.requests.inc({ kind: request.kind, outcome });
      m.requestSeconds.observe({ kind: request.kind }, seconds);
      if (request.kind === 'mention' || request.kind === 'message') m.answerSeconds.observe(seconds);
    });
  }
  instrumentLibrary(app);
}

function countSync(app: Instrumented, source: string, report: RefreshReport): void {
  const m = metricsFor(app);
  m.syncs.inc({ source, result: report.problems.length ? 'problems' : 'ok' });
  if (report.added.length) m.syncReleases.inc({ source, change: 'added' }, report.added.length);
  if (report.changed.length) m.syncReleases.inc({ source, change: 'changed' }, report.changed.length);
}

function instrumentLibrary(app: Instrumented): void {
  const lib = app.library;
  if (wrapped.has(lib)) return;
  wrapped.add(lib);
  const m = metricsFor(app);
  const search = lib.search.bind(lib);
  lib.search = (query, options) => {
    const end = m.lookupSeconds.startTimer();
    try {
      return search(query, options);
    } finally {
      end();
    }
  };
  const refresh = lib.refresh.bind(lib);
  lib.refresh = async () => {
    try {
      const report = await refresh();
      countSync(app, 'content', report);
      return report;
    } catch (error) {
      m.syncs.inc({ source: 'content', result: 'error' });
      throw error;
    }
  };
  const ingest = lib.ingest.bind(lib);
  lib.ingest = async (raws) => {
    const source = raws[0]?.source ?? 'unknown';
    try {
      const report = await ingest(raws);
      countSync(app, source, report);
      return report;
    } catch (error) {
      m.syncs.inc({ source, result: 'error' });
      throw error;
    }
  };
}

/**
 * The same transport, counting each post: posted, deferred (rate limited or transient: the
 * scheduler tries again) or failed (forbidden, not found), and platform retries.
 */
export function instrumentTransport(app: HasMetrics, transport: Transport): Transport {
  const m = metricsFor(app);
  const platform = transport.platform;
  const post: Transport['post'] = async (channel, reply, options) => {
    let result;
    try {
      result = await transport.post(channel, reply, options);
    } catch (error) {
      // Transports must not throw; count it as a transient failure all the same.
      m.digests.inc({ platform, outcome: 'deferred' });
      m.platformRetries.inc({ platform, kind: 'transient' });
      throw error;
    }
    if (result.ok) m.digests.inc({ platform, outcome: 'posted' });
    else if (result.kind === 'rate_limited' || result.kind === 'transient') {
      m.digests.inc({ platform, outcome: 'deferred' });
      m.platformRetries.inc({ platform, kind: result.kind });
    } else m.digests.inc({ platform, outcome: 'failed' });
    return result;
  };
  const out: Transport = { platform, limits: transport.limits, post };
  if (transport.findPosted) out.findPosted = transport.findPosted.bind(transport);
  return out;
}
