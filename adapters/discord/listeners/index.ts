import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { App } from '../../compose.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import type { Request, RequestUser } from '../../../src/bot/request.ts';
import { MESSAGE_RELEASES_ACTION } from '../../../src/commands/message-releases.ts';
import { customIdsFor, parseCustomId } from '../button-ids.ts';
import { channelKey } from '../channel-key.ts';
import { commandText } from '../incoming-text.ts';
import { FIND_RELEASES_MENU, messageWords } from '../message-menu.ts';
import { renderReply } from '../render/reply.ts';
import { defer, respond, whenSlow, type Deferral, type Repliable } from '../respond-interaction.ts';
import { ROOT_COMMAND, specForSubcommand } from '../slash-commands.ts';
import { queryChoices } from '../title-choices.ts';
import { topicChoices } from '../topic-choices.ts';

const SORRY = 'Sorry, something went wrong on my side while handling that. Please try again in a moment.';

export interface InteractionSettings {
  /** Defer when the core has not answered within this time (Discord allows 3 s). */
  deferAfterMs: number;
}

function userOf(i: BaseInteraction): RequestUser {
  // In a direct message the person is the only one there, so the channel is theirs to manage.
  const canManage = i.inGuild() ? (i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true;
  return { id: i.user.id, name: i.user.globalName ?? i.user.username, canManage };
}

function place(i: BaseInteraction): Pick<Request, 'channel' | 'thread'> {
  const channelId = i.channelId ?? '0';
  const thread = i.channel?.isThread() ? channelId : undefined;
  return { channel: channelKey(i.guildId, channelId), ...(thread ? { thread } : {}) };
}

/** Routes every interaction to the core; catches its own errors, so one bad event never stops the bot. */
export function interactionHandler(app: App, settings: InteractionSettings) {
  return async (interaction: BaseInteraction): Promise<void> => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(app, interaction);
      else if (interaction.isChatInputCommand()) await command(app, interaction, settings);
      else if (interaction.isButton()) await button(app, interaction, settings);
      else if (interaction.isMessageContextMenuCommand()) await messageMenu(app, interaction, settings);
    } catch (error) {
      app.logger.error({ err: error, interaction: interaction.id }, 'discord interaction failed');
      if (!interaction.isRepliable() || interaction.replied) return;
      const sorry = { content: SORRY, allowedMentions: { parse: [] } };
      // After a deferral the "thinking" message must be turned into the apology, not left spinning.
      // (A button was deferred with deferUpdate: its message stays, the apology follows privately.)
      if (interaction.deferred && interaction.isButton()) await interaction.followUp({ ...sorry, flags: MessageFlags.Ephemeral }).catch(() => undefined);
      else if (interaction.deferred) await interaction.editReply(sorry).catch(() => undefined);
      else await interaction.reply({ ...sorry, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
  };
}

/** Interactions being answered now, across the process. */
let inFlight = 0;

async function run(app: App, i: Repliable, request: Request, deferral: Exclude<Deferral, 'none'>, settings: InteractionSettings): Promise<void> {
  inFlight++;
  try {
    if (inFlight > 1) {
      // A burst: lookups run on this one thread, so a timer set to defer after a while may not
      // fire before Discord's 3 s are up. Acknowledge first, then work.
      await defer(i, deferral);
      await send(app, i, await app.bot.handle(request), deferral);
      return;
    }
    const { value: reply, slow } = await whenSlow(app.bot.handle(request), settings.deferAfterMs, () => defer(i, deferral));
    await send(app, i, reply, slow ? deferral : 'none');
  } finally {
    inFlight--;
  }
}

async function send(app: App, i: Repliable, reply: Reply, deferral: Deferral): Promise<void> {
  const rendered = renderReply(reply, await customIdsFor(reply, app.store));
  await respond(i, rendered, deferral);
}

/** What was wrong, then the help, privately. */
async function problem(app: App, i: ChatInputCommandInteraction, text: string): Promise<void> {
  const help = await app.bot.handle({ kind: 'command', text: 'help', user: userOf(i), ...place(i) });
  const reply: Reply = { ...help, blocks: [{ type: 'text', text: [text] }, ...help.blocks], text: `${text}\n${help.text}`, visibility: 'private' };
  await send(app, i, reply, 'none');
}

async function command(app: App, i: ChatInputCommandInteraction, settings: InteractionSettings): Promise<void> {
  if (i.commandName !== ROOT_COMMAND) return;
  const sub = i.options.getSubcommand(false);
  const spec = specForSubcommand(app.registry, sub);
  if (!spec) {
    await problem(app, i, `I don't know \`/sco ${sub ?? ''}\`. The commands may have changed; here is what I can do.`);
    return;
  }
  const parsed = commandText(spec, (name) => i.options.get(name)?.value);
  if (!parsed.ok) {
    await problem(app, i, parsed.problem);
    return;
  }
  const request: Request = { kind: 'command', text: parsed.text, user: userOf(i), ...place(i), raw: i };
  // The spec says whether its reply is for the channel (answers to questions); others start private.
  await run(app, i, request, spec.replyVisibility === 'channel' ? 'public' : 'ephemeral', settings);
}

async function button(app: App, i: ButtonInteraction, settings: InteractionSettings): Promise<void> {
  const action = await parseCustomId(i.customId, app.store);
  if (!action) {
    await send(app, i, { blocks: [{ type: 'text', text: ['That button has expired. Run the command again.'] }], text: 'That button has expired.', visibility: 'private' }, 'none');
    return;
  }
  const request: Request = { kind: 'action', text: '', user: userOf(i), ...place(i), action, raw: i };
  await run(app, i, request, 'update', settings);
}

/** "Find SCO releases" on a message: its words go to the core's message lookup; the results are private. */
async function messageMenu(app: App, i: MessageContextMenuCommandInteraction, settings: InteractionSettings): Promise<void> {
  if (i.commandName !== FIND_RELEASES_MENU) return;
  const action = { id: MESSAGE_RELEASES_ACTION, value: messageWords(i.targetMessage) };
  const request: Request = { kind: 'action', text: '', user: userOf(i), ...place(i), action, raw: i };
  await run(app, i, request, 'ephemeral', settings);
}

async function autocomplete(app: App, i: AutocompleteInteraction): Promise<void> {
  const spec = specForSubcommand(app.registry, i.options.getSubcommand(false));
  const focused = i.options.getFocused(true);
  const option = spec?.options.find((o) => o.name.toLowerCase() === focused.name);
  const typed = String(focused.value);
  const choices =
    option?.autocomplete === 'titles' ? queryChoices(app.library, typed) : option?.autocomplete === 'topics' ? topicChoices(app.library.topics(), typed) : [];
  await i.respond(choices);
}
