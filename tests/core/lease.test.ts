import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.ts';
import { NS } from '../../src/ports/store.ts';
import type { PostResult } from '../../src/ports/transport.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { acquireLease } from '../../src/store/lease.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { raw } from '../helpers/platform-fault-fixtures.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('acquireLease', () => {
  it('one holder at a time; release frees it, but only for its own holder', async () => {
    let storeNow = 1_000_000;
    const locks = new MemoryStore(() => storeNow).namespace<string>(NS.locks);
    const a = await acquireLease(locks, 'k', 'A', { ttlMs: 1000 });
    expect(a?.held()).toBe(true);
    expect(await acquireLease(locks, 'k', 'B', { ttlMs: 1000 })).toBeNull();
    // A stopped renewing (crashed, frozen): its lease runs out and B takes over.
    storeNow += 1001;
    const b = await acquireLease(locks, 'k', 'B', { ttlMs: 1000 });
    expect(b).not.toBeNull();
    await a!.release();
    expect(await locks.get('k')).toBe('B');
    await b!.release();
    await b!.release();
    expect(await locks.get('k')).toBeUndefined();
    expect(await acquireLease(locks, 'k', 'C', { ttlMs: 1000 })).not.toBeNull();
  });

  it('renews while held, so a long job keeps a short lease', async () => {
    const locks = new MemoryStore().namespace<string>(NS.locks);
    const a = await acquireLease(locks, 'k', 'A', { ttlMs: 90 });
    await sleep(300);
    expect(await acquireLease(locks, 'k', 'B', { ttlMs: 90 })).toBeNull();
    await a!.release();
    expect(await acquireLease(locks, 'k', 'B', { ttlMs: 90 })).not.toBeNull();
  });

  it('reports a lease another holder took', async () => {
    const locks = new MemoryStore().namespace<string>(NS.locks);
    const a = await acquireLease(locks, 'k', 'A', { ttlMs: 90 });
    await locks.set('k', 'B', 1000);
    await sleep(100);
    expect(a!.held()).toBe(false);
    await a!.release();
    expect(await locks.get('k')).toBe('B');
  });
});

/** A transport whose posts take `delayMs`, or wait for `release()` while `hold` is set. */
class SlowTransport extends FakeTransport {
  delayMs = 0;
  hold = false;
  calls = 0;
  private waiting: (() => void)[] = [];

  release(): void {
    this.hold = false;
    for (const w of this.waiting.splice(0)) w();
  }

  override async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
    this.calls++;
    if (this.hold) {
      await new Promise<void>((r) => this.waiting.push(r));
      return { ok: false, kind: 'transient', detail: 'the process died' };
    }
    await sleep(this.delayMs);
    return super.post(channel, reply, options);
  }
}

let t: TestApp | undefined;
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await t?.cleanup();
  t = undefined;
});

async function appWithDueDigest(store: MemoryStore) {
  let now = new Date('2026-03-01T00:00:00Z');
  t = await makeTestApp({ corpus: 'none', clock: () => now, store });
  await new SubscriptionStore(t.app.store).create({
    channel: 'test:T1:C1',
    schedule: { kind: 'hourly', minute: 0, tz: 'UTC' },
    createdBy: 'U1',
    createdAt: now.toISOString(),
    cursor: now.toISOString(),
  });
  now = new Date('2026-03-01T00:10:00Z');
  await t.app.library.ingest([raw('site:7001', 'drug trafficking', 'Bishkek')]);
  now = new Date('2026-03-01T01:00:30Z');
  return t.app;
}

describe('delivery leases', () => {
  it('an instance that stopped (crashed mid-post) frees its subscription within about a minute', async () => {
    let storeNow = Date.now();
    const app = await appWithDueDigest(new MemoryStore(() => storeNow));
    const crashed = new SlowTransport();
    crashed.hold = true;
    const restarted = new FakeTransport();
    const a = startScheduler(app, [crashed], { autoStart: false, instanceId: 'A', transientRetries: 0 });
    const b = startScheduler(app, [restarted], { autoStart: false, instanceId: 'B' });
    schedulers.push(a, b);
    void a.runDue();
    while (crashed.calls === 0) await sleep(5);

    storeNow += 30_000;
    await b.runDue();
    expect(restarted.posts).toHaveLength(0);
    storeNow += 31_000;
    await b.runDue();
    expect(restarted.posts).toHaveLength(1);
    crashed.release();
  });

  it('a live instance renews its lease: nobody takes over a slow post', async () => {
    const app = await appWithDueDigest(new MemoryStore());
    const platform = new SlowTransport();
    platform.delayMs = 800;
    const a = startScheduler(app, [platform], { autoStart: false, instanceId: 'A', leaseMs: 200 });
    const b = startScheduler(app, [platform], { autoStart: false, instanceId: 'B', leaseMs: 200 });
    schedulers.push(a, b);
    const first = a.runDue();
    await sleep(450);
    await b.runDue();
    await first;
    expect(platform.posts).toHaveLength(1);
  });
});
