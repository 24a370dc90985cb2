import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInThread } from '../../answer-in-thread.ts';
import type { SlackDeps } from '../../deps.ts';

/** A direct message to the bot: treated like a mention, answered in a thread under it. */
export function directMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Edits, joins, bot posts and the like carry a subtype; only what a person wrote counts.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    await answerInThread(deps, client, {
      kind: 'message',
      team: message.team ?? body.team_id,
      channel: message.channel,
      user: message.user,
      ts: message.ts,
      threadTs: message.thread_ts,
      text: message.text ?? '',
      botUserId: context.botUserId,
      raw: message,
    });
  };
}
