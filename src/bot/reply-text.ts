import { safeCut } from '../util/safe-cut.ts';
import { plain, type Block } from './blocks.ts';

/**
 * Longest fallback text: a notification shows a line or two, and block-less clients get the
 * blocks themselves wherever they can. Slack's own cap on `text` (3,000) is the tightest a
 * platform sets; a fallback past it would only be cut there instead.
 */
export const REPLY_TEXT_MAX = 3000;

const dated = (date: string | null) => date ?? 'date unknown';
const linked = (url: string | null) => (url ? ` ${url}` : '');

/** The lines a block contributes to the plain-text fallback; buttons and dividers none. */
function linesOf(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [block.text];
    case 'text':
    case 'context':
      return [plain(block.text)];
    case 'results':
      return block.items.map((it, i) => `${(block.start ?? 1) + i}. ${it.title} (${dated(it.date)})${linked(it.url)}`);
    case 'answer':
      return [block.answer, `> ${plain(block.quote)}`, ...block.citations.map((c) => `[${c.n}] ${c.title} (${dated(c.date)})${linked(c.url)}`)];
    case 'digest':
      return block.items.map((it) => `${it.title} (${dated(it.date)})${linked(it.url)}`);
    case 'buttons':
    case 'divider':
      return [];
  }
}

/**
 * A reply's plain-text fallback (notifications, block-less clients, what tests read), derived
 * from its blocks so the two cannot disagree: a line per heading, text and note, one per listed
 * release, cut at REPLY_TEXT_MAX without splitting an emoji.
 */
export function replyText(blocks: readonly Block[]): string {
  const text = blocks
    .flatMap(linesOf)
    .filter((line) => line.trim() !== '')
    .join('\n');
  return text.length > REPLY_TEXT_MAX ? `${text.slice(0, safeCut(text, REPLY_TEXT_MAX - 1))}…` : text;
}
