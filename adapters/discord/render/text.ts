import type { RichText } from '../../../src/bot/reply.ts';
import { safeCut } from '../../../src/util/safe-cut.ts';

/**
 * Text from people and releases is shown literally: Discord markdown is escaped, and mentions
 * are broken with a zero-width space so they do not even look like pings. (`allowed_mentions`
 * already stops them from notifying anyone; this keeps the rendering honest too.)
 */
export function escapeText(text: string): string {
  // `code` spans (the core writes commands that way) stay code: nothing inside them renders as
  // markdown. Mentions are defused there too, in case a client or the server still reads them.
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? defuseMentions(part) : escapePlain(part)))
    .join('');
}

/**
 * Backslash-escapes what Discord markdown would act on: emphasis, strike, spoiler, code and
 * masked-link characters anywhere; quotes, headings, subtext and list markers at a line start.
 * (discord.js's escapeMarkdown does the same but takes ~0.7 s on a 20 kB release.)
 */
function escapePlain(text: string): string {
  const escaped = text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^(\s*)(>|#{1,3}\s|-#\s|[-+]\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2');
  return defuseMentions(escaped);
}

/**
 * Breaks `@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>`, `</cmd:1>` and timestamps such as
 * `<t:1:R>` (which would show as a live, localised "55 years ago") so Discord shows them as
 * plain text.
 */
export function defuseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#|\/|t:)/gi, '<\u200b$1');
}

/** Only http(s) links become masked links; `)` and spaces would end the link early. */
function safeUrl(href: string): string | null {
  if (!/^https?:\/\/\S+$/i.test(href)) return null;
  return href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A RichText as Discord markdown: strong parts bold, links masked, everything else escaped. */
export function richToMarkdown(text: RichText): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return escapeText(part);
      const body = escapeText(part.text);
      if (body.trim() === '') return body;
      const url = part.href ? safeUrl(part.href) : null;
      const shown = part.strong ? `**${body}**` : body;
      return url ? `[${shown}](${url})` : shown;
    })
    .join('');
}

/** Cuts text to `max` characters on a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, safeCut(text, max - 1));
  const space = cut.lastIndexOf(' ');
  // A trailing backslash would escape the ellipsis; a word boundary near the end reads better.
  const base = space > max * 0.7 ? cut.slice(0, space) : cut;
  return `${base.replace(/\\+$/, '')}…`;
}

/** A link for embed `url` fields: only http(s), at most Discord's 2048 characters. */
export function embedUrl(url: string | null | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/i.test(url) || url.length > 2048) return undefined;
  return url;
}

/** Splits markdown into pieces of at most `max` characters, at paragraph, line or word ends. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n\n');
    if (at < max * 0.5) at = window.lastIndexOf('\n');
    if (at < max * 0.5) at = window.lastIndexOf(' ');
    if (at < max * 0.5) at = safeCut(rest, max);
    // Never leave a lone escaping backslash at the end of a piece.
    while (at > 1 && rest[at - 1] === '\\') at--;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
