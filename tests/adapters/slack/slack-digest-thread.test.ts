import { afterAll, beforeAll, expect, it } from 'vitest';
import { THREAD_INVITE } from '../../../adapters/slack/open-thread.ts';
import { startScheduler, type Scheduler } from '../../../src/schedule/start-scheduler.ts';
import { SubscriptionStore } from '../../../src/subscriptions/subscription-store.ts';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import { postSigned, slashCommandForm } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';

let h: SlackHarness;
let scheduler: Scheduler;
beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'both' });
  h.fake.users.set('U1', { id: 'U1', name: 'ana', is_admin: true });
  scheduler = startScheduler(h.test.app, [h.slack.transport], { autoStart: false, sleep: async () => undefined });
});
afterAll(async () => {
  await scheduler?.stop();
  await h?.cleanup();
});

it('a Slack subscription with `thread` starts a thread under each digest, inviting the follow-ups', async () => {
  await postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand('subscribe hourly thread backfill 2', h.fake.responseUrl('t'))), { contentType: 'application/x-www-form-urlencoded' });
  expect(String((await h.fake.waitForResponse('t')).body.text)).toMatch(/Each digest opens a thread\./);
  const [sub] = await new SubscriptionStore(h.test.app.store).list('slack:T1:C1');
  expect(sub?.thread).toBe(true);
  expect(await scheduler.deliverNow(sub!)).toBe('posted');
  const posts = h.fake.callsOf('chat.postMessage');
  const digest = posts.find((c) => c.args.metadata)!;
  const reply = posts.find((c) => c.args.thread_ts)!;
  expect(reply.args.text).toBe(THREAD_INVITE);
  expect(posts.indexOf(digest)).toBeLessThan(posts.indexOf(reply));
  // The thread's root is the digest's first message, as Slack keeps it.
  const history = (await (await fetch(`${h.fake.apiUrl}conversations.history`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'C1', include_all_metadata: true }) })).json()) as { messages: { ts: string; metadata?: unknown }[] };
  const root = history.messages.filter((m) => m.metadata).at(-1)!;
  expect(reply.args.thread_ts).toBe(root.ts);
  expect(posts.filter((c) => c.args.thread_ts)).toHaveLength(1);
});
