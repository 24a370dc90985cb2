import type { ButtonInteraction } from 'discord.js';
import type { Request } from '../../../../src/bot/request.ts';
import { placeOf, userOf, type InteractionAnswers } from '../../answer-interaction.ts';
import { parseCustomId } from '../../button-ids.ts';
import type { DiscordDeps } from '../../deps.ts';

/** A button press (`results.more`, `feedback.up` ...): the action id and value go to the core; the reply may replace the message. */
export function buttonAction(deps: DiscordDeps, answers: InteractionAnswers) {
  return async (i: ButtonInteraction): Promise<void> => {
    const action = await parseCustomId(i.customId, deps.store);
    if (!action) {
      await answers.send(i, { blocks: [{ type: 'text', text: ['That button has expired. Run the command again.'] }], text: 'That button has expired.', visibility: 'private' }, 'none');
      return;
    }
    const request: Request = { kind: 'action', text: '', user: userOf(i), ...placeOf(i), action, raw: i };
    await answers.run(i, request, 'update');
  };
}
