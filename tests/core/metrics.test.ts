import { describe, expect, it } from 'vitest';
import { textReply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { measuredTransport } from '../../src/ops/measured-transport.ts';
import { metricsFor } from '../../src/ops/metrics.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { stubApp } from '../helpers/metrics-stub-app.ts';

const request = (kind: Request['kind'], text: string): Request => ({
  kind,
  text,
  user: { id: 'U1', canManage: false },
  channel: 'console:local',
});

/** The value of one sample line of the Prometheus text, e.g. `sco_requests_total{kind="command",outcome="ok"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('metrics', () => {
  it('counts requests by kind and outcome and times lookups and answers', async () => {
    const app = stubApp();
    expect((await app.bot.handle(request('command', 'afghanistan'))).text).toBe('results for afghanistan');
    await app.bot.handle(request('command', 'search drugs'));
    await app.bot.handle(request('command', 'bad'));
    const sorry = await app.bot.handle(request('command', 'boom'));
    expect(sorry.text).toMatch(/^Sorry, something went wrong/);
    await app.bot.handle(request('mention', 'who is the secretary general?'));

    const text = await metricsFor(app).registry.metrics();
    expect(sample(text, 'sco_requests_total{kind="command",outcome="ok"}')).toBe(3);
    expect(sample(text, 'sco_requests_total{kind="command",outcome="error"}')).toBe(1);
    expect(sample(text, 'sco_requests_total{kind="mention",outcome="ok"}')).toBe(1);
    expect(sample(text, 'sco_lookup_duration_seconds_count')).toBe(2);
    expect(sample(text, 'sco_answer_duration_seconds_count')).toBe(1);
    expect(sample(text, 'sco_request_duration_seconds_count{kind="command"}')).toBe(4);
    expect(sample(text, 'sco_index_releases')).toBe(3);
  });

  it('counts the outcome the Bot reports, not what the reply says', async () => {
    const app = stubApp();
    const seen: string[] = [];
    app.bot.observe(({ request: r, outcome }) => seen.push(`${r.text}: ${outcome}`));
    await app.bot.handle(request('command', 'say Sorry, something went wrong on my side, said the minister'));
    await app.bot.handle(request('command', 'boom'));
    await app.bot.handle(request('command', 'bad'));
    expect(seen).toEqual(['say Sorry, something went wrong on my side, said the minister: ok', 'boom: error', 'bad: ok']);
    const text = await metricsFor(app).registry.metrics();
    expect(sample(text, 'sco_requests_total{kind="command",outcome="ok"}')).toBe(2);
    expect(sample(text, 'sco_requests_total{kind="command",outcome="error"}')).toBe(1);
  });

  it('counts refreshes and syncs with their changes and problems', async () => {
    const app = stubApp();
    await app.library.refresh();
    await app.library.ingest([{ id: 'x', source: 'sco-site', text: 'x' }]);
    const text = await metricsFor(app).registry.metrics();
    expect(sample(text, 'sco_syncs_total{source="content",result="ok"}')).toBe(1);
    expect(sample(text, 'sco_sync_releases_total{source="content",change="added"}')).toBe(2);
    expect(sample(text, 'sco_syncs_total{source="sco-site",result="problems"}')).toBe(1);
  });

  it('counts digest posts as posted, deferred or failed, and platform retries', async () => {
    const app = stubApp();
    const results: PostResult[] = [
      { ok: true, messageId: 'm1' },
      { ok: false, kind: 'rate_limited', retryAfterMs: 1000, detail: '429' },
      { ok: false, kind: 'transient', detail: '500' },
      { ok: false, kind: 'forbidden', detail: 'not_in_channel' },
    ];
    const fake: Transport = {
      platform: 'slack',
      limits: { itemsPerMessage: 10, charsPerMessage: 3000 },
      post: async () => results.shift()!,
      findPosted: async () => 'm1',
    };
    const t = measuredTransport(fake, app.metrics);
    expect(t.limits.itemsPerMessage).toBe(10);
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await t.post('slack:T1:C1', textReply('x'), { idempotencyKey: `k${i}` }));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, false]);
    expect(await t.findPosted?.('slack:T1:C1', 'k0')).toBe('m1');
    const text = await metricsFor(app).registry.metrics();
    expect(sample(text, 'sco_digests_total{platform="slack",outcome="posted"}')).toBe(1);
    expect(sample(text, 'sco_digests_total{platform="slack",outcome="deferred"}')).toBe(2);
    expect(sample(text, 'sco_digests_total{platform="slack",outcome="failed"}')).toBe(1);
    expect(sample(text, 'sco_platform_retries_total{platform="slack",kind="rate_limited"}')).toBe(1);
    expect(sample(text, 'sco_platform_retries_total{platform="slack",kind="transient"}')).toBe(1);
  });

  it('keeps one registry per app', async () => {
    const a = stubApp();
    const b = stubApp();
    await a.bot.handle(request('command', 'x'));
    expect(metricsFor(a)).toBe(metricsFor(a));
    expect(sample(await metricsFor(b).registry.metrics(), 'sco_requests_total{kind="command",outcome="ok"}')).toBeUndefined();
  });
});
