import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { command, raw as fixtureRaw, SORRY } from '../helpers/platform-fault-fixtures.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { RedisServer, freePort } from '../fakes/redis-fault-server.ts';

/**
 * Redis (STATE_URL) goes away and comes back while the bot runs. Lookups must keep working
 * from the local index, digests must resume once it is back, and every release must reach the
 * channel exactly once.
 */

let now = new Date('2026-03-01T00:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

interface Post { channel: string; key: string; ids: string[] }
const posts: Post[] = [];
const transport: Transport = {
  platform: 'slack',
  limits: { itemsPerMessage: 10, charsPerMessage: 3000 },
  async post(channel: string, reply: Reply, { idempotencyKey }: { idempotencyKey: string }): Promise<PostResult> {
    const ids = reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : []));
    posts.push({ channel, key: idempotencyKey, ids });
    return { ok: true, messageId: `m${posts.length}` };
  },
};

const raw = (id: string, words: string) => fixtureRaw(id, words, 'Tashkent');

/** Fails the test instead of hanging it when a call waits on a dead Redis. */
function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);
}

let redis: RedisServer;
let t: TestApp;
let scheduler: Scheduler;

beforeAll(async () => {
  redis = new RedisServer(await freePort());
  await redis.start();
  at('2026-02-28T00:00:00Z');
  t = await makeTestApp({ corpus: 'both', clock: () => now, config: { stateUrl: redis.url } });
  expect(t.app.store.kind).toBe('redis');
  at('2026-03-01T00:00:00Z');
  const subs = new SubscriptionStore(t.app.store);
  await subs.create({
    channel: 'slack:T1:C1',
    schedule: { kind: 'hourly', minute: 0, tz: 'UTC' },
    createdBy: 'U1',
    createdAt: now.toISOString(),
    cursor: now.toISOString(),
  });
  scheduler = startScheduler(t.app, [transport], { autoStart: false, sleep: async () => undefined, backoffMs: 1 });
}, 60_000);

afterAll(async () => {
  await scheduler?.stop();
  redis?.thaw();
  await t?.cleanup().catch(() => undefined);
  await redis?.destroy();
});

describe('Redis stops and restarts while the bot runs', () => {
  it('delivers a digest while Redis is up', async () => {
    at('2026-03-01T00:10:00Z');
    await t.app.library.ingest([raw('site:1001', 'drug trafficking')]);
    at('2026-03-01T01:00:30Z');
    await scheduler.runDue();
    expect(posts.flatMap((p) => p.ids)).toEqual(['site:1001']);
  });

  it('keeps answering lookups from the index while Redis is down', async () => {
    await redis.stop();
    expect(await within(3000, t.app.store.ping(), 'ping')).toBe(false);
    const outcome = t.app.library.search('drug trafficking');
    expect(outcome.hits.map((h) => h.release.id)).toContain('site:1001');
    expect(t.app.library.search('afghanistan').hits.length).toBeGreaterThan(0);
  });

  // Paging state cannot be saved while Redis is down: the results come without buttons.
  it('answers /sco lookups while Redis is down', async () => {
    const reply = await within(5000, t.app.bot.handle(command('afghanistan')), '/sco afghanistan');
    expect(reply.text).not.toMatch(SORRY);
    expect(JSON.stringify(reply.blocks)).toMatch(/Afghan/i);
  });

  it('skips the tick and loses nothing while Redis is down', async () => {
    at('2026-03-01T01:20:00Z');
    // A sync during the outage cannot record first-seen times: it fails, and the next sync retries it.
    await within(5000, t.app.library.ingest([raw('site:1002', 'energy security')]).catch(() => null), 'ingest');
    at('2026-03-01T02:00:30Z');
    await within(5000, scheduler.runDue(), 'scheduler tick');
    expect(posts).toHaveLength(1);
  });

  it('resumes digests once Redis is back, each release posted exactly once', async () => {
    await redis.start();
    for (let i = 0; i < 100 && !(await t.app.store.ping()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await t.app.store.ping()).toBe(true);
    at('2026-03-01T02:20:00Z');
    await t.app.library.ingest([raw('site:1002', 'energy security'), raw('site:1003', 'transport connectivity')]);
    at('2026-03-01T03:00:30Z');
    await scheduler.runDue();
    await scheduler.runDue(); // a second tick in the same minute posts nothing more
    const ids = posts.flatMap((p) => p.ids);
    expect(ids.sort()).toEqual(['site:1001', 'site:1002', 'site:1003']);
    expect(new Set(posts.map((p) => p.key)).size).toBe(posts.length);
  });

  it('carries on after Redis freezes (stops answering) and thaws', async () => {
    redis.freeze();
    try {
      expect(t.app.library.search('energy security').hits.length).toBeGreaterThan(0);
      at('2026-03-01T03:30:00Z');
      const ingest = t.app.library.ingest([raw('site:1004', 'public health')]).catch(() => null);
      at('2026-03-01T04:00:30Z');
      const tick = scheduler.runDue().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
      redis.thaw();
      await within(15_000, Promise.all([ingest, tick]), 'ingest and tick across a frozen Redis');
    } finally {
      redis.thaw();
    }
    at('2026-03-01T04:40:00Z');
    await t.app.library.ingest([raw('site:1004', 'public health')]);
    at('2026-03-01T05:00:30Z');
    await scheduler.runDue();
    const ids = posts.flatMap((p) => p.ids);
    expect(ids.filter((id) => id === 'site:1004')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
