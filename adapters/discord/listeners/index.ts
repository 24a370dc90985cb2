import { Events, MessageFlags, type BaseInteraction, type Client } from 'discord.js';
import { CONVERSATION_FAILED } from '../../conversation.ts';
import { interactionAnswers, type InteractionSettings } from '../answer-interaction.ts';
import type { DiscordDeps } from '../deps.ts';
import { buttonAction } from './actions/button-action.ts';
import { scoAutocomplete } from './commands/sco-autocomplete.ts';
import { scoCommand } from './commands/sco-command.ts';
import { messageCreate } from './messages/message-create.ts';
import { findReleasesMenu } from './shortcuts/find-releases.ts';

/**
 * Every listener, one per file; the core decides what each request means. Discord sends every
 * interaction as one event, so the routing by kind happens here, and so does the apology: an
 * interaction left unanswered shows the person "The application did not respond", whichever
 * listener failed. (Slack's listeners each catch their own: each kind answers differently there.)
 */
export function registerListeners(client: Client, deps: DiscordDeps, settings: InteractionSettings): void {
  const answers = interactionAnswers(deps, settings);
  const command = scoCommand(deps, answers);
  const autocomplete = scoAutocomplete(deps);
  const button = buttonAction(deps, answers);
  const menu = findReleasesMenu(answers);
  const onInteraction = async (interaction: BaseInteraction): Promise<void> => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand()) await command(interaction);
      else if (interaction.isButton()) await button(interaction);
      else if (interaction.isMessageContextMenuCommand()) await menu(interaction);
    } catch (error) {
      deps.logger.error({ err: error, interaction: interaction.id }, 'discord interaction failed');
      if (!interaction.isRepliable() || interaction.replied) return;
      // The same sentence as Slack's and as a failed mention's.
      const sorry = { content: CONVERSATION_FAILED, allowedMentions: { parse: [] } };
      // After a deferral the "thinking" message must be turned into the apology, not left spinning.
      // (A button was deferred with deferUpdate: its message stays, the apology follows privately.)
      if (interaction.deferred && interaction.isButton()) await interaction.followUp({ ...sorry, flags: MessageFlags.Ephemeral }).catch(() => undefined);
      else if (interaction.deferred) await interaction.editReply(sorry).catch(() => undefined);
      else await interaction.reply({ ...sorry, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
  };
  const onMessage = messageCreate(deps, client, settings);
  // discord.js ignores what a listener returns: a failure the listener did not catch is logged here.
  client.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((err: unknown) => deps.logger.error({ err }, 'discord interaction failed')));
  client.on(Events.MessageCreate, (m) => void onMessage(m).catch((err: unknown) => deps.logger.error({ err }, 'discord message failed')));
}
