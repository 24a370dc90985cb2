import type { types } from '@slack/bolt';
import type { Reply } from '../../../src/bot/reply.ts';
import { LIMITS } from '../limits.ts';
import { renderBlock } from './blocks.ts';
import { escapeEntities, safePlain, truncate } from './text.ts';

type KnownBlock = types.KnownBlock;

/** One Slack message: Block Kit blocks and the plain-text fallback notifications show. */
export interface SlackMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Characters a block contributes to a message, for the per-message cap. */
function weight(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** Fallback text for notifications and block-less clients: entities escaped, broadcasts defused. */
export function fallbackText(text: string): string {
  const safe = escapeEntities(safePlain(text)).trim();
  return truncate(safe || 'SCO Bot', LIMITS.fallbackText);
}

/**
 * A Reply as one or more Slack messages, each within Block Kit's limits (blocks per message,
 * characters per text) and with a plain-text fallback. Content is split, never dropped, except
 * for parts Slack could never accept (a button value over 2000 characters).
 */
export function renderMessages(reply: Reply): SlackMessage[] {
  const all = reply.blocks.flatMap(renderBlock);
  const chunks: KnownBlock[][] = [];
  let current: KnownBlock[] = [];
  let size = 0;
  for (const block of all) {
    const w = weight(block);
    if (current.length > 0 && (current.length >= LIMITS.blocksPerMessage || size + w > LIMITS.charsPerMessage)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += w;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  const text = fallbackText(reply.text);
  return chunks.map((blocks, i) => ({
    blocks,
    text: i === 0 ? text : `${truncate(text, LIMITS.fallbackText - 40)} (continued, ${i + 1} of ${chunks.length})`,
  }));
}
