import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { REPLY_TEXT_MAX, replyText } from '../../src/bot/reply-text.ts';
import type { Block } from '../../src/bot/reply.ts';
import { buildRegistry } from '../../src/commands/index.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { fakeServices, release } from '../helpers/fake-services.ts';

const item = (n: number) => ({ id: `r${n}`, title: `Release ${n}`, date: n % 2 ? '2026-01-01' : null, url: n % 2 ? `https://example.test/${n}` : null, snippet: ['x'] });

describe('replyText: the fallback derived from the blocks', () => {
  it('a line per heading, text and note; results numbered from their page; no buttons or dividers', () => {
    const blocks: Block[] = [
      { type: 'heading', text: 'Results for “x”' },
      { type: 'context', text: ['6–7 of 7'] },
      { type: 'results', items: [item(1), item(2)], start: 6 },
      { type: 'divider' },
      { type: 'buttons', buttons: [{ action: 'results.more', label: 'More results', value: 'k:7' }] },
    ];
    expect(replyText(blocks)).toBe('Results for “x”\n6–7 of 7\n6. Release 1 (2026-01-01) https://example.test/1\n7. Release 2 (date unknown)');
  });

  it('an answer reads as its answer, the quote and the numbered citations', () => {
    const answer: Block = {
      type: 'answer',
      answer: 'In Tashkent.',
      quote: ['The RATS is based in ', { text: 'Tashkent', strong: true }, '.'],
      citations: [{ n: 1, id: 'r1', title: 'RATS', date: '2026-02-20', url: 'https://example.test/r1' }],
    };
    expect(replyText([answer])).toBe('In Tashkent.\n> The RATS is based in Tashkent.\n[1] RATS (2026-02-20) https://example.test/r1');
  });

  it('is cut at its limit without splitting an emoji', () => {
    const long = `${'a'.repeat(REPLY_TEXT_MAX - 2)}🇺🇿🇺🇿 more`;
    const text = replyText([{ type: 'text', text: [long] }]);
    expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_MAX);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('commands and digests send the text of their blocks', async () => {
    const services = fakeServices([release('r1', 'RATS Council meets in Tashkent', '2026-02-20'), release('r2', 'Tashkent summit', '2026-02-21')]);
    const bot = new Bot(buildRegistry(), services);
    for (const text of ['tashkent', 'latest', 'show r1', 'help', 'subscriptions', 'nothing-matches-this']) {
      const reply = await bot.handle({ kind: 'command', text, user: { id: 'U1', canManage: true }, channel: 'test:C1' });
      expect(reply.text, text).toBe(replyText(reply.blocks));
    }
    const [digest] = buildDigest({
      releases: [release('r1', 'RATS Council meets in Tashkent', '2026-02-20')],
      period: { since: '2026-02-19T00:00:00Z', until: '2026-02-21T00:00:00Z' },
      limits: { itemsPerMessage: 10, charsPerMessage: 3000 },
      tz: 'UTC',
    });
    expect(digest!.text).toBe('SCO digest: 1 new release\nFirst seen 19 Feb 2026, 00:00 – 21 Feb 2026, 00:00\nRATS Council meets in Tashkent (2026-02-20) https://example.test/r1');
  });
});
