import type { types } from '@slack/bolt';
import { plain, type Block, type Button, type Citation, type DigestItem, type ResultItem, type RichText } from '../../../src/bot/reply.ts';
import { link, richToMrkdwn } from './inline.ts';
import { LIMITS } from '../limits.ts';
import { escapeMrkdwn, safePlain, splitText, truncate } from './text.ts';

type KnownBlock = types.KnownBlock;

// Room per item so a results page or digest of many items still fits a message's text cap.
const SNIPPET_MAX = 600;
const SUMMARY_MAX = 700;
const TITLE_MAX = 250;

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

/** Sections for long mrkdwn: split at line or word boundaries, never over Slack's 3000. */
function sections(text: string): KnownBlock[] {
  if (!text.trim()) return [];
  return splitText(text, LIMITS.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

/** Cuts RichText to `max` plain characters at a word boundary, keeping marks on what remains. */
export function truncateRich(text: RichText, max: number): RichText {
  if (plain(text).length <= max) return text;
  const out: RichText = [];
  let room = max - 1;
  for (const part of text) {
    const s = typeof part === 'string' ? part : part.text;
    if (s.length <= room) {
      out.push(part);
      room -= s.length;
      continue;
    }
    const cut = truncate(s, room + 1).replace(/…$/, '');
    if (cut) out.push(typeof part === 'string' ? cut : { ...part, text: cut });
    break;
  }
  out.push('…');
  return out;
}

function dateText(date: string | null): string {
  return date ?? 'date unknown';
}

function titleLine(title: string, url: string | null): string {
  return `*${link(url, escapeMrkdwn(truncate(title, TITLE_MAX)))}*`;
}

function resultBlock(item: ResultItem): KnownBlock {
  const snippet = richToMrkdwn(truncateRich(item.snippet, SNIPPET_MAX));
  const lines = [titleLine(item.title, item.url), `_${dateText(item.date)}_`];
  if (snippet.trim()) lines.push(snippet);
  // The result's own button (Cite) sits beside it, as Slack lays out a section accessory.
  const accessory = item.button ? buttonElement(item.button) : null;
  return { type: 'section', text: mrkdwn(truncate(lines.join('\n'), LIMITS.sectionText)), ...(accessory ? { accessory } : {}) };
}

function digestBlock(item: DigestItem): KnownBlock {
  const lines = [`${titleLine(item.title, item.url)}  _${dateText(item.date)}_`];
  if (item.summary.trim()) lines.push(escapeMrkdwn(truncate(item.summary, SUMMARY_MAX)));
  return { type: 'section', text: mrkdwn(truncate(lines.join('\n'), LIMITS.sectionText)) };
}

function citationLine(c: Citation): string {
  return `[${c.n}] ${link(c.url, escapeMrkdwn(truncate(c.title, TITLE_MAX)))} (${dateText(c.date)})`;
}

function answerBlocks(answer: string, quote: RichText, citations: Citation[]): KnownBlock[] {
  const out = sections(escapeMrkdwn(answer));
  const q = richToMrkdwn(quote).trim();
  if (q) out.push(...sections(q.split('\n').map((line) => `>${line}`).join('\n')));
  // Citations in context blocks of at most ten elements each.
  const lines = citations.map(citationLine);
  for (let i = 0; i < lines.length; i += LIMITS.contextElements) {
    const elements = lines.slice(i, i + LIMITS.contextElements).map((l) => mrkdwn(truncate(l, LIMITS.sectionText)));
    out.push({ type: 'context', elements });
  }
  return out;
}

function buttonElement(button: Button): types.Button | null {
  // A value over Slack's limit would make the whole message fail; such a button cannot work anyway.
  if (button.value.length > LIMITS.buttonValue || button.action.length > LIMITS.actionId) return null;
  return {
    type: 'button',
    action_id: button.action,
    text: { type: 'plain_text', text: truncate(safePlain(button.label).trim() || button.action, LIMITS.buttonLabel), emoji: true },
    value: button.value,
    ...(button.style ? { style: button.style } : {}),
  };
}

function buttonBlocks(buttons: Button[]): KnownBlock[] {
  const elements = buttons.map(buttonElement).filter((b): b is types.Button => b !== null);
  const out: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.buttonsPerActions) {
    out.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.buttonsPerActions) });
  }
  return out;
}

/** One neutral block as Block Kit blocks (one or more). */
export function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'heading': {
      // Slack refuses an empty header.
      const text = truncate(safePlain(block.text).trim(), LIMITS.headerText);
      return text ? [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }] : [];
    }
    case 'text':
      return sections(richToMrkdwn(block.text));
    case 'context': {
      const text = richToMrkdwn(block.text);
      return text.trim() ? [{ type: 'context', elements: [mrkdwn(truncate(text, LIMITS.sectionText))] }] : [];
    }
    case 'results':
      return block.items.map(resultBlock);
    case 'digest':
      return block.items.map(digestBlock);
    case 'answer':
      return answerBlocks(block.answer, block.quote, block.citations);
    case 'buttons':
      return buttonBlocks(block.buttons);
    case 'divider':
      return [{ type: 'divider' }];
  }
}
