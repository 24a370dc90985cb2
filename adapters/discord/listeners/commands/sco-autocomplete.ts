import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordDeps } from '../../deps.ts';
import { specForSubcommand } from '../../slash-commands.ts';
import { queryChoices } from '../../title-choices.ts';
import { topicChoices } from '../../topic-choices.ts';

/** Completions while a `/sco` option is typed: release titles or topics, as the option's spec asks. */
export function scoAutocomplete(deps: DiscordDeps) {
  return async (i: AutocompleteInteraction): Promise<void> => {
    const spec = specForSubcommand(deps.registry, i.options.getSubcommand(false));
    const focused = i.options.getFocused(true);
    const option = spec?.options.find((o) => o.name.toLowerCase() === focused.name);
    const typed = String(focused.value);
    const choices =
      option?.autocomplete === 'titles' ? queryChoices(deps.library, typed) : option?.autocomplete === 'topics' ? topicChoices(deps.library.topics(), typed) : [];
    await i.respond(choices);
  };
}
