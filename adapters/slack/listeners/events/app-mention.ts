import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInThread } from '../../answer-in-thread.ts';
import type { SlackDeps } from '../../deps.ts';

/** `@sco ...` in a channel: Bolt has acked the event already; the answer goes in a thread under it. */
export function appMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !event.user) return;
    await answerInThread(deps, client, {
      kind: 'mention',
      team: event.team ?? body.team_id,
      channel: event.channel,
      user: event.user,
      ts: event.ts,
      threadTs: event.thread_ts,
      text: event.text,
      botUserId: context.botUserId,
      raw: event,
    });
  };
}
