import type { webApi } from '@slack/bolt';
import { answerConversation } from '../conversation.ts';
import { postInConversation } from './deliver-reply.ts';
import { slackProblemSentence } from './errors.ts';
import type { SlackDeps } from './deps.ts';
import { channelKey, isDirectChannel } from './channel-key.ts';
import { decodeSlackText, stripBotMention } from './incoming-text.ts';

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

/**
 * Answers a mention or direct message under the question, through the shared conversation edge
 * (claimed once, 👀 while working, one friendly sentence there on failure): the reply goes in the
 * thread; the sentence is ephemeral in a channel, a thread message in a DM.
 */
export async function answerInThread(deps: SlackDeps, client: webApi.WebClient, c: Conversation): Promise<void> {
  const channel = channelKey(c.team, c.channel);
  const thread = c.threadTs ?? c.ts;
  const direct = isDirectChannel(c.channel);
  await answerConversation(
    { store: deps.services.store, bot: deps.bot, logger: deps.logger },
    {
      claimKey: `${channel}:${c.ts}`,
      // 👀 at once: a reaction marks which message is being answered, costs one call and stays
      // until removed (Discord's typing is per channel and runs out, so it waits until slow).
      workingAfterMs: 0,
      showWorking: async () => {
        await client.reactions.add({ channel: c.channel, timestamp: c.ts, name: WORKING });
      },
      hideWorking: async () => {
        await client.reactions.remove({ channel: c.channel, timestamp: c.ts, name: WORKING });
      },
      request: async () => {
        const person = await deps.users.lookup(c.user);
        return {
          kind: c.kind,
          text: decodeSlackText(stripBotMention(c.text, c.botUserId)),
          user: { id: c.user, name: person.name, canManage: person.canManage },
          channel,
          thread,
          raw: c.raw,
        };
      },
      post: (reply) => postInConversation(client, reply, { channel: c.channel, threadTs: thread, user: c.user, direct }),
      // Ephemeral in a channel, so only the person sees that it failed (Discord has no ephemeral
      // messages outside interactions, so there the sentence is a reply).
      tell: async (text) => {
        await (direct
          ? client.chat.postMessage({ channel: c.channel, thread_ts: thread, text })
          : client.chat.postEphemeral({ channel: c.channel, user: c.user, thread_ts: thread, text }));
      },
      sentenceFor: slackProblemSentence,
      logFields: { platform: 'slack', channel: c.channel, kind: c.kind },
    },
  );
}
