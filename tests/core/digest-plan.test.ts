import { afterEach, describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../src/bot/reply.ts';
import { planDigest } from '../../src/digest/plan-digest.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const CHANNEL = 'test:T1:C1';
const SEED = '000_9851d8e3c5c57f74';
let now = new Date('2026-11-26T08:00:00Z');
const clock = () => now;
const open: { t?: TestApp; s?: Scheduler } = {};

afterEach(async () => {
  await open.s?.stop();
  await open.t?.cleanup();
  open.s = undefined;
  open.t = undefined;
});

const user = { id: 'U1', name: 'Ada', canManage: true };
const ask = (t: TestApp, text: string) => t.app.bot.handle({ kind: 'command', text, user, channel: CHANNEL });
const listed = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : []));
const contextText = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'context' ? [b.text.map((p) => (typeof p === 'string' ? p : p.text)).join('')] : [])).join('\n');

describe('the preview is what digest now posts', () => {
  it('after subscribe daily backfill 1, the preview lists the backfilled release as digest now does', async () => {
    now = new Date('2026-11-26T08:00:00Z');
    const t = await makeTestApp({ corpus: 'seed', clock });
    open.t = t;
    now = new Date('2026-11-26T08:01:00Z');
    expect((await ask(t, 'subscribe daily backfill 1')).text).toMatch(/subscribed this channel/);
    now = new Date('2026-11-26T08:02:00Z');

    const preview = await ask(t, 'digest preview');
    // The seed release (2020) is far older than the period: listed only because it was asked for.
    expect(listed(preview.blocks)).toEqual([SEED]);
    expect(contextText(preview.blocks)).not.toMatch(/older release/);

    const transport = new FakeTransport();
    open.s = startScheduler(t.app, [transport], { autoStart: false, sleep: async () => undefined });
    expect((await ask(t, 'digest now')).text).toBe('Posted the digest in this channel.');
    const posted: Reply[] = transport.all().map((p) => p.reply);
    expect(posted.flatMap((r) => listed(r.blocks))).toEqual([SEED]);
    // Same heading, same items: one plan, one renderer.
    expect(posted[0]!.blocks.find((b) => b.type === 'heading')).toEqual(preview.blocks.find((b) => b.type === 'heading'));
  });

  it('digest now reaches the scheduler through the app, and says so when none runs here', async () => {
    now = new Date('2026-11-26T08:00:00Z');
    const t = await makeTestApp({ corpus: 'seed', clock });
    open.t = t;
    await ask(t, 'subscribe daily');
    expect((await ask(t, 'digest now')).text).toMatch(/not being delivered from here/);
    const s = startScheduler(t.app, [new FakeTransport()], { autoStart: false });
    expect((await ask(t, 'digest now')).text).toBe('Nothing new since the last digest, so nothing was posted.');
    await s.stop();
    expect((await ask(t, 'digest now')).text).toMatch(/not being delivered from here/);
  });
});

describe('planDigest', () => {
  const sub = { schedule: { kind: 'daily' as const, at: '09:00', tz: 'UTC' } };
  const seen = [{ id: 'a' }, { id: 'b' }];
  const library = {
    seenSince: (since: string, o?: { until?: string; filter?: string }) => {
      calls.push({ since, ...o });
      return seen as never;
    },
    get: () => null,
  };
  const calls: unknown[] = [];

  it('is due at the schedule slot, holds the backfill first and nothing twice', () => {
    const cursor = { since: '2026-11-25T09:00:00.000Z', slot: '2026-11-25T09:00:00.000Z', extra: ['b', 'old'] };
    expect(planDigest(sub, cursor, library, new Date('2026-11-26T08:59:00Z'))).toBeNull();
    const plan = planDigest(sub, cursor, library, new Date('2026-11-26T09:00:30Z'));
    expect(plan).toEqual({
      since: '2026-11-25T09:00:00.000Z',
      until: '2026-11-26T09:00:00.000Z',
      slot: '2026-11-26T09:00:00.000Z',
      releaseIds: ['b', 'old', 'a'],
      backfill: ['b', 'old'],
    });
    expect(calls.at(-1)).toEqual({ since: '2026-11-25T09:00:00.000Z', until: '2026-11-26T09:00:00.000Z' });
  });

  it('immediate: everything up to now, out of schedule', () => {
    const plan = planDigest({ ...sub, filter: 'drugs' }, { since: '2026-11-26T00:00:00.000Z', slot: '2026-11-26T00:00:00.000Z' }, library, new Date('2026-11-26T03:00:00Z'), true);
    expect(plan).toMatchObject({ until: '2026-11-26T03:00:00.000Z', slot: null, releaseIds: ['a', 'b'] });
    expect(plan).not.toHaveProperty('backfill');
    expect(calls.at(-1)).toEqual({ since: '2026-11-26T00:00:00.000Z', until: '2026-11-26T03:00:00.000Z', filter: 'drugs' });
  });
});
