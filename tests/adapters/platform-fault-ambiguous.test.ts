import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../adapters/compose.ts';
import { NS } from '../../src/ports/store.ts';
import type { DeliveryRecord } from '../../src/schedule/deliver.ts';
import { startScheduler, type Scheduler } from '../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { startHarness as startDiscordHarness, visibleText, type Harness as DiscordHarness } from '../fakes/discord/discord-harness.ts';
import { startHarness as startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.ts';
import { raw } from '../helpers/platform-fault-fixtures.ts';

/**
 * The platform stores the digest and then the bot sees a failure: a 500, or the connection
 * reset. A retry must not post a second copy: the bot asks the platform first.
 */

let now = new Date('2026-03-01T00:00:00Z');
const clock = () => now;
const at = (iso: string) => {
  now = new Date(iso);
};

let slack: SlackHarness | undefined;
let discord: DiscordHarness | undefined;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  await slack?.cleanup();
  await discord?.close();
  slack = undefined;
  discord = undefined;
  scheduler = undefined;
});

async function subscribeWithRelease(app: App, channel: string): Promise<string> {
  const sub = await new SubscriptionStore(app.store).create({
    channel,
    schedule: { kind: 'hourly', minute: 0, tz: 'UTC' },
    createdBy: 'U1',
    createdAt: now.toISOString(),
    cursor: now.toISOString(),
  });
  at('2026-03-01T00:10:00Z');
  await app.library.ingest([raw('site:6001', 'drug trafficking', 'Bishkek')]);
  return sub.id;
}

const TITLE = 'Secretary-General on drug trafficking';
const copies = (texts: string[]) => texts.join('\n').split(TITLE).length - 1;

describe('Slack stores the digest, then the answer is lost', () => {
  it.each([
    ['a 500', { applied: true as const, status: 500 }],
    ['a connection reset', { applied: true as const, reset: true as const }],
  ])('after %s, one copy in the channel and the delivery done', async (_what, failure) => {
    at('2026-03-01T00:00:00Z');
    slack = await startSlackHarness({ mode: 'http', corpus: 'none', clock });
    const subId = await subscribeWithRelease(slack.test.app, 'slack:T1:C1');
    slack.fake.failNext('chat.postMessage', failure);
    scheduler = startScheduler(slack.test.app, [slack.slack.transport], { autoStart: false, backoffMs: 5 });

    at('2026-03-01T01:00:30Z');
    await scheduler.runDue();
    await scheduler.runDue();
    const texts = slack.fake.messagesIn('C1').map((m) => m.text);
    expect(copies(texts)).toBe(1);
    expect(slack.fake.callsOf('chat.postMessage')).toHaveLength(1);
    const record = await slack.test.app.store.namespace<DeliveryRecord>(NS.deliveries).get(subId);
    expect(record).toMatchObject({ state: 'done', posted: [slack.fake.messagesIn('C1')[0]!.ts] });
  });
});

describe('Discord stores the digest, then the answer is lost', () => {
  it.each([
    ['a 500', { status: 500, applied: true }],
    ['a connection reset', { status: 0, applied: true, reset: true }],
  ])('after %s and past the nonce window, one copy in the channel', async (_what, failure) => {
    at('2026-03-01T00:00:00Z');
    discord = await startDiscordHarness({ corpus: 'none', clock });
    const { fake } = discord;
    const general = fake.channels.general;
    await subscribeWithRelease(discord.test.app, discord.key(general));
    // discord.js retries itself (same nonce: Discord answers with the stored message); every
    // answer it gets is lost too.
    fake.failNext({ method: 'POST', path: new RegExp(`^/channels/${general}/messages$`) }, failure, 4);
    scheduler = startScheduler(discord.test.app, [discord.discord.transport], {
      autoStart: false,
      backoffMs: 5,
      // The retry comes after Discord forgot the nonce (it keeps them a few minutes).
      sleep: async () => fake.forgetNonces(),
    });

    at('2026-03-01T01:00:30Z');
    await scheduler.runDue();
    await scheduler.runDue();
    const texts = (fake.posted.get(general) ?? []).map((m) => visibleText(m));
    expect(copies(texts)).toBe(1);
  });
});
