import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/discord/render/reply.ts';
import { splitText as splitDiscord, truncate as truncateDiscord } from '../../adapters/discord/render/text.ts';
import { renderMessages } from '../../adapters/slack/render/reply.ts';
import { splitText as splitSlack, truncate as truncateSlack } from '../../adapters/slack/render/text.ts';
import type { Reply } from '../../src/bot/reply.ts';

/** Half of a surrogate pair with its other half missing: renders as a box, and Slack may refuse it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string inside a rendered message. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const emoji = (n: number) => '🇺🇿😀'.repeat(n);
const a = (n: number) => 'a'.repeat(n);

function hostileReply(title: string, body: string, snippet = body): Reply {
  return {
    blocks: [
      { type: 'heading', text: title },
      { type: 'text', text: [body] },
      { type: 'results', items: [{ id: 'r1', title, date: '2024-07-04', url: 'https://eng.sectsco.org/1.html', snippet: [snippet, { text: title, strong: true }] }] },
      { type: 'digest', items: [{ id: 'r2', title, date: null, url: null, summary: body }] },
    ],
    text: `${title} ${body}`,
    visibility: 'channel',
  };
}

describe('cutting text never splits an emoji', () => {
  it('truncate and split, at every offset, in both adapters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 3, max: 40 }), (pad, max) => {
        const text = `${a(pad)}${emoji(30)}`;
        for (const cut of [truncateSlack(text, max), truncateDiscord(text, max), ...splitSlack(text, max), ...splitDiscord(text, max)]) {
          expect(cut).not.toMatch(LONE_SURROGATE);
          expect(cut.length).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it.each([0, 1])('Slack blocks and Discord embeds of emoji-only titles and texts (offset %i)', (pad) => {
    const reply = hostileReply(`${a(pad)}${emoji(200)}`, `${a(pad)}${emoji(3000)}`, `${a(pad)}${emoji(120)}`);
    for (const s of strings(renderMessages(reply))) expect(s).not.toMatch(LONE_SURROGATE);
    for (const s of strings(renderReply(reply).messages)) expect(s).not.toMatch(LONE_SURROGATE);
  });
});

describe('Discord timestamp markup from outside', () => {
  it('is shown as typed, not as a live timestamp', () => {
    const reply = hostileReply('Summit <t:1:R> held', 'The meeting <t:1700000000:F> and <T:1:r> ended.');
    const texts = strings(renderReply(reply).messages).join('\n');
    expect(texts).toContain('held');
    expect(texts).not.toMatch(/<t:\d+/i);
  });
});
