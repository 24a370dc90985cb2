import type { ChatInputCommandInteraction } from 'discord.js';
import type { Request } from '../../../../src/bot/request.ts';
import { placeOf, userOf, type InteractionAnswers } from '../../answer-interaction.ts';
import type { DiscordDeps } from '../../deps.ts';
import { commandText } from '../../incoming-text.ts';
import { ROOT_COMMAND, specForSubcommand } from '../../slash-commands.ts';

/** `/sco <sub> ...`: the subcommand and its options become the text the core parses. */
export function scoCommand(deps: DiscordDeps, answers: InteractionAnswers) {
  return async (i: ChatInputCommandInteraction): Promise<void> => {
    if (i.commandName !== ROOT_COMMAND) return;
    const sub = i.options.getSubcommand(false);
    const spec = specForSubcommand(deps.registry, sub);
    if (!spec) {
      await answers.problem(i, `I don't know \`/sco ${sub ?? ''}\`. The commands may have changed; here is what I can do.`);
      return;
    }
    const parsed = commandText(spec, (name) => i.options.get(name)?.value);
    if (!parsed.ok) {
      await answers.problem(i, parsed.problem);
      return;
    }
    const request: Request = { kind: 'command', text: parsed.text, user: userOf(i), ...placeOf(i), raw: i };
    // The spec says whether its reply is for the channel (answers to questions); others start private.
    await answers.run(i, request, spec.replyVisibility === 'channel' ? 'public' : 'ephemeral');
  };
}
