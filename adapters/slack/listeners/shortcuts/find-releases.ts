import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Request } from '../../../../src/bot/request.ts';
import { MESSAGE_RELEASES_ACTION } from '../../../../src/commands/message-releases.ts';
import { respondWith } from '../../deliver-reply.ts';
import { friendlySentence } from '../../errors.ts';
import type { SlackDeps } from '../../deps.ts';
import { channelKey } from '../../channel-key.ts';
import { decodeSlackText } from '../../incoming-text.ts';

/** The manifest's message shortcut "Find SCO releases about this". */
export const FIND_RELEASES_SHORTCUT = 'sco_find_releases';

/** A message's words, looked up by the core; the results go to the person alone through the response_url. */
export function findReleasesShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const person = await deps.users.lookup(shortcut.user.id);
      const request: Request = {
        kind: 'action',
        text: '',
        user: { id: shortcut.user.id, name: person.name ?? shortcut.user.name, canManage: person.canManage },
        channel: channelKey(shortcut.team?.id ?? shortcut.user.team_id ?? '', shortcut.channel.id),
        action: { id: MESSAGE_RELEASES_ACTION, value: decodeSlackText(shortcut.message.text ?? '') },
        raw: shortcut,
      };
      const reply = await deps.bot.handle(request);
      await respondWith(respond, { ...reply, visibility: 'private' });
    } catch (error) {
      deps.logger.error({ err: error }, 'message shortcut failed');
      await respond({ response_type: 'ephemeral', text: friendlySentence(error) }).catch((e: unknown) => deps.logger.warn({ err: e }, 'could not tell the person either'));
    }
  };
}
