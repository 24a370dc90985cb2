import { textReply, type Reply } from '../bot/reply.ts';
import { replyText } from '../bot/reply-text.ts';
import type { ActionSpec } from './registry.ts';
import { PAGE_SIZE, resultsReply, savePage } from './result-reply.ts';

/** "Find SCO releases about this": a message's words, looked up; Slack's shortcut and Discord's context menu send it. */
export const MESSAGE_RELEASES_ACTION = 'message.releases';
export const MESSAGE_RELEASES_TITLE = 'SCO releases about this message';

/** The most of a message that is looked up: its first words, enough to say what it is about. */
const MAX_CHARS = 400;

/**
 * The words of a message fit for a lookup: links, platform mentions and markup dropped (they name
 * no release), white space collapsed, cut at a word boundary.
 */
export function messageQuery(text: string): string {
  const words = text
    .replace(/<[^>\s]*>/g, ' ')
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/[*_~`>|#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length <= MAX_CHARS) return words;
  const cut = words.slice(0, MAX_CHARS);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}

export const messageReleasesAction: ActionSpec = {
  id: MESSAGE_RELEASES_ACTION,
  async run({ services, value }): Promise<Reply> {
    const query = messageQuery(value);
    if (!query) return textReply('That message has no words I can look up. Try `/sco <words>` instead.', 'private');
    const outcome = services.library.search(query, { limit: PAGE_SIZE, offset: 0 });
    const state = { kind: 'search' as const, query };
    const reply = resultsReply(state, outcome, 0, await savePage(services, state));
    // The heading names what was looked up; a whole message would not fit one.
    reply.blocks[0] = { type: 'heading', text: MESSAGE_RELEASES_TITLE };
    return { ...reply, text: replyText(reply.blocks) };
  },
};
