import type { APIEmbed } from 'discord.js';
import type { Block, Citation, DigestItem, ResultItem } from '../../src/bot/reply.ts';
import { LIMITS } from './limits.ts';
import { embedUrl, escapeText, richToMarkdown, truncate } from './render-text.ts';

const COLOR = 0x1f6fb2;
const SNIPPET_MAX = 1000;

function footer(date: string | null, id: string): APIEmbed['footer'] {
  return { text: truncate(`${date ?? 'date unknown'} · ${id}`, 200) };
}

/** One search hit: linked title, the date, the snippet with matched words bold. */
export function renderResult(item: ResultItem): APIEmbed {
  const snippet = item.snippet.length > 0 ? richToMarkdown(item.snippet) : escapeText(item.summary ?? '');
  const e: APIEmbed = {
    color: COLOR,
    title: truncate(escapeText(item.title), LIMITS.embedTitle),
    footer: footer(item.date, item.id),
  };
  const url = embedUrl(item.url);
  if (url) e.url = url;
  if (snippet) e.description = truncateMarkdown(snippet, SNIPPET_MAX);
  return e;
}

/** A digest entry: linked title, date and the release's short summary. */
export function renderDigestItem(item: DigestItem): APIEmbed {
  const e: APIEmbed = {
    color: COLOR,
    title: truncate(escapeText(item.title), LIMITS.embedTitle),
    footer: footer(item.date, item.id),
  };
  const url = embedUrl(item.url);
  if (url) e.url = url;
  if (item.summary) e.description = truncate(escapeText(item.summary), 1500);
  return e;
}

function citationLine(c: Citation): string {
  const title = escapeText(c.title);
  const url = embedUrl(c.url);
  const linked = url ? `[${title}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : title;
  return `**[${c.n}]** ${linked} · ${c.date ?? 'date unknown'}`;
}

/**
 * An answer: the short answer, the quoted sentence it rests on, and the numbered citations.
 * Citations are never cut; the quote gives way first when the description would be too long.
 */
export function renderAnswer(block: Extract<Block, { type: 'answer' }>): APIEmbed[] {
  const answer = escapeText(block.answer);
  const quoteText = richToMarkdown(block.quote);
  const citations = block.citations.map(citationLine).join('\n');
  const fixed = answer.length + citations.length + 8;
  const room = Math.max(0, LIMITS.embedDescription - fixed);
  const quote = quoteText ? truncateMarkdown(quoteText, Math.min(room, 1500)) : '';
  const parts = [truncate(answer, LIMITS.embedDescription - 200)];
  if (quote) parts.push(quote.split('\n').map((l) => `> ${l}`).join('\n'));
  if (citations) parts.push(citations);
  const description = parts.join('\n\n');
  if (description.length <= LIMITS.embedDescription) return [{ color: COLOR, description }];
  // Very many citations: answer and quote in one embed, the citations in the next.
  return [
    { color: COLOR, description: parts.slice(0, 2).join('\n\n') },
    { color: COLOR, description: truncate(citations, LIMITS.embedDescription) },
  ];
}

/** Like truncate, but never leaves a bold run open. */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max - 2);
  const opens = (cut.match(/(?<!\\)\*\*/g) ?? []).length;
  if (opens % 2 === 1) cut = `${cut.slice(0, -1)}**…`;
  return cut;
}
