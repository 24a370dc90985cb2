import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Request } from '../../../../src/bot/request.ts';
import { postInConversation, respondWith } from '../../deliver-reply.ts';
import { replyInView } from '../../reply-in-view.ts';
import { friendlySentence } from '../../errors.ts';
import type { SlackDeps } from '../../deps.ts';
import { channelKey, isDirectChannel } from '../../channel-key.ts';

/**
 * A button press (`results.more`, `results.share`, `feedback.up` ...): acks at once, hands the
 * action id and value to the core, and answers through the response_url, replacing the
 * original message when the reply asks for it.
 */
export function buttonAction(deps: SlackDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id ?? '';
    try {
      const person = await deps.users.lookup(body.user.id);
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      const request: Request = {
        kind: 'action',
        text: '',
        user: { id: body.user.id, name: person.name ?? body.user.name, canManage: person.canManage },
        channel: channelKey(body.team?.id ?? body.user.team_id ?? '', channel),
        thread: message?.thread_ts,
        action: { id: action.action_id, value: action.type === 'button' ? (action.value ?? '') : '' },
        raw: body,
      };
      const reply = await deps.bot.handle(request);
      if (await replyInView(deps, client, body, action.action_id, reply)) return;
      if (body.response_url) await respondWith(respond, reply, { fromAction: true });
      else await postInConversation(client, reply, { channel, threadTs: message?.thread_ts, user: body.user.id, direct: isDirectChannel(channel) });
    } catch (error) {
      deps.logger.error({ err: error, action: action.action_id, channel }, 'button action failed');
      const text = friendlySentence(error);
      const sorry = body.response_url
        ? respond({ response_type: 'ephemeral', replace_original: false, text })
        : client.chat.postEphemeral({ channel, user: body.user.id, text });
      await sorry.catch((e: unknown) => deps.logger.warn({ err: e }, 'could not tell the person either'));
    }
  };
}
