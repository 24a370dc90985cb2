import { afterEach, describe, expect, it } from 'vitest';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { addRelease } from '../fixtures/digest/releases.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

// An interrupted digest is finished by asking the platform what already went out. When the
// channel's history cannot be read (a missing permission), it must neither post blind (a part
// twice) nor retry in silence forever: it pauses with the reason, and resuming finishes it.
const CHANNEL = 'test:T1:C1';
const ada = { id: 'U1', name: 'Ada', canManage: true };
let now = new Date('2026-11-26T08:00:00Z');
const at = (iso: string) => (now = new Date(iso));
const open: { t?: TestApp; s?: Scheduler } = {};

afterEach(async () => {
  await open.s?.stop();
  await open.t?.cleanup();
});

describe('an interrupted digest whose channel history cannot be read', () => {
  it('pauses after three ticks with the reason, then posts once when resumed', async () => {
    const t = await makeTestApp({ corpus: 'seed', clock: () => now });
    open.t = t;
    const handle = (text: string) => t.app.bot.handle({ kind: 'command', text, user: ada, channel: CHANNEL });
    at('2026-11-26T08:01:00Z');
    await handle('subscribe daily at 09:00 tz UTC');
    at('2026-11-26T08:30:00Z');
    const id = addRelease(t.contentDir, 1);
    await t.app.library.refresh();

    const transport = new FakeTransport().failNext({ ok: false, kind: 'transient', detail: 'socket hang up' });
    let readable = false;
    const find = transport.findPosted!;
    transport.findPosted = async (channel, key) => {
      if (!readable) throw new Error('missing_scope: channels:history');
      return find(channel, key);
    };
    const s = startScheduler(t.app, [transport], { autoStart: false, sleep: async () => undefined, transientRetries: 1 });
    open.s = s;

    await s.runDue(at('2026-11-26T09:00:00Z'));
    await s.runDue(at('2026-11-26T09:01:00Z'));
    await s.runDue(at('2026-11-26T09:02:00Z'));
    expect(transport.all()).toHaveLength(0);
    expect((await handle('subscriptions')).text).not.toMatch(/Paused/);
    await s.runDue(at('2026-11-26T09:03:00Z'));
    expect(transport.all()).toHaveLength(0);
    expect((await handle('subscriptions')).text).toMatch(/Paused since .*: I could not read this channel's history to check what the interrupted digest already posted \(missing_scope: channels:history\)/);

    // Paused: later ticks leave it alone.
    await s.runDue(at('2026-11-26T09:10:00Z'));
    expect(transport.all()).toHaveLength(0);

    readable = true;
    await handle('resume');
    await s.runDue(at('2026-11-26T09:11:00Z'));
    await s.runDue(at('2026-11-26T09:12:00Z'));
    const posted = transport.all().flatMap((p) => p.reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : [])));
    expect(posted).toEqual([id]);
  });
});
