/** fast-check generators of neutral Replies, hostile and oversized, for the renderer properties. */
import fc from 'fast-check';
import type { Block, Button, Citation, DigestItem, Reply, ResultItem, RichText } from '../../src/bot/reply.ts';

/** Text that means something to Slack mrkdwn, Discord markdown or either platform's mentions. */
const TRICKY = [
  '<!channel>', '<!here>', '<!everyone>', '@channel', '@here', '@everyone', '<@U12345>', '<@&123456789>', '<#C123>',
  '*', '_', '~', '`', '```', '>', '&', '&amp;', '<', '>', '|', '[x](http://evil)', '<http://x|y>', '\n', '\n\n', ' ',
  '🇺🇿', '👩‍👩‍👧‍👦', 'é', '\u200b', '\u0000', '\ud800', 'ШОС', '上海合作组织', 'Afghanistan', 'Secretary-General Norov',
];
const str = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: max }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...TRICKY), { maxLength: 20 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'word ', 'é', '😀', '<!here> '), fc.integer({ min: 100, max: 9000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)) },
  );
const url = fc.option(fc.oneof(fc.webUrl(), fc.constant('https://eng.sectsco.org/news/20200214/612345.html'), str(40), fc.constant(`https://x.org/${'a'.repeat(3500)}`)), { nil: null });
// Dates are validated YYYY-MM-DD by the loader before any reply holds them.
const date = fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null });
const rich: fc.Arbitrary<RichText> = fc.array(
  fc.oneof(str(200), fc.record({ text: str(100), strong: fc.option(fc.boolean(), { nil: undefined }), href: fc.option(fc.webUrl(), { nil: undefined }) })),
  { maxLength: 12 },
);
/** The core never sends a text block with nothing to read in it. */
const someText = rich.filter((r) => /[\p{L}\p{N}]/u.test(r.map((p) => (typeof p === 'string' ? p : p.text)).join('')));
const result: fc.Arbitrary<ResultItem> = fc.record({
  id: str(40), title: str(400), date, url, snippet: rich, summary: fc.option(str(800), { nil: undefined }), score: fc.option(fc.double(), { nil: undefined }),
});
const digestItem: fc.Arbitrary<DigestItem> = fc.record({ id: str(40), title: str(400), date, url, summary: str(1500) });
const citation: fc.Arbitrary<Citation> = fc.record({ n: fc.integer({ min: 1, max: 99 }), id: str(40), title: str(300), date, url });
// Action ids and labels come from the bot's own code, never from a person: realistic, non-blank.
const button: fc.Arbitrary<Button> = fc.record({
  action: fc.constantFrom('results.more', 'results.share', 'feedback.up', 'feedback.down', 'digest.preview'),
  label: fc.oneof(fc.constantFrom('More results', 'Share in channel', '👍', 'Helpful'), str(120).filter((s) => /[\p{L}\p{N}]/u.test(s))),
  value: fc.oneof(str(100), fc.string({ minLength: 1900, maxLength: 2100 })),
  style: fc.option(fc.constantFrom('primary' as const, 'danger' as const), { nil: undefined }),
});
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('heading' as const), text: str(300) }),
  fc.record({ type: fc.constant('text' as const), text: someText }),
  fc.record({ type: fc.constant('context' as const), text: someText }),
  fc.record({ type: fc.constant('results' as const), items: fc.array(result, { maxLength: 25 }) }),
  // An answer block always has an answer, the quoted sentence and at least one citation.
  fc.record({
    type: fc.constant('answer' as const),
    answer: str(1200).filter((s) => /[\p{L}\p{N}]/u.test(s)),
    quote: someText,
    citations: fc.array(citation, { minLength: 1, maxLength: 12 }),
  }),
  fc.record({ type: fc.constant('digest' as const), items: fc.array(digestItem, { maxLength: 40 }) }),
  // One reply never offers the same action twice (Slack rejects repeated action_ids in a block).
  fc.record({ type: fc.constant('buttons' as const), buttons: fc.uniqueArray(button, { maxLength: 5, selector: (b) => b.action }) }),
  fc.constant({ type: 'divider' as const }),
);

export const replyArb: fc.Arbitrary<Reply> = fc.record({
  blocks: fc.array(block, { maxLength: 12 }),
  // The core always gives a plain-text fallback.
  text: str(5000).filter((s) => s.trim().length > 0),
  visibility: fc.constantFrom('private' as const, 'channel' as const, 'thread' as const),
  replaceOriginal: fc.option(fc.boolean(), { nil: undefined }),
});

/** Every plain string anywhere inside a value (for "nothing dangerous leaked" checks). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
