import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSubscribe } from '../../../src/subscriptions/parse-subscribe.ts';
import { startScheduler, type Scheduler } from '../../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../../src/subscriptions/subscription-store.ts';
import { PERMISSIONS } from '../../fakes/discord/fake-discord.ts';
import { bodyOf, messageOf, startHarness, visibleText, type Harness } from '../../fakes/discord/discord-harness.ts';

let h: Harness;
let scheduler: Scheduler;
beforeAll(async () => {
  h = await startHarness({ corpus: 'both' });
  scheduler = startScheduler(h.test.app, [h.discord.transport], { autoStart: false, sleep: async () => undefined });
});
afterAll(async () => {
  await scheduler?.stop();
  await h?.close();
});

async function subscribe(options: Record<string, string | number>) {
  const { token } = h.fake.slash('subscribe', options, { permissions: PERMISSIONS.manager });
  const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
  return visibleText(messageOf(call));
}

describe('Discord digest threads (`thread` option)', () => {
  it('parses `thread` as an option, before the topic', () => {
    expect(parseSubscribe('daily thread afghanistan', 'UTC')).toMatchObject({ thread: true, filter: 'afghanistan' });
    expect(parseSubscribe('daily afghanistan thread', 'UTC').thread).toBeUndefined();
  });

  it('/sco subscribe thread:thread makes each digest open a thread named after it', async () => {
    const confirmation = await subscribe({ schedule: 'daily', thread: 'thread', backfill: 2, topic: 'afghanistan' });
    expect(confirmation).toMatch(/Each digest opens a thread\./);
    const [sub] = await new SubscriptionStore(h.test.app.store).list(h.key(h.fake.channels.general));
    expect(sub?.thread).toBe(true);
    expect(sub?.filter).toBe('afghanistan');

    expect(await scheduler.deliverNow(sub!)).toBe('posted');
    const digest = h.fake.posted.get(h.fake.channels.general)![0]!;
    expect(h.fake.threads).toHaveLength(1);
    const thread = h.fake.threads[0]!;
    expect(thread.channelId).toBe(h.fake.channels.general);
    expect(thread.messageId).toBe(digest.id);
    expect(thread.name.length).toBeGreaterThan(0);
    expect(thread.name.length).toBeLessThanOrEqual(100);
    expect(visibleText(digest)).toContain(thread.name);
    // After the digest itself, never before it.
    const post = h.fake.calls.findIndex((c) => c.method === 'POST' && c.path === `/channels/${h.fake.channels.general}/messages`);
    const open = h.fake.calls.findIndex((c) => c.path.endsWith(`/messages/${digest.id}/threads`));
    expect(post).toBeLessThan(open);
    expect(bodyOf(h.fake.calls[open]!).auto_archive_duration).toBe(1440);
  });

  it('a subscription without `thread` opens none', async () => {
    await subscribe({ schedule: 'hourly', backfill: 1 });
    const subs = await new SubscriptionStore(h.test.app.store).list(h.key(h.fake.channels.general));
    const plain = subs.find((s) => !s.thread)!;
    const before = h.fake.threads.length;
    expect(await scheduler.deliverNow(plain)).toBe('posted');
    expect(h.fake.threads.length).toBe(before);
  });

  it('a thread Discord refuses does not undo the digest', async () => {
    await subscribe({ schedule: 'weekly monday', thread: 'thread', backfill: 1 });
    const store = new SubscriptionStore(h.test.app.store);
    const sub = (await store.list(h.key(h.fake.channels.general))).find((s) => s.thread && s.schedule.kind === 'weekly');
    h.fake.failNext({ method: 'POST', path: /\/threads$/ }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const before = h.fake.threads.length;
    expect(await scheduler.deliverNow(sub!)).toBe('posted');
    expect(h.fake.threads.length).toBe(before);
    expect((await store.get(sub!.id))?.paused).toBeUndefined();
  });
});
