import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { Request } from '../../../../src/bot/request.ts';
import { MESSAGE_RELEASES_ACTION } from '../../../../src/commands/message-releases.ts';
import { placeOf, userOf, type InteractionAnswers } from '../../answer-interaction.ts';
import { FIND_RELEASES_MENU, messageWords } from '../../message-menu.ts';

/** "Find SCO releases" on a message (Slack's message shortcut): its words go to the core's message lookup; the results are private. */
export function findReleasesMenu(answers: InteractionAnswers) {
  return async (i: MessageContextMenuCommandInteraction): Promise<void> => {
    if (i.commandName !== FIND_RELEASES_MENU) return;
    const action = { id: MESSAGE_RELEASES_ACTION, value: messageWords(i.targetMessage) };
    const request: Request = { kind: 'action', text: '', user: userOf(i), ...placeOf(i), action, raw: i };
    await answers.run(i, request, 'ephemeral');
  };
}
