import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../adapters/compose.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { startScheduler, storeRunCoordinator, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { openStore } from '../../src/store/open-store.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { addRelease } from '../fixtures/digest/releases.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

/** Two bots sharing one real Redis: every fire of a schedule posts exactly once. */
const REDIS = 'redis://127.0.0.1:6379';
const prefix = `test-two-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`;
const opened: TestApp[] = [];
const schedulers: Scheduler[] = [];

afterAll(async () => {
  for (const s of schedulers) await s.stop();
  for (const t of opened) await t.cleanup();
  const c = createClient({ url: REDIS });
  await c.connect();
  for await (const keys of c.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await c.del(keys);
  await c.close();
});

let now = new Date('2026-11-26T08:00:00Z');
const clock = () => now;

async function instance(): Promise<TestApp> {
  const store = await openStore(loadConfig({}, { stateUrl: REDIS }), silentLogger(), { prefix });
  const t = await makeTestApp({ corpus: 'seed', clock, store });
  opened.push(t);
  return t;
}

const digestIds = (transports: FakeTransport[]) =>
  transports.flatMap((t) => t.all()).flatMap((p) => p.reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : [])));

describe('two bot instances on one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const ta = new FakeTransport();
  const tb = new FakeTransport();

  it('agree on first-seen times and deliver each scheduled digest exactly once', async () => {
    a = await instance();
    b = await instance();
    expect(a.app.store.kind).toBe('redis');
    now = new Date('2026-11-26T08:01:00Z');
    await a.app.bot.handle({ kind: 'command', text: 'subscribe daily at 09:00 tz UTC', user: { id: 'U1', canManage: true }, channel: 'test:T1:C1' });
    await b.app.bot.handle({ kind: 'command', text: 'subscribe hourly', user: { id: 'U1', canManage: true }, channel: 'test:T1:C2' });
    const sa = startScheduler(a.app, [ta], { autoStart: false, sleep: async () => undefined });
    const sb = startScheduler(b.app, [tb], { autoStart: false, sleep: async () => undefined });
    schedulers.push(sa, sb);
    const expected: string[] = [];
    for (let day = 0; day < 3; day++) {
      const base = Date.parse('2026-11-26T08:30:00Z') + day * 86_400_000;
      now = new Date(base);
      const id = addRelease(a.contentDir, day + 1);
      addRelease(b.contentDir, day + 1);
      await a.app.library.refresh();
      now = new Date(base + 5 * 60_000);
      await b.app.library.refresh();
      expect(b.app.library.seenSince(new Date(base).toISOString()).map((r) => [r.id, r.firstSeen])).toEqual([[id, new Date(base).toISOString()]]);
      expected.push(id);
      // Both instances fire at 09:00 (and a little later) at the same moment.
      const fire = new Date(base + 30 * 60_000);
      now = fire;
      await Promise.all([sa.runDue(fire), sb.runDue(fire), sa.runDue(fire), sb.runDue(new Date(fire.getTime() + 20_000))]);
    }
    const posts = [...ta.all(), ...tb.all()];
    // Per channel: one post per fire with that day's release; C2 (hourly) gets the same releases.
    const byChannel = (c: string) => posts.filter((p) => p.channel === c).map((p) => p.idempotencyKey.replace(/^\w+@/, '')).sort();
    expect(byChannel('test:T1:C1')).toEqual(['2026-11-26T09:00:00.000Z/1', '2026-11-27T09:00:00.000Z/1', '2026-11-28T09:00:00.000Z/1']);
    expect(byChannel('test:T1:C2')).toEqual(['2026-11-26T09:00:00.000Z/1', '2026-11-27T09:00:00.000Z/1', '2026-11-28T09:00:00.000Z/1']);
    expect(digestIds([ta, tb]).sort()).toEqual([...expected, ...expected].sort());
  }, 60_000);

  it('the node-cron run coordinator elects one instance per fire (SET NX PX)', async () => {
    const ca = storeRunCoordinator(a.app as App, 'A');
    const cb = storeRunCoordinator(b.app as App, 'B');
    const key = `sco-digests:${new Date().toISOString()}`;
    const votes = await Promise.all([ca.shouldRun(key, 5000), cb.shouldRun(key, 5000), ca.shouldRun(key, 5000), cb.shouldRun(key, 5000)]);
    expect(votes.filter(Boolean)).toHaveLength(1);
    expect(await cb.shouldRun(`${key}-next`, 5000)).toBe(true);
  });

  it('with real node-cron ticks on both instances, a due digest posts once', async () => {
    now = new Date('2026-12-01T08:30:00Z');
    const id = addRelease(a.contentDir, 50);
    addRelease(b.contentDir, 50);
    await a.app.library.refresh();
    await b.app.library.refresh();
    now = new Date('2026-12-01T09:00:05Z');
    const before = ta.all().length + tb.all().length;
    const ra = new FakeTransport();
    const rb = new FakeTransport();
    // A tick every second (six-field expression) so the test need not wait a minute.
    schedulers.push(startScheduler(a.app, [ra], { tick: '* * * * * *' }), startScheduler(b.app, [rb], { tick: '* * * * * *' }));
    await new Promise((r) => setTimeout(r, 3500));
    const posts = [...ra.all(), ...rb.all()];
    expect(ta.all().length + tb.all().length).toBe(before);
    expect(posts.map((p) => p.channel).sort()).toEqual(['test:T1:C1', 'test:T1:C2']);
    expect(digestIds([ra, rb])).toEqual([id, id]);
  }, 30_000);
});
