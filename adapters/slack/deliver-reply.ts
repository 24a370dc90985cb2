import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import { renderMessages, type SlackMessage } from './render/reply.ts';

/** Blocks only when there are some: Slack refuses an empty `blocks` array. */
function body(message: SlackMessage): { text: string; blocks?: SlackMessage['blocks'] } {
  return message.blocks.length > 0 ? { text: message.text, blocks: message.blocks } : { text: message.text };
}

/**
 * Sends a reply through a response_url (slash commands and buttons): private replies stay
 * ephemeral, channel and thread replies become visible to the channel. `fromAction` makes the
 * replace-or-add choice explicit, since Slack's default differs between message kinds.
 */
export async function respondWith(respond: RespondFn, reply: Reply, options: { fromAction?: boolean } = {}): Promise<void> {
  const messages = renderMessages(reply);
  for (const [i, message] of messages.entries()) {
    const args: RespondArguments = {
      ...body(message),
      response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
    };
    if (options.fromAction) args.replace_original = i === 0 && reply.replaceOriginal === true;
    await respond(args);
  }
}

/**
 * Sends a reply into a conversation (mentions and direct messages): in the thread under the
 * question; a private reply becomes an ephemeral message there, except in a direct message,
 * where the conversation is already private.
 */
export async function postInConversation(
  client: webApi.WebClient,
  reply: Reply,
  where: { channel: string; threadTs?: string; user: string; direct: boolean },
): Promise<void> {
  const threadTs = reply.visibility === 'channel' ? undefined : where.threadTs;
  for (const message of renderMessages(reply)) {
    const common = { channel: where.channel, ...body(message), ...(threadTs ? { thread_ts: threadTs } : {}) };
    if (reply.visibility === 'private' && !where.direct) {
      await client.chat.postEphemeral({ ...common, user: where.user });
    } else {
      await client.chat.postMessage({ ...common, unfurl_links: false, unfurl_media: false });
    }
  }
}
