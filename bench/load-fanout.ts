/**
 * Load: digest fan-out. S subscriptions over C channels, all due in the same minute, delivered
 * by the real scheduler through a fake transport that enforces a per-channel rate limit (one
 * post per channel per interval, answering 429 with the wait otherwise). Every subscription must
 * get its digest exactly once. Overhead = the same tick through a transport with no limit.
 */
import { performance } from 'node:perf_hooks';
import type { Reply } from '../src/bot/reply.ts';
import type { RawRelease } from '../src/ports/source.ts';
import type { PostResult, Transport } from '../src/ports/transport.ts';
import { startScheduler } from '../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../src/subscriptions/subscription-store.ts';
import { MemoryStore } from '../src/store/memory-store.ts';
import { makeTestApp } from '../tests/helpers/test-app.ts';
import { syntheticRelease, toMarkdown } from './generate-corpus.ts';
import { round } from './stats.ts';

export interface FanoutReport {
  subscriptions: number;
  channels: number;
  store: string;
  releases_per_digest: number;
  setup_s: number;
  overhead_tick_s: number;
  overhead_ms_per_sub: number;
  limited_tick_s: number;
  limited_ticks: number;
  per_channel_interval_ms: number;
  posts: number;
  rate_limited_answers: number;
  delivered_once: boolean;
  /** Deliveries that failed inside a tick (store or index errors), retried at the next tick. */
  failed_deliveries: number;
}

/** Which state store the fan-out runs on: the default SQLite file, memory, or a Redis URL. */
export type FanoutStore = 'sqlite' | 'memory' | string;

/** A platform that remembers every post by idempotency key and allows one post per channel per interval. */
class RateLimitedPlatform implements Transport {
  readonly platform = 'slack';
  readonly limits = { itemsPerMessage: 20, charsPerMessage: 9000 };
  readonly posted = new Map<string, { channel: string; items: number }>();
  duplicates = 0;
  limited = 0;
  private readonly next = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  async post(channel: string, reply: Reply, { idempotencyKey }: { idempotencyKey: string }): Promise<PostResult> {
    const now = Date.now();
    const allowed = this.next.get(channel) ?? 0;
    if (this.intervalMs > 0 && now < allowed) {
      this.limited++;
      return { ok: false, kind: 'rate_limited', retryAfterMs: allowed - now, detail: 'HTTP 429' };
    }
    this.next.set(channel, now + this.intervalMs);
    if (this.posted.has(idempotencyKey)) this.duplicates++;
    const items = reply.blocks.reduce((n, b) => n + (b.type === 'digest' ? b.items.length : 0), 0);
    this.posted.set(idempotencyKey, { channel, items });
    return { ok: true, messageId: `m${this.posted.size}` };
  }
}

/**
 * Releases published the day before they are first seen: a digest lists news, and counts a
 * back catalogue (published months before) in one line instead (see build-digest.ts), so the
 * synthetic corpus's 2002-2025 dates would leave nothing to list.
 */
const raws = (from: number, n: number, published: string): RawRelease[] =>
  Array.from({ length: n }, (_, k) => {
    const r = { ...syntheticRelease(7, from + k), date: published };
    return { id: `fan-${r.id}`, source: 'bench', text: toMarkdown(r), title: r.title, date: r.date, url: r.url };
  });

export async function fanoutLoad(
  subscriptions: number,
  channels: number,
  intervalMs: number,
  options: { store?: FanoutStore; releasesPerDigest?: number } = {},
): Promise<FanoutReport> {
  const releasesPerDigest = options.releasesPerDigest ?? 10;
  const storeOpt = options.store ?? 'sqlite';
  // The shipped seed is first seen the day before the subscriptions start, so digests hold only new releases.
  let now = new Date('2026-02-28T00:00:00Z');
  const setupStart = performance.now();
  const test = await makeTestApp({
    corpus: 'seed',
    clock: () => now,
    ...(storeOpt === 'memory' ? { store: new MemoryStore() } : {}),
    ...(storeOpt.startsWith('redis') ? { config: { stateUrl: storeOpt } } : {}),
  });
  // The scheduler logs a failed delivery at error level and retries it at the next tick; count them.
  let failed = 0;
  const count = () => {
    failed++;
  };
  const quiet = test.app.logger;
  const counting = Object.assign(Object.create(quiet) as typeof quiet, {
    error: count,
    child: () => counting,
  });
  test.app.logger = counting;
  try {
    const subs = new SubscriptionStore(test.app.store);
    now = new Date('2026-03-01T00:00:00Z');
    const cursor = now.toISOString();
    for (let i = 0; i < subscriptions; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, subscriptions - i) }, (_, k) =>
          subs.create({
            channel: `slack:T1:C${(i + k) % channels}`,
            schedule: { kind: 'daily', at: '01:00', tz: 'UTC' },
            createdBy: 'U1',
            createdAt: cursor,
            cursor,
          }),
        ),
      );
    }
    now = new Date('2026-03-01T00:10:00Z');
    await test.app.library.ingest(raws(0, releasesPerDigest, '2026-02-28'));
    const setupS = (performance.now() - setupStart) / 1000;

    // Day 1: no platform limit, so the time is the scheduler's own (store, index, digest building).
    const free = new RateLimitedPlatform(0);
    let scheduler = startScheduler(test.app, [free], { autoStart: false });
    now = new Date('2026-03-01T01:00:30Z');
    let t0 = performance.now();
    await scheduler.runDue();
    const overheadS = (performance.now() - t0) / 1000;
    await scheduler.stop();

    // Day 2: one post per channel per interval; ticks repeat within the minute until all are out.
    now = new Date('2026-03-01T12:00:00Z');
    await test.app.library.ingest(raws(releasesPerDigest, releasesPerDigest, '2026-03-01'));
    const limited = new RateLimitedPlatform(intervalMs);
    scheduler = startScheduler(test.app, [limited], { autoStart: false });
    now = new Date('2026-03-02T01:00:30Z');
    t0 = performance.now();
    let ticks = 0;
    while (limited.posted.size < subscriptions && ticks < 5) {
      ticks++;
      await scheduler.runDue();
    }
    const limitedS = (performance.now() - t0) / 1000;
    await scheduler.stop();

    const once = (p: RateLimitedPlatform) =>
      p.posted.size === subscriptions && p.duplicates === 0 && [...p.posted.values()].every((m) => m.items === releasesPerDigest);
    return {
      subscriptions,
      channels,
      store: test.app.store.kind,
      releases_per_digest: releasesPerDigest,
      setup_s: round(setupS, 2)!,
      overhead_tick_s: round(overheadS, 2)!,
      overhead_ms_per_sub: round((overheadS * 1000) / subscriptions, 3)!,
      limited_tick_s: round(limitedS, 2)!,
      limited_ticks: ticks,
      per_channel_interval_ms: intervalMs,
      posts: free.posted.size + limited.posted.size,
      rate_limited_answers: limited.limited,
      delivered_once: once(free) && once(limited),
      failed_deliveries: failed,
    };
  } finally {
    await test.cleanup();
  }
}
