import type { Inline, RichText } from '../../../src/bot/reply.ts';
import { escapeEntities, escapeMrkdwn } from './text.ts';
import { LIMITS } from '../limits.ts';

/**
 * A URL fit for `<url|label>`: only http(s), at most Slack's length, and with the characters that
 * would end the link (`|`, `>`) or start another (`<`) percent-encoded.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url) || url.length > LIMITS.url) return null;
  return escapeEntities(url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E'));
}

/** `<url|label>` when the url is usable, else the label alone; `label` must already be escaped. */
export function link(url: string | null | undefined, label: string): string {
  const safe = safeUrl(url);
  // A `|` or `>` inside the label would end it early.
  const inner = label.replace(/\|/g, '\u2223').replace(/>/g, '&gt;');
  return safe ? `<${safe}|${inner}>` : inner;
}

/** Wraps in `*`, keeping surrounding white space outside (Slack ignores `* word*`). */
function bold(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}*${m[2]}*${m[3]}` : text;
}

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeMrkdwn(part);
  let out = escapeMrkdwn(part.text);
  if (part.href) out = link(part.href, out);
  if (part.strong) out = bold(out);
  return out;
}

/** RichText as escaped mrkdwn: strong parts in bold, links as `<url|text>`. */
export function richToMrkdwn(text: RichText): string {
  return text.map(inline).join('');
}
