import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.ts';
import type { PostResult } from '../../src/ports/transport.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { raw } from '../helpers/platform-fault-fixtures.ts';

/** Records how many posts are in flight at once; posts to `hungChannel` wait for `release()`. */
class CountingTransport extends FakeTransport {
  inFlight = 0;
  maxInFlight = 0;
  hungChannel: string | null = null;
  private waiting: (() => void)[] = [];

  release(): void {
    this.hungChannel = null;
    for (const w of this.waiting.splice(0)) w();
  }

  override async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (channel === this.hungChannel) await new Promise<void>((r) => this.waiting.push(r));
      else await new Promise((r) => setTimeout(r, 20));
      return await super.post(channel, reply, options);
    } finally {
      this.inFlight--;
    }
  }
}

let t: TestApp | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await t?.cleanup();
  t = undefined;
  scheduler = undefined;
});

async function channelsDue(n: number) {
  let now = new Date('2026-03-01T00:00:00Z');
  t = await makeTestApp({ corpus: 'none', clock: () => now });
  const subs = new SubscriptionStore(t.app.store);
  for (let i = 1; i <= n; i++) {
    await subs.create({ channel: `test:T1:C${i}`, schedule: { kind: 'hourly', minute: 0, tz: 'UTC' }, createdBy: 'U1', createdAt: now.toISOString(), cursor: now.toISOString() });
  }
  now = new Date('2026-03-01T00:10:00Z');
  await t.app.library.ingest([raw('site:8001', 'drug trafficking', 'Bishkek')]);
  now = new Date('2026-03-01T01:00:30Z');
  return t.app;
}

describe('delivering many channels', () => {
  it('keeps at most `concurrency` platform calls in flight, and delivers every channel once', async () => {
    const app = await channelsDue(7);
    const platform = new CountingTransport();
    scheduler = startScheduler(app, [platform], { autoStart: false, concurrency: 3 });
    await scheduler.runDue();
    expect(platform.posts.map((p) => p.channel).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `test:T1:C${i}`).sort());
    expect(platform.maxInFlight).toBe(3);
  });

  it('a channel whose post hangs holds one slot; the others go out meanwhile', async () => {
    const app = await channelsDue(5);
    const platform = new CountingTransport();
    platform.hungChannel = 'test:T1:C1';
    scheduler = startScheduler(app, [platform], { autoStart: false, concurrency: 2 });
    const run = scheduler.runDue();
    for (let i = 0; i < 100 && platform.posts.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(platform.posts.map((p) => p.channel).sort()).toEqual(['test:T1:C2', 'test:T1:C3', 'test:T1:C4', 'test:T1:C5']);
    platform.release();
    await run;
    expect(platform.posts).toHaveLength(5);
  });
});
