import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockAction, directMessage, slashCommand } from '../../fakes/slack/payloads.ts';
import { startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';

const SEED_TITLE = 'SCO Secretariat delegation led by Vladimir Norov attends 56th Munich Security Conference';

let h: SlackHarness;

beforeAll(async () => {
  h = await startHarness({ mode: 'socket', corpus: 'seed' });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('Slack over Socket Mode (real Bolt, fake Slack)', () => {
  it('connects through apps.connections.open with the app token and reports connected', () => {
    const open = h.fake.callsOf('apps.connections.open')[0];
    expect(open?.token).toBe('xapp-test');
    expect(h.slack.status()).toBe('connected');
  });

  it('acks a `/sco afghanistan` envelope and answers with the seed release', async () => {
    const ack = (await h.fake.sendEnvelope('slash_commands', slashCommand('afghanistan', h.fake.responseUrl('s-cmd')))) as { envelope_id: string };
    expect(ack.envelope_id).toMatch(/^env-/);
    const { body } = await h.fake.waitForResponse('s-cmd');
    const json = JSON.stringify(body.blocks);
    expect(body.response_type).toBe('ephemeral');
    expect(json).toContain(SEED_TITLE);
    expect(json).toContain('2020-02-16');
    expect(json).toContain('*Afghanistan*');
  });

  it('answers a mention in a thread with its citation', async () => {
    const ts = '1700000900.000900';
    const parent = '1700000800.000800';
    await h.fake.sendEnvelope('events_api', appMention('<@UBOT> what percentage of the world population do SCO countries have?', ts, { thread_ts: parent }));
    const hasAsk = !!h.test.app.registry.find('ask');
    const post = await h.fake.waitForCall(hasAsk ? 'chat.postMessage' : 'chat.postEphemeral', (c) => c.args.channel === 'C1', 20_000);
    // Asked inside a thread: the answer joins that thread.
    expect(post.args.thread_ts).toBe(parent);
    const json = JSON.stringify(post.args.blocks);
    expect(json).toContain(SEED_TITLE);
    if (hasAsk) {
      // The answer, the quoted sentence and its numbered citation with the date.
      expect(json).toContain('44 percent');
      expect(json).toMatch(/>Vladimir Norov noted/);
      expect(json).toContain(`[1] ${SEED_TITLE} (2020-02-16)`);
    }
    await h.fake.waitForCall('reactions.remove', (c) => c.args.timestamp === ts);

    // 👍 under the answer is recorded in the store and thanked privately.
    const up = (post.args.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements).find((e: any) => e.action_id === 'feedback.up');
    expect(up).toBeTruthy();
    await h.fake.sendEnvelope('interactive', blockAction('feedback.up', up.value, h.fake.responseUrl('s-up'), { message: { ts: '1700000901.000901', thread_ts: parent } }));
    const thanks = (await h.fake.waitForResponse('s-up')).body;
    expect(thanks.response_type).toBe('ephemeral');
    expect(thanks.replace_original).toBe(false);
    expect(String(thanks.text)).toMatch(/thanks/i);
    expect((await h.test.app.store.namespace('feedback').keys()).some((k) => k.startsWith('v:'))).toBe(true);
  }, 30_000);

  it('answers a redelivered event only once', async () => {
    const ts = '1700001050.001050';
    const event = directMessage('topics', ts);
    await h.fake.sendEnvelope('events_api', event);
    await h.fake.sendEnvelope('events_api', event);
    await h.fake.waitForCall('reactions.remove', (c) => c.args.timestamp === ts);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  it('answers a direct message in a thread under it, never as an ephemeral', async () => {
    const ts = '1700001000.001000';
    await h.fake.sendEnvelope('events_api', directMessage('latest', ts));
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D1' && c.args.thread_ts === ts);
    expect(post.args.thread_ts).toBe(ts);
    expect(JSON.stringify(post.args.blocks)).toContain(SEED_TITLE);
  });

  it('shares results to the channel from a button', async () => {
    await h.fake.sendEnvelope('slash_commands', slashCommand('munich', h.fake.responseUrl('s-munich')));
    const first = (await h.fake.waitForResponse('s-munich')).body;
    const share = (first.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements).find((e: any) => e.action_id === 'results.share');
    expect(share).toBeTruthy();
    await h.fake.sendEnvelope('interactive', blockAction('results.share', share.value, h.fake.responseUrl('s-share')));
    const shared = (await h.fake.waitForResponse('s-share')).body;
    expect(shared.response_type).toBe('in_channel');
    expect(JSON.stringify(shared.blocks)).toContain(SEED_TITLE);
  });

  it('tells the person what to do when Slack says the bot is not in the channel', async () => {
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const ts = '1700001100.001100';
    await h.fake.sendEnvelope('events_api', directMessage('latest', ts));
    const sorry = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts && typeof c.args.text === 'string' && !c.args.blocks);
    expect(String(sorry.args.text)).toMatch(/invite/i);
  });

  it('stops cleanly: status goes down and the socket closes', async () => {
    await h.slack.stop();
    expect(h.slack.status()).toBe('down');
    await h.fake.until(() => !h.fake.hasSocket(), 3000, 'the socket to close');
  });
});
