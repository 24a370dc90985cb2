import { PermissionFlagsBits, Routes, type Client, type Message } from 'discord.js';
import { textReply, type Reply } from '../../../../src/bot/reply.ts';
import type { Request } from '../../../../src/bot/request.ts';
import { answerConversation } from '../../../conversation.ts';
import { customIdsFor } from '../../button-ids.ts';
import { channelKey } from '../../channel-key.ts';
import type { DiscordDeps } from '../../deps.ts';
import { stripMention } from '../../incoming-text.ts';
import { channelMessageBody } from '../../render/message-body.ts';
import { renderReply } from '../../render/reply.ts';

/** Discord shows "is typing" for 10 s after each call; renew a little before it runs out. */
const TYPING_RENEW_MS = 8000;

function canManage(message: Message): boolean {
  if (!message.inGuild()) return true;
  try {
    const member = message.member;
    if (!member) return false;
    return message.channel.permissionsFor(member)?.has(PermissionFlagsBits.ManageChannels) ?? false;
  } catch {
    return false;
  }
}

/**
 * The bot's own role ids mentioned in the message: picking "@SCO Bot" in Discord's menu
 * sometimes inserts the bot's managed role instead of its user.
 */
function botRolesMentioned(message: Message, botId: string): string[] {
  return [...message.mentions.roles.values()].filter((r) => r.tags?.botId === botId).map((r) => r.id);
}

/**
 * A message that mentions the bot (or any direct message) goes to the core as a question, through
 * the shared conversation edge (claimed once across instances, typing while slow, one friendly
 * sentence on failure): the answer is posted in the same channel or thread as a reply to it.
 */
export function messageCreate(deps: DiscordDeps, client: Client, settings: { deferAfterMs: number }) {
  return async (message: Message): Promise<void> => {
    try {
      const me = client.user;
      if (!me || message.author.bot || message.author.id === me.id) return;
      const direct = !message.inGuild();
      const roles = botRolesMentioned(message, me.id);
      if (!direct && !message.mentions.users.has(me.id) && roles.length === 0) return;
      const request: Request = {
        kind: direct ? 'message' : 'mention',
        text: stripMention(message.content, me.id, roles) || 'help',
        user: { id: message.author.id, name: message.author.globalName ?? message.author.username, canManage: canManage(message) },
        channel: channelKey(message.guildId, message.channelId),
        ...(message.channel.isThread() ? { thread: message.channelId } : {}),
        raw: message,
      };
      // A reply to the question where it was asked. (Slack answers in a thread under it; a Discord
      // thread is a channel of its own, and one per question would crowd the channel list.)
      const post = async (reply: Reply) => {
        const rendered = renderReply(reply, await customIdsFor(reply, deps.store));
        let first = true;
        for (const m of rendered.messages) {
          const extra = first ? { message_reference: { message_id: message.id, fail_if_not_exists: false } } : {};
          await client.rest.post(Routes.channelMessages(message.channelId), { body: channelMessageBody(m, extra) });
          first = false;
        }
      };
      const sendTyping = () => client.rest.post(Routes.channelTyping(message.channelId)).catch(() => undefined);
      let typing: NodeJS.Timeout | undefined;
      await answerConversation(deps, {
        // Message ids are unique across Discord: one key per message, whichever instance gets it.
        claimKey: `discord:${message.id}`,
        // Typing only when slow: it is shown for the whole channel, lasts 10 s and is renewed by a
        // call every 8 s, so a quick answer spends no calls on it (Slack's 👀 is shown at once).
        workingAfterMs: settings.deferAfterMs,
        showWorking: async () => {
          typing = setInterval(() => void sendTyping(), TYPING_RENEW_MS);
          await sendTyping();
        },
        hideWorking: async () => clearInterval(typing),
        request: async () => request,
        post,
        tell: (sentence) => post(textReply(sentence, 'thread')),
        // No sentenceFor, unlike Slack: what fails here (a channel permission) is for a server admin to
        // fix, not something the person can do with a command as a Slack user can with `/invite`.
        logFields: { platform: 'discord', channel: message.channelId, kind: request.kind },
      });
    } catch (error) {
      deps.logger.error({ err: error, channel: message.channelId }, 'discord mention failed');
    }
  };
}
