/**
 * The neutral message the core answers with. Adapters render it (Block Kit, Discord embeds,
 * terminal text) within their platform's limits; the core never formats for a platform.
 */
import type { Block, Button } from './blocks.ts';
import { replyText } from './reply-text.ts';

export type { Block, Button, Citation, DigestItem, Inline, ResultItem, RichText } from './blocks.ts';
export { plain } from './blocks.ts';

/** private: only the asker sees it; channel: everyone in the channel; thread: under the question. */
export type Visibility = 'private' | 'channel' | 'thread';

export interface Reply {
  blocks: Block[];
  /** Plain-text fallback for notifications and clients that show no blocks: `replyText(blocks)`. */
  text: string;
  visibility: Visibility;
  /** When set, replaces the message the action came from instead of posting a new one. */
  replaceOriginal?: boolean;
  /** A scheduled post that should start a thread (Discord) named after its heading, for follow-ups. */
  openThread?: boolean;
}

/** A reply of these blocks, its fallback text derived from them (`replyText`). */
export function replyOf(blocks: Block[], visibility: Visibility = 'private'): Reply {
  return { blocks, text: replyText(blocks), visibility };
}

/** A reply that is one line of text. */
export function textReply(text: string, visibility: Visibility = 'private'): Reply {
  return replyOf([{ type: 'text', text: [text] }], visibility);
}

/** Every button of a reply in order: those of button rows, then those beside single results. */
export function replyButtons(blocks: Block[]): Button[] {
  const rows = blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
  const items = blocks.flatMap((b) => (b.type === 'results' ? b.items.flatMap((i) => (i.button ? [i.button] : [])) : []));
  return [...rows, ...items];
}
