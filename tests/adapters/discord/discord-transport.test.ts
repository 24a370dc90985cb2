import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.ts';
import { nonceFor } from '../../../adapters/discord/transport.ts';
import { bodyOf, startHarness, visibleText, type Harness } from '../../fakes/discord/discord-harness.ts';

let h: Harness;
let general: string;
beforeAll(async () => {
  h = await startHarness({ corpus: 'none' });
  general = h.key(h.fake.channels.general);
});
afterAll(async () => {
  await h.close();
});

function digest(n: number, title = 'New SCO releases'): Reply {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Release ${i} on @everyone and <@&123>`,
    date: '2024-07-0' + ((i % 9) + 1),
    url: `https://eng.sectsco.org/20240704/${1000 + i}.html`,
    summary: `Summary ${i}: ${'words '.repeat(40)}`,
  }));
  return { blocks: [{ type: 'heading', text: title }, { type: 'digest', items }], text: title, visibility: 'channel' };
}

const channelPosts = (channelId: string) => h.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);

describe('Discord transport', () => {
  it('posts a digest with an enforced nonce, and a repeat of the same key does not post twice', async () => {
    const before = h.fake.posted.get(h.fake.channels.general)?.length ?? 0;
    const first = await h.discord.transport.post(general, digest(3), { idempotencyKey: 'digest:sub1:2024-07-04T09:00' });
    const again = await h.discord.transport.post(general, digest(3), { idempotencyKey: 'digest:sub1:2024-07-04T09:00' });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(h.fake.posted.get(h.fake.channels.general)!.length).toBe(before + 1);

    const body = bodyOf(channelPosts(h.fake.channels.general).at(-1)!);
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toBe(nonceFor('digest:sub1:2024-07-04T09:00'));
    expect(body.nonce.length).toBeLessThanOrEqual(25);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds[1].url).toBe('https://eng.sectsco.org/20240704/1000.html');
    expect(visibleText(body)).not.toMatch(/@everyone|<@&123>/);
    expect(h.discord.transport.platform).toBe('discord');
  });

  it('a digest larger than one message is split within Discord limits, each part with its own nonce', async () => {
    const before = channelPosts(h.fake.channels.general).length;
    const result = await h.discord.transport.post(general, digest(25), { idempotencyKey: 'digest:big' });
    expect(result.ok).toBe(true);
    const posts = channelPosts(h.fake.channels.general).slice(before).map(bodyOf);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    const nonces = new Set(posts.map((p) => p.nonce));
    expect(nonces.size).toBe(posts.length);
    for (const p of posts) {
      expect(p.embeds.length).toBeLessThanOrEqual(10);
      const chars = p.embeds.reduce((n: number, e: any) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
      expect(chars).toBeLessThanOrEqual(6000);
    }
    expect(posts.flatMap((p) => p.embeds).filter((e: any) => e.footer).length).toBe(25);
  });

  it('a 429 with Retry-After is waited out and the post goes through', async () => {
    h.fake.failNext(
      { method: 'POST', path: /^\/channels\/\d+\/messages$/ },
      { status: 429, headers: { 'retry-after': '0.4' }, body: { message: 'You are being rate limited.', retry_after: 0.4, global: false } },
    );
    const before = channelPosts(h.fake.channels.general).length;
    const result = await h.discord.transport.post(general, digest(1), { idempotencyKey: 'digest:429' });
    expect(result.ok).toBe(true);
    const [limited, retried] = channelPosts(h.fake.channels.general).slice(before);
    expect(retried).toBeDefined();
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(350);
  });

  it('a long rate limit surfaces as rate_limited with its wait instead of hanging', async () => {
    h.fake.failNext(
      { method: 'POST', path: new RegExp(`^/channels/${h.fake.channels.thread}/messages$`) },
      { status: 429, headers: { 'retry-after': '120' }, body: { message: 'You are being rate limited.', retry_after: 120, global: false } },
    );
    const started = Date.now();
    const result = await h.discord.transport.post(h.key(h.fake.channels.thread), digest(1), { idempotencyKey: 'digest:long' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited' });
    expect(result.ok === false && result.kind === 'rate_limited' && result.retryAfterMs).toBeGreaterThanOrEqual(119_000);
  });

  it('classifies Missing Permissions as forbidden, Unknown Channel as not_found, 5xx as transient', async () => {
    const forbidden = await h.discord.transport.post(h.key(h.fake.channels.forbidden), digest(1), { idempotencyKey: 'k1' });
    expect(forbidden).toMatchObject({ ok: false, kind: 'forbidden' });
    const gone = await h.discord.transport.post(h.key('999999999999999999'), digest(1), { idempotencyKey: 'k2' });
    expect(gone).toMatchObject({ ok: false, kind: 'not_found' });
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 502, body: { message: 'Bad Gateway' } }, 4); // discord.js tries 1 + 3 times
    const broken = await h.discord.transport.post(general, digest(1), { idempotencyKey: 'k3' });
    expect(broken).toMatchObject({ ok: false, kind: 'transient' });
    const notDiscord = await h.discord.transport.post('slack:T1:C2', digest(1), { idempotencyKey: 'k4' });
    expect(notDiscord).toMatchObject({ ok: false, kind: 'not_found' });
  });
});
