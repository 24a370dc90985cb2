import type { APIEmbed } from 'discord.js';
import type { Block, Citation, DigestItem, ResultItem } from '../../../src/bot/reply.ts';
import { LIMITS } from '../limits.ts';
import { defuseMentions, embedUrl, escapeText, richToMarkdown, splitText, truncate } from './text.ts';

const COLOR = 0x1f6fb2;
const SNIPPET_MAX = 1000;

function footer(date: string | null, id: string): APIEmbed['footer'] {
  // Footers show no markdown, but a defused mention costs nothing.
  return { text: truncate(defuseMentions(`${date ?? 'date unknown'} · ${id}`), 200) };
}

/** One search hit: linked title, the date, the snippet with matched words bold. */
export function renderResult(item: ResultItem): APIEmbed {
  const snippet = item.snippet.length > 0 ? richToMarkdown(item.snippet) : escapeText(item.summary ?? '');
  const e: APIEmbed = { color: COLOR, footer: footer(item.date, item.id) };
  if (item.title.trim()) e.title = truncate(escapeText(item.title), LIMITS.embedTitle);
  const url = embedUrl(item.url);
  if (url && e.title) e.url = url;
  if (snippet) e.description = truncateMarkdown(snippet, SNIPPET_MAX);
  return e;
}

/** A digest entry: linked title, date and the release's short summary. */
export function renderDigestItem(item: DigestItem): APIEmbed {
  const e: APIEmbed = { color: COLOR, footer: footer(item.date, item.id) };
  if (item.title.trim()) e.title = truncate(escapeText(item.title), LIMITS.embedTitle);
  const url = embedUrl(item.url);
  if (url && e.title) e.url = url;
  if (item.summary) e.description = truncate(escapeText(item.summary), 1500);
  return e;
}

function citationLine(c: Citation): string {
  const title = truncate(escapeText(c.title.trim() || c.id.trim() || 'release'), 300);
  const url = embedUrl(c.url);
  const linked = url ? `[${title}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : title;
  return `**[${c.n}]** ${linked} · ${c.date ?? 'date unknown'}`;
}

/**
 * An answer: the short answer, the quoted sentence it rests on, and the numbered citations.
 * Citations are never cut: when everything does not fit one embed they continue in the next.
 */
export function renderAnswer(block: Extract<Block, { type: 'answer' }>): APIEmbed[] {
  const answer = truncate(escapeText(block.answer), 2000);
  const quoteText = truncateMarkdown(richToMarkdown(block.quote), 1500);
  const quote = quoteText ? quoteText.split('\n').map((l) => `> ${l}`).join('\n') : '';
  const citations = block.citations.map(citationLine).join('\n');
  const head = [answer, quote].filter(Boolean).join('\n\n');
  const whole = [head, citations].filter(Boolean).join('\n\n');
  if (whole.length <= LIMITS.embedDescription) return [{ color: COLOR, description: whole }];
  return [head, ...splitText(citations, LIMITS.embedDescription)].filter(Boolean).map((description) => ({ color: COLOR, description }));
}

/** Like truncate, but never leaves a bold run open. */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max - 2);
  const opens = (cut.match(/(?<!\\)\*\*/g) ?? []).length;
  if (opens % 2 === 1) cut = `${cut.slice(0, -1)}**…`;
  return cut;
}
