import type { webApi } from '@slack/bolt';
import type { Request } from '../../src/bot/request.ts';
import { NS } from '../../src/ports/store.ts';
import { postInConversation } from './deliver-reply.ts';
import { friendlySentence } from './slack-errors.ts';
import type { SlackDeps } from './slack-deps.ts';
import { channelKey, isDirectChannel } from './slack-ids.ts';
import { decodeSlackText, stripBotMention } from './slack-text.ts';

export interface Conversation {
  kind: 'mention' | 'message';
  team: string;
  channel: string;
  user: string;
  /** The question's own ts. */
  ts: string;
  /** Set when the question was itself in a thread. */
  threadTs?: string;
  text: string;
  botUserId?: string;
  raw: unknown;
}

const WORKING = 'eyes';
const ANSWERED_TTL_MS = 60 * 60 * 1000;

/**
 * Answers a mention or direct message under the question: an 👀 reaction while working (removed
 * after, whatever happened), the reply in the thread, and on failure one friendly sentence
 * there with the detail in the log. Reactions are a courtesy: failing to add one never stops the answer.
 */
export async function answerInThread(deps: SlackDeps, client: webApi.WebClient, c: Conversation): Promise<void> {
  // Slack redelivers an event it thinks was missed, and every instance sharing the store may get
  // it: the first to claim the message answers it, atomically through the store.
  const channel = channelKey(c.team, c.channel);
  const claimed = await deps.app.store
    .namespace<number>(NS.answered)
    .add(`${channel}:${c.ts}`, 1, ANSWERED_TTL_MS)
    .catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'could not record the question; answering anyway');
      return true;
    });
  if (!claimed) return;
  const thread = c.threadTs ?? c.ts;
  const direct = isDirectChannel(c.channel);
  const reacted = await client.reactions
    .add({ channel: c.channel, timestamp: c.ts, name: WORKING })
    .then(() => true)
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, channel: c.channel }, 'could not add the working reaction');
      return false;
    });
  try {
    const person = await deps.users.lookup(c.user);
    const request: Request = {
      kind: c.kind,
      text: decodeSlackText(stripBotMention(c.text, c.botUserId)),
      user: { id: c.user, name: person.name, canManage: person.canManage },
      channel,
      thread,
      raw: c.raw,
    };
    const reply = await deps.app.bot.handle(request);
    await postInConversation(client, reply, { channel: c.channel, threadTs: thread, user: c.user, direct });
  } catch (error) {
    deps.logger.error({ err: error, channel: c.channel, kind: c.kind }, 'answering in a thread failed');
    const text = friendlySentence(error);
    const sorry = direct
      ? client.chat.postMessage({ channel: c.channel, thread_ts: thread, text })
      : client.chat.postEphemeral({ channel: c.channel, user: c.user, thread_ts: thread, text });
    await sorry.catch((e: unknown) => deps.logger.warn({ err: e }, 'could not tell the person either'));
  } finally {
    if (reacted) {
      await client.reactions
        .remove({ channel: c.channel, timestamp: c.ts, name: WORKING })
        .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not remove the working reaction'));
    }
  }
}
