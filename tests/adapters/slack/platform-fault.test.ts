import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackTransport } from '../../../adapters/slack/transport.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import type { PostResult, Transport } from '../../../src/ports/transport.ts';
import { startScheduler, type Scheduler } from '../../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../../src/subscriptions/subscription-store.ts';
import { FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { command, raw as fixtureRaw, SORRY } from '../../helpers/platform-fault-fixtures.ts';
import { makeTestApp, type TestApp } from '../../helpers/test-app.ts';

/**
 * The platform answers only 500s and 429s for a while. The bot must wait as told, keep
 * answering people, and deliver every digest once when the platform recovers.
 */

const raw = (id: string, words: string) => fixtureRaw(id, words, 'Bishkek');

/** A platform channel: stores messages by idempotency key; while `failing`, answers 429 and 500 in turn. */
class FlakyPlatform implements Transport {
  readonly platform = 'slack';
  readonly limits = { itemsPerMessage: 2, charsPerMessage: 3000 };
  failing = false;
  /** When set, the next failing answer is a 500 that comes after the message was stored (a lost response). */
  loseNextResponse = false;
  attempts = 0;
  readonly stored = new Map<string, { ids: string[]; messageId: string }>();
  private turn = 0;

  async post(_channel: string, reply: Reply, { idempotencyKey }: { idempotencyKey: string }): Promise<PostResult> {
    this.attempts++;
    const ids = reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : []));
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      this.stored.set(idempotencyKey, { ids, messageId: `m${this.stored.size + 1}` });
      return { ok: false, kind: 'transient', detail: 'HTTP 500 after the message was stored' };
    }
    if (this.failing) {
      return this.turn++ % 2 === 0
        ? { ok: false, kind: 'rate_limited', retryAfterMs: 30, detail: 'HTTP 429' }
        : { ok: false, kind: 'transient', detail: 'HTTP 500' };
    }
    const messageId = `m${this.stored.size + 1}`;
    if (this.stored.has(idempotencyKey)) throw new Error(`posted twice: ${idempotencyKey}`);
    this.stored.set(idempotencyKey, { ids, messageId });
    return { ok: true, messageId };
  }

  async findPosted(_channel: string, key: string): Promise<string | null> {
    return this.stored.get(key)?.messageId ?? null;
  }

  deliveredIds(): string[] {
    return [...this.stored.values()].flatMap((m) => m.ids);
  }
}

let now = new Date('2026-03-01T00:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};
let t: TestApp | undefined;
let scheduler: Scheduler | undefined;
let slack: FakeSlack | undefined;

afterEach(async () => {
  await scheduler?.stop();
  await t?.cleanup();
  await slack?.close();
  scheduler = undefined;
  t = undefined;
  slack = undefined;
});

async function appWithSubscription() {
  at('2026-02-28T00:00:00Z');
  const app = await makeTestApp({ corpus: 'both', clock: () => now });
  at('2026-03-01T00:00:00Z');
  await new SubscriptionStore(app.app.store).create({
    channel: 'slack:T1:C1',
    schedule: { kind: 'hourly', minute: 0, tz: 'UTC' },
    createdBy: 'U1',
    createdAt: now.toISOString(),
    cursor: now.toISOString(),
  });
  return app;
}

describe('platform answering 500s and 429s', () => {
  it('backs off as told, keeps answering lookups, then delivers every release once', async () => {
    t = await appWithSubscription();
    const platform = new FlakyPlatform();
    const sleeps: number[] = [];
    scheduler = startScheduler(t.app, [platform], {
      autoStart: false,
      backoffMs: 10,
      rateLimitRetries: 3,
      transientRetries: 2,
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
    });
    at('2026-03-01T00:10:00Z');
    await t.app.library.ingest([raw('site:2001', 'drug trafficking'), raw('site:2002', 'energy security'), raw('site:2003', 'public health')]);

    platform.failing = true;
    at('2026-03-01T01:00:30Z');
    const tick = scheduler.runDue();
    // People keep getting answers while the digest waits on the platform.
    const started = performance.now();
    const reply = await t.app.bot.handle(command('afghanistan'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(reply.text).not.toMatch(SORRY);
    expect(JSON.stringify(reply.blocks)).toMatch(/Afghan/i);
    await tick;
    expect(platform.stored.size).toBe(0);
    // Bounded: a few tries per tick, each 429 waited out for its retry-after, 500s backed off.
    expect(platform.attempts).toBeGreaterThan(1);
    expect(platform.attempts).toBeLessThanOrEqual(1 + 3 + 2);
    expect(sleeps.filter((ms) => ms === 30).length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms >= 10)).toBe(true);

    // Still failing at the next hour, and a release arrives meanwhile.
    at('2026-03-01T01:30:00Z');
    await t.app.library.ingest([raw('site:2004', 'transport connectivity')]);
    at('2026-03-01T02:00:30Z');
    await scheduler.runDue();
    expect(platform.stored.size).toBe(0);

    // Recovery, with one lost response on the way: the platform stored a part but answered 500.
    platform.failing = false;
    platform.loseNextResponse = true;
    at('2026-03-01T03:00:30Z');
    await scheduler.runDue();
    await scheduler.runDue();
    at('2026-03-01T04:00:30Z');
    await scheduler.runDue();
    const ids = platform.deliveredIds();
    expect(ids.filter((id) => id.startsWith('site:')).sort()).toEqual(['site:2001', 'site:2002', 'site:2003', 'site:2004']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('through the Slack Web API fake: 500s and 429s, then one message per digest part', async () => {
    slack = await FakeSlack.start();
    t = await appWithSubscription();
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 1, factor: 1, minTimeout: 5, maxTimeout: 10 },
      logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as never, setName() {} } as never,
    });
    const transport = new SlackTransport({ client, logger: silentLogger(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) });
    scheduler = startScheduler(t.app, [transport], { autoStart: false, backoffMs: 5, rateLimitRetries: 2, transientRetries: 1, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) });
    at('2026-03-01T00:10:00Z');
    await t.app.library.ingest([raw('site:3001', 'drug trafficking'), raw('site:3002', 'energy security')]);

    for (let i = 0; i < 6; i++) {
      slack.failNext('chat.postMessage', { status: 500 });
      slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    }
    at('2026-03-01T01:00:30Z');
    await scheduler.runDue();
    at('2026-03-01T02:00:30Z');
    await scheduler.runDue();
    at('2026-03-01T03:00:30Z');
    await scheduler.runDue();
    at('2026-03-01T04:00:30Z');
    await scheduler.runDue();

    const history = (await (await fetch(`${slack.apiUrl}conversations.history?channel=C1&include_all_metadata=true`)).json()) as {
      messages: { text: string; metadata?: { event_payload?: { delivery?: string; part?: number } } }[];
    };
    const digestMessages = history.messages.filter((m) => m.metadata?.event_payload?.delivery);
    expect(digestMessages.length).toBeGreaterThan(0);
    const parts = digestMessages.map((m) => `${m.metadata!.event_payload!.delivery}#${m.metadata!.event_payload!.part}`);
    expect(new Set(parts).size).toBe(parts.length);
    // Each release reached the channel once, after failed attempts the platform refused.
    const text = digestMessages.map((m) => m.text).join('\n');
    for (const title of ['Secretary-General on drug trafficking', 'Secretary-General on energy security']) {
      expect(text.split(title).length - 1, title).toBe(1);
    }
    expect(slack.callsOf('chat.postMessage').length).toBeGreaterThan(digestMessages.length);
  });
});
