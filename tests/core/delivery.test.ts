import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/compose.ts';
import { plain } from '../../src/bot/reply.ts';
import { silentLogger } from '../../src/logger.ts';
import { NS } from '../../src/ports/store.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { addRelease } from '../fixtures/digest/releases.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const CHANNEL = 'test:T1:C1';
let now = new Date('2026-11-26T08:00:00Z');
const clock = () => now;
const at = (iso: string) => {
  now = new Date(iso);
  return now;
};
const open: { t?: TestApp; extra: App[]; schedulers: Scheduler[] } = { extra: [], schedulers: [] };

afterEach(async () => {
  for (const s of open.schedulers.splice(0)) await s.stop();
  for (const a of open.extra.splice(0)) await a.close();
  await open.t?.cleanup();
  open.t = undefined;
});

async function setup(subscribeText = 'daily at 09:00 tz UTC') {
  at('2026-11-26T08:00:00Z');
  const t = await makeTestApp({ corpus: 'seed', clock });
  open.t = t;
  at('2026-11-26T08:01:00Z');
  const reply = await t.app.bot.handle({ kind: 'command', text: `subscribe ${subscribeText}`, user: { id: 'U1', name: 'Ada', canManage: true }, channel: CHANNEL });
  expect(reply.text).toMatch(/^Ada subscribed this channel: `\w+` /);
  return t;
}

function scheduler(app: App, transport: FakeTransport, opts: Parameters<typeof startScheduler>[2] = {}) {
  const s = startScheduler(app, [transport], { autoStart: false, sleep: async () => undefined, ...opts });
  open.schedulers.push(s);
  return s;
}

const postedIds = (transport: FakeTransport) =>
  transport.all().flatMap((p) => p.reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : [])));

async function addAndRefresh(app: App, contentDir: string, n: number, when: string) {
  at(when);
  const id = addRelease(contentDir, n);
  await app.library.refresh();
  return id;
}

describe('scheduled digest delivery', () => {
  it('fires on time with exactly the releases first seen since the subscription, once', async () => {
    const { app, contentDir } = await setup();
    const id = await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport();
    const s = scheduler(app, transport);
    await s.runDue(at('2026-11-26T08:59:00Z'));
    expect(transport.all()).toHaveLength(0);
    await s.runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all()).toHaveLength(1);
    const [post] = transport.all();
    expect(post!.channel).toBe(CHANNEL);
    // Only the new release: the seed was there before the subscription.
    expect(postedIds(transport)).toEqual([id]);
    expect(post!.reply.blocks[0]).toEqual({ type: 'heading', text: 'SCO digest: 1 new release' });
    expect(post!.idempotencyKey).toMatch(/@2026-11-26T09:00:00\.000Z\/1$/);
    await s.runDue(at('2026-11-26T09:01:00Z'));
    await s.runDue(at('2026-11-26T12:00:00Z'));
    expect(transport.all()).toHaveLength(1);
  });

  it('posts nothing for an empty period, unless the subscription asked for a line', async () => {
    const { app } = await setup('daily at 09:00 tz UTC verbose');
    await app.bot.handle({ kind: 'command', text: 'subscribe hourly', user: { id: 'U1', canManage: true }, channel: 'test:T1:C2' });
    const transport = new FakeTransport();
    await scheduler(app, transport).runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all().map((p) => [p.channel, p.reply.text])).toEqual([
      [CHANNEL, 'SCO digest: nothing new (26 Nov 2026, 08:01 – 26 Nov 2026, 09:00).'],
    ]);
  });

  it('does not post twice across restarts, and the next digest has only what came after', async () => {
    const { app, contentDir } = await setup();
    const first = await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport();
    await scheduler(app, transport).runDue(at('2026-11-26T09:00:30Z'));
    expect(postedIds(transport)).toEqual([first]);
    // Restart: a new App over the same data folder (SQLite store and index), a new scheduler.
    const again = await createApp(app.config, silentLogger(), { clock });
    open.extra.push(again);
    await again.library.refresh();
    const s2 = scheduler(again, transport);
    await s2.runDue(at('2026-11-26T09:05:00Z'));
    expect(transport.all()).toHaveLength(1);
    const second = await addAndRefresh(again, contentDir, 2, '2026-11-26T15:00:00Z');
    await s2.runDue(at('2026-11-27T09:00:00Z'));
    expect(postedIds(transport)).toEqual([first, second]);
  });

  it('a subscription with a topic gets only the releases that match it', async () => {
    const { app, contentDir } = await setup('daily at 09:00 tz UTC afghanistan');
    at('2026-11-26T08:30:00Z');
    const match = addRelease(contentDir, 1, { title: 'SCO Contact Group on Afghanistan meets in Moscow' });
    addRelease(contentDir, 2, { title: 'SCO film festival opens in Qingdao' });
    await app.library.refresh();
    const transport = new FakeTransport();
    await scheduler(app, transport).runDue(at('2026-11-26T09:00:00Z'));
    expect(postedIds(transport)).toEqual([match]);
    expect(transport.all()[0]!.reply.blocks[0]).toEqual({ type: 'heading', text: 'SCO digest on “afghanistan”: 1 new release' });
  });

  it('backfill N brings the N newest releases into the first digest only', async () => {
    const { app } = await setup('daily at 09:00 tz UTC backfill 1');
    const transport = new FakeTransport();
    const s = scheduler(app, transport);
    await s.runDue(at('2026-11-26T09:00:00Z'));
    expect(postedIds(transport)).toEqual(['000_9851d8e3c5c57f74']);
    await s.runDue(at('2026-11-27T09:00:00Z'));
    expect(transport.all()).toHaveLength(1);
  });

  it('splits a long digest into several messages within the transport limits, all posted once', async () => {
    const { app, contentDir } = await setup();
    at('2026-11-26T08:30:00Z');
    for (let n = 1; n <= 12; n++) addRelease(contentDir, n);
    await app.library.refresh();
    const transport = new FakeTransport('test', { itemsPerMessage: 5, charsPerMessage: 4000 });
    await scheduler(app, transport).runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all().map((p) => p.reply.blocks[0])).toEqual([1, 2, 3].map((i) => ({ type: 'heading', text: `SCO digest: 12 new releases (${i}/3)` })));
    expect(new Set(postedIds(transport)).size).toBe(12);
    expect(transport.all().map((p) => p.idempotencyKey.slice(-2))).toEqual(['/1', '/2', '/3']);
  });
});

describe('delivery failures', () => {
  it('waits the retry-after of a 429 and retries; backs off on 5xx and retries', async () => {
    const { app, contentDir } = await setup();
    await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const waits: number[] = [];
    const transport = new FakeTransport().failNext(
      { ok: false, kind: 'rate_limited', retryAfterMs: 1500, detail: '429' },
      { ok: false, kind: 'transient', detail: '503' },
      { ok: false, kind: 'transient', detail: '502' },
    );
    await scheduler(app, transport, { sleep: async (ms) => void waits.push(ms), backoffMs: 100 }).runDue(at('2026-11-26T09:00:00Z'));
    expect(waits).toEqual([1500, 100, 200]);
    expect(transport.attempts.map((a) => a.result)).toEqual(['rate_limited', 'transient', 'transient', true]);
    expect(transport.all()).toHaveLength(1);
  });

  it('gives up after bounded transient retries, keeps the cursor, and delivers at the next tick', async () => {
    const { app, contentDir } = await setup();
    const id = await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport().failNext(...Array.from({ length: 4 }, () => ({ ok: false as const, kind: 'transient' as const, detail: '500' })));
    const s = scheduler(app, transport, { transientRetries: 3 });
    await s.runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all()).toHaveLength(0);
    expect(transport.attempts).toHaveLength(4);
    await s.runDue(at('2026-11-26T09:01:00Z'));
    expect(postedIds(transport)).toEqual([id]);
    expect(transport.all()[0]!.idempotencyKey).toMatch(/@2026-11-26T09:00:00\.000Z\/1$/);
  });

  it('a 403 pauses that subscription with the reason shown in /sco subscriptions; others go on', async () => {
    const { app, contentDir } = await setup();
    await app.bot.handle({ kind: 'command', text: 'subscribe daily at 09:00 tz UTC', user: { id: 'U2', canManage: true }, channel: 'test:T1:C2' });
    await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport();
    const realPost = transport.post.bind(transport);
    transport.post = async (channel, reply, options) =>
      channel === CHANNEL ? { ok: false, kind: 'forbidden', detail: 'not_in_channel' } : realPost(channel, reply, options);
    const s = scheduler(app, transport);
    await s.runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all().map((p) => p.channel)).toEqual(['test:T1:C2']);
    const list = await app.bot.handle({ kind: 'command', text: 'subscriptions', user: { id: 'U3', canManage: false }, channel: CHANNEL });
    expect(list.text).toMatch(/Paused since .*: the bot may not post in this channel \(not_in_channel\)/);
    // Paused: no more attempts at later runs, while the other channel goes on.
    let blocked = 0;
    transport.post = async (channel, reply, options) => {
      if (channel === CHANNEL) blocked++;
      return realPost(channel, reply, options);
    };
    await addAndRefresh(app, contentDir, 2, '2026-11-26T12:00:00Z');
    await s.runDue(at('2026-11-27T09:00:00Z'));
    expect(blocked).toBe(0);
    expect(transport.all().map((p) => p.channel)).toEqual(['test:T1:C2', 'test:T1:C2']);
  });

  it('a channel that is gone (404) pauses too', async () => {
    const { app, contentDir } = await setup();
    await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport().failNext({ ok: false, kind: 'not_found', detail: 'channel_not_found' });
    await scheduler(app, transport).runDue(at('2026-11-26T09:00:00Z'));
    const [sub] = await new SubscriptionStore(app.store).list(CHANNEL);
    expect(sub!.paused?.reason).toBe('the channel was not found (channel_not_found)');
    expect(await app.store.namespace(NS.deliveries).get(sub!.id)).toMatchObject({ state: 'failed' });
  });
});

describe('commands', () => {
  it('subscriptions lists next run and filter; unsubscribe removes; non-managers are refused', async () => {
    const { app } = await setup('weekly monday at 08:30 tz Europe/Berlin afghanistan');
    const list = await app.bot.handle({ kind: 'command', text: 'subscriptions', user: { id: 'U9', canManage: false }, channel: CHANNEL });
    expect(list.text).toMatch(/every Monday at 08:30 \(Europe\/Berlin\), releases matching “afghanistan”\. Next digest: Mon, 30 Nov 2026, 08:30\./);
    const refused = await app.bot.handle({ kind: 'command', text: 'unsubscribe', user: { id: 'U9', canManage: false }, channel: CHANNEL });
    expect(refused.text).toMatch(/only people who can manage this channel/);
    const bad = await app.bot.handle({ kind: 'command', text: 'subscribe daily at 9pm', user: { id: 'U1', canManage: true }, channel: CHANNEL });
    expect(bad.text).toMatch(/not a time of day.*`\/sco subscribe daily at 09:00`/);
    const done = await app.bot.handle({ kind: 'command', text: 'unsubscribe', user: { id: 'U1', canManage: true }, channel: CHANNEL });
    expect(done.text).toMatch(/^Unsubscribed `\w+`/);
    const empty = await app.bot.handle({ kind: 'command', text: 'subscriptions', user: { id: 'U9', canManage: false }, channel: CHANNEL });
    expect(empty.text).toMatch(/no digest subscriptions/);
  });

  it('digest preview shows what is pending; digest now posts it and moves the cursor', async () => {
    const { app, contentDir } = await setup();
    const id = await addAndRefresh(app, contentDir, 1, '2026-11-26T08:30:00Z');
    const transport = new FakeTransport();
    const s = scheduler(app, transport);
    at('2026-11-26T08:40:00Z');
    const preview = await app.bot.handle({ kind: 'command', text: 'digest preview', user: { id: 'U9', canManage: false }, channel: CHANNEL });
    expect(preview.visibility).toBe('private');
    expect(preview.text).toContain('Digest test release number 1');
    const now1 = await app.bot.handle({ kind: 'command', text: 'digest now', user: { id: 'U1', canManage: true }, channel: CHANNEL });
    expect(now1.text).toBe('Posted the digest in this channel.');
    expect(postedIds(transport)).toEqual([id]);
    // The 09:00 run has nothing new left to say.
    await s.runDue(at('2026-11-26T09:00:00Z'));
    expect(transport.all()).toHaveLength(1);
    const preview2 = await app.bot.handle({ kind: 'command', text: 'digest preview', user: { id: 'U9', canManage: false }, channel: CHANNEL });
    expect(plain(preview2.blocks.flatMap((b) => (b.type === 'text' ? b.text : [])))).toContain('Nothing new so far');
  });
});
