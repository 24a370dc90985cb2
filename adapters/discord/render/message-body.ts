import type { RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { DiscordMessage } from './reply.ts';

/**
 * Nothing the bot posts may ping anyone: not @everyone, @here, roles, users, nor the person it
 * replies to. Set on the client as its default and on every message explicitly.
 */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

/** A rendered message as the REST body of `POST /channels/{id}/messages`. */
export function channelMessageBody(m: DiscordMessage, extra: Partial<RESTPostAPIChannelMessageJSONBody> = {}): RESTPostAPIChannelMessageJSONBody {
  return {
    content: m.content ?? '',
    embeds: m.embeds,
    components: m.components,
    allowed_mentions: { parse: [], replied_user: false },
    ...extra,
  };
}

/** A rendered message as discord.js interaction reply options (camel-cased keys, API JSON parts). */
export function interactionOptions(m: DiscordMessage) {
  return {
    content: m.content ?? '',
    embeds: m.embeds,
    components: m.components,
    allowedMentions: { parse: [], repliedUser: false },
  };
}
