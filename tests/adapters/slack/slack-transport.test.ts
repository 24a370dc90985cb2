import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessages } from '../../../adapters/slack/render/reply.ts';
import type { DigestItem, Reply } from '../../../src/bot/reply.ts';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import type { Release } from '../../../src/releases/release.ts';
import { startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'none' });
});
afterAll(async () => {
  await h?.cleanup();
});

function digest(n: number): Reply {
  const items: DigestItem[] = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    title: `Release number ${i} on <!here> security`,
    date: '2021-06-15',
    url: `https://eng.sectsco.org/20210615/${800000 + i}.html`,
    summary: `Summary ${i}. `.repeat(60),
  }));
  return { blocks: [{ type: 'heading', text: `${n} new SCO releases` }, { type: 'digest', items }], text: `${n} new SCO releases`, visibility: 'channel' };
}

describe('Slack transport (digests through chat.postMessage)', () => {
  it('serves slack channels and tells the scheduler how much fits a message', () => {
    expect(h.slack.transport.platform).toBe('slack');
    expect(h.slack.transport.limits.itemsPerMessage).toBeGreaterThan(0);
  });

  it('posts a digest with message metadata carrying the delivery id, and finds it again', async () => {
    const result = await h.slack.transport.post('slack:T1:C100', digest(3), { idempotencyKey: 'delivery-1' });
    expect(result.ok).toBe(true);
    const call = h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C100')!;
    expect(call.token).toBe('xoxb-test');
    expect(call.args.metadata).toEqual({ event_type: 'sco_digest', event_payload: { delivery: 'delivery-1', part: 1, parts: 1 } });
    const json = JSON.stringify(call.args.blocks);
    expect(json).toContain('Release number 2');
    expect(json).not.toContain('<!here>');
    expect(call.args.text).toBe('3 new SCO releases');

    const found = await h.slack.transport.findPosted!('slack:T1:C100', 'delivery-1');
    expect(found).toBe(result.ok ? result.messageId : 'x');
    expect(await h.slack.transport.findPosted!('slack:T1:C100', 'delivery-2')).toBeNull();
    const history = h.fake.callsOf('conversations.history').at(-1)!;
    expect(String(history.args.include_all_metadata)).toBe('true');
  });

  it('splits a 30-release digest into messages within the limits, all marked with the delivery', async () => {
    const result = await h.slack.transport.post('slack:T1:C300', digest(30), { idempotencyKey: 'delivery-30' });
    expect(result.ok).toBe(true);
    const calls = h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C300');
    expect(calls.length).toBeGreaterThanOrEqual(1);
    let sections = 0;
    for (const c of calls) {
      const blocks = c.args.blocks as { type: string; text?: { text: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3000);
      sections += blocks.filter((b) => b.type === 'section').length;
      expect((c.args.metadata as any).event_payload.delivery).toBe('delivery-30');
    }
    expect(sections).toBe(30);
    expect(await h.slack.transport.findPosted!('slack:T1:C300', 'delivery-30')).toBe(result.ok ? result.messageId : 'x');
  });

  it("fits each message the digest builder makes for Slack's limits into one Slack message", () => {
    const releases: Release[] = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      title: `SCO Secretary-General meets the ambassador of a member state to discuss cooperation number ${i}`,
      date: `2021-06-${String((i % 28) + 1).padStart(2, '0')}`,
      url: `https://eng.sectsco.org/20210615/${900000 + i}.html`,
      source: 'content',
      body: '',
      topics: [],
      summary: [`The sides discussed ${'regional security and economic cooperation '.repeat(8)}.`, `They agreed ${'to continue the dialogue '.repeat(10)}.`],
      hash: String(i),
    }));
    const replies = buildDigest({ releases, period: { since: '2021-06-01T00:00:00Z', until: '2021-07-01T00:00:00Z' }, limits: h.slack.transport.limits, tz: 'UTC' });
    expect(replies.length).toBeGreaterThan(1);
    let items = 0;
    for (const reply of replies) {
      const messages = renderMessages(reply);
      expect(messages.length).toBe(1);
      expect(messages[0]!.blocks.length).toBeLessThanOrEqual(50);
      items += messages[0]!.blocks.filter((b) => b.type === 'section').length;
    }
    expect(items).toBe(30);
  });

  it('waits out a 429 with Retry-After and then posts', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await h.slack.transport.post('slack:T1:C429', digest(1), { idempotencyKey: 'delivery-429' });
    expect(result.ok).toBe(true);
    const calls = h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C429');
    expect(calls.length).toBe(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('hands a long rate limit back to the scheduler instead of blocking', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    const result = await h.slack.transport.post('slack:T1:C430', digest(1), { idempotencyKey: 'delivery-430' });
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited', retryAfterMs: 120_000 });
  });

  it('classifies Slack errors with a message that says what to do', async () => {
    const post = () => h.slack.transport.post('slack:T1:C500', digest(1), { idempotencyKey: 'delivery-err' });
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const notIn = await post();
    expect(notIn).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(!notIn.ok && notIn.detail).toMatch(/invite/i);

    h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    expect(await post()).toMatchObject({ ok: false, kind: 'not_found' });

    h.fake.failNext('chat.postMessage', { error: 'missing_scope', needed: 'chat:write' });
    const scope = await post();
    expect(scope).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(!scope.ok && scope.detail).toContain('chat:write');

    h.fake.failNext('chat.postMessage', { status: 503 });
    expect(await post()).toMatchObject({ ok: false, kind: 'transient' });

    expect(await h.slack.transport.post('discord:G1:C1', digest(1), { idempotencyKey: 'x' })).toMatchObject({ ok: false, kind: 'not_found' });
  });
});
