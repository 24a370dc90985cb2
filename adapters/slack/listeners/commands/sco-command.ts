import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Request } from '../../../../src/bot/request.ts';
import { respondWith } from '../../deliver-reply.ts';
import { friendlySentence } from '../../errors.ts';
import type { SlackDeps } from '../../deps.ts';
import { channelKey } from '../../channel-key.ts';
import { decodeSlackText } from '../../incoming-text.ts';
import { isBareSubscribe, openSubscribeModal } from '../views/subscribe-form.ts';

/** `/sco <text>`: acks at once (Slack allows 3 s), then answers through the response_url. */
export function scoCommand(deps: SlackDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const person = await deps.users.lookup(command.user_id);
      const request: Request = {
        kind: 'command',
        text: decodeSlackText(command.text ?? ''),
        user: { id: command.user_id, name: person.name ?? command.user_name, canManage: person.canManage },
        channel: channelKey(command.team_id, command.channel_id),
        raw: command,
      };
      // `/sco subscribe` alone opens the guided form; with options it runs as typed.
      if (command.trigger_id && person.canManage && isBareSubscribe(deps, request.text)) {
        await openSubscribeModal(deps, client, { triggerId: command.trigger_id, user: command.user_id, target: { team: command.team_id, channel: command.channel_id } });
        return;
      }
      const reply = await deps.bot.handle(request);
      await respondWith(respond, reply);
      await deps.home?.afterCommand(command.team_id, request.text);
    } catch (error) {
      deps.logger.error({ err: error, channel: command.channel_id }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: friendlySentence(error) }).catch((e: unknown) =>
        deps.logger.warn({ err: e }, 'could not tell the person either'),
      );
    }
  };
}
