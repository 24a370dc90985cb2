import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../adapters/compose.ts';
import type { Transport } from '../../src/ports/transport.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { startHarness as startDiscordHarness, visibleText } from '../fakes/discord/discord-harness.ts';
import { startHarness as startSlackHarness } from '../fakes/slack/slack-harness.ts';
import { raw } from '../helpers/platform-fault-fixtures.ts';

/**
 * One channel's post is never answered (the platform accepted the connection and went quiet).
 * The other channels' digests must go out on time all the same, and the hung channel gets its
 * digest, once, when the platform answers again. The delay the hang causes the other channel is
 * printed (`npx vitest run tests/adapters/platform-fault-hung.test.ts`).
 */

let now = new Date('2026-03-01T00:00:00Z');
const clock = () => now;
const at = (iso: string) => {
  now = new Date(iso);
};

/** A platform behind the real adapter and its fake, with one channel that can be made to hang. */
interface Platform {
  app: App;
  transport: Transport;
  hungKey: string;
  otherKey: string;
  hang(): void;
  unhang(): void;
  /** What people can read of each digest message in a channel. */
  digests(key: string): string[];
  close(): Promise<void>;
}

const API_TIMEOUT_MS = 800;

async function slackPlatform(): Promise<Platform> {
  const h = await startSlackHarness({ mode: 'http', corpus: 'none', clock, slack: { apiTimeoutMs: API_TIMEOUT_MS } });
  return {
    app: h.test.app,
    transport: h.slack.transport,
    hungKey: 'slack:T1:C1',
    otherKey: 'slack:T1:C2',
    hang: () => h.fake.hang('chat.postMessage', (args) => args.channel === 'C1'),
    unhang: () => h.fake.unhang(),
    digests: (key) =>
      h.fake
        .messagesIn(key.split(':')[2]!)
        .filter((m) => m.metadata)
        .map((m) => m.text),
    close: () => h.cleanup(),
  };
}

async function discordPlatform(): Promise<Platform> {
  const h = await startDiscordHarness({ corpus: 'none', clock, discord: { apiTimeoutMs: API_TIMEOUT_MS } });
  const { general, thread } = h.fake.channels;
  return {
    app: h.test.app,
    transport: h.discord.transport,
    hungKey: h.key(general),
    otherKey: h.key(thread),
    hang: () => h.fake.failNext({ method: 'POST', path: new RegExp(`^/channels/${general}/messages$`) }, { status: 0, hang: true }, 1000),
    unhang: () => h.fake.clearFailures(),
    digests: (key) => (h.fake.posted.get(key.split(':')[2]!) ?? []).map((m) => visibleText(m)),
    close: () => h.close(),
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const count = (texts: string[], title: string) => texts.join('\n').split(title).length - 1;

let platform: Platform | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  platform?.unhang();
  await scheduler?.stop();
  await platform?.close();
  platform = undefined;
  scheduler = undefined;
});

describe.each([
  ['Slack', slackPlatform],
  ['Discord', discordPlatform],
])('%s: a post that is never answered', (name, start) => {
  it('delays no other channel beyond the next tick, and posts the hung digest once later', async () => {
    at('2026-03-01T00:00:00Z');
    platform = await start();
    const subs = new SubscriptionStore(platform.app.store);
    for (const channel of [platform.hungKey, platform.otherKey]) {
      await subs.create({ channel, schedule: { kind: 'hourly', minute: 0, tz: 'UTC' }, createdBy: 'U1', createdAt: now.toISOString(), cursor: now.toISOString() });
    }
    at('2026-03-01T00:10:00Z');
    await platform.app.library.ingest([raw('site:5001', 'drug trafficking', 'Bishkek')]);
    platform.hang();
    // The real node-cron tick, every second here (every minute in the bot).
    scheduler = startScheduler(platform.app, [platform.transport], { tick: '* * * * * *', backoffMs: 20, transientRetries: 1 });

    at('2026-03-01T01:00:30Z');
    const p = platform;
    await until(() => p.digests(p.otherKey).length === 1, 5000, 'the first digest of the other channel');

    // The next hour: the hung post is still unanswered when the other channel's digest falls due.
    at('2026-03-01T01:30:00Z');
    await p.app.library.ingest([raw('site:5002', 'energy security', 'Bishkek')]);
    at('2026-03-01T02:00:30Z');
    const dueAt = performance.now();
    await until(() => p.digests(p.otherKey).length === 2, 20_000, 'the second digest of the other channel');
    const delayMs = Math.round(performance.now() - dueAt);
    console.info(`${name}: the other channel's digest went out ${delayMs} ms after it fell due, while one post hung`);
    expect(delayMs).toBeLessThan(3000);
    expect(p.digests(p.hungKey)).toHaveLength(0);

    // The platform answers again: the hung channel gets both releases, each once.
    p.unhang();
    await until(() => count(p.digests(p.hungKey), 'energy security') > 0, 10_000, 'the hung channel to catch up');
    const hung = p.digests(p.hungKey);
    expect(count(hung, 'Secretary-General on drug trafficking')).toBe(1);
    expect(count(hung, 'Secretary-General on energy security')).toBe(1);
    expect(count(p.digests(p.otherKey), 'Secretary-General on drug trafficking')).toBe(1);
  }, 60_000);
});
