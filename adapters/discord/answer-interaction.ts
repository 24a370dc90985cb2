import { PermissionFlagsBits, type BaseInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { replyOf, type Reply } from '../../src/bot/reply.ts';
import type { Request, RequestUser } from '../../src/bot/request.ts';
import { customIdsFor } from './button-ids.ts';
import { channelKey } from './channel-key.ts';
import type { DiscordDeps } from './deps.ts';
import { renderReply } from './render/reply.ts';
import { defer, respond, whenSlow, type Deferral, type Repliable } from './respond-interaction.ts';

export interface InteractionSettings {
  /** Defer when the core has not answered within this time (Discord allows 3 s). */
  deferAfterMs: number;
}

/** The person behind an interaction, as the core sees them. */
export function userOf(i: BaseInteraction): RequestUser {
  // In a direct message the person is the only one there, so the channel is theirs to manage.
  const canManage = i.inGuild() ? (i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true;
  return { id: i.user.id, name: i.user.globalName ?? i.user.username, canManage };
}

/** Where an interaction happened, as the core's channel key and thread. */
export function placeOf(i: BaseInteraction): Pick<Request, 'channel' | 'thread'> {
  const channelId = i.channelId ?? '0';
  const thread = i.channel?.isThread() ? channelId : undefined;
  return { channel: channelKey(i.guildId, channelId), ...(thread ? { thread } : {}) };
}

/** How the listeners answer an interaction: run a request through the core in time, or send a reply. */
export interface InteractionAnswers {
  /** Runs the request through the core, deferring (as `deferral`) when it is slow or the bot is busy. */
  run(i: Repliable, request: Request, deferral: Exclude<Deferral, 'none'>): Promise<void>;
  /** Renders the reply (stashing long button values) and sends it as the interaction's response. */
  send(i: Repliable, reply: Reply, deferral: Deferral): Promise<void>;
  /** What was wrong, then the help, privately. */
  problem(i: ChatInputCommandInteraction, text: string): Promise<void>;
}

/**
 * Discord wants an answer to every interaction within 3 s: a reply, or a deferral ("thinking")
 * that the reply then edits. Slack's listeners ack at once and answer through the response_url
 * instead; here the deferral is only made when the core is slow, since a deferral fixes the
 * reply's visibility before the core has said what it is.
 */
export function interactionAnswers(deps: DiscordDeps, settings: InteractionSettings): InteractionAnswers {
  // Interactions being answered now by this adapter.
  let inFlight = 0;
  const send: InteractionAnswers['send'] = async (i, reply, deferral) => {
    const rendered = renderReply(reply, await customIdsFor(reply, deps.store));
    await respond(i, rendered, deferral);
  };
  return {
    send,
    async run(i, request, deferral) {
      inFlight++;
      try {
        if (inFlight > 1) {
          // A burst: lookups run on this one thread, so a timer set to defer after a while may not
          // fire before Discord's 3 s are up. Acknowledge first, then work.
          await defer(i, deferral);
          await send(i, await deps.bot.handle(request), deferral);
          return;
        }
        const { value: reply, slow } = await whenSlow(deps.bot.handle(request), settings.deferAfterMs, () => defer(i, deferral));
        await send(i, reply, slow ? deferral : 'none');
      } finally {
        inFlight--;
      }
    },
    async problem(i, text) {
      const help = await deps.bot.handle({ kind: 'command', text: 'help', user: userOf(i), ...placeOf(i) });
      await send(i, replyOf([{ type: 'text', text: [text] }, ...help.blocks], 'private'), 'none');
    },
  };
}
