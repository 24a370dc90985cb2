import type { BlockAction, webApi } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import type { SlackDeps } from './deps.ts';
import { replyModal } from './render/view.ts';

/**
 * A button pressed in a view rather than a message has no response_url: on the Home tab the tab
 * is published again with the outcome on top (and refreshed for others when a subscription
 * changed); in a modal the reply replaces the modal (paging) or opens over it (a citation).
 * False when the press did not come from a view.
 */
export async function replyInView(deps: SlackDeps, client: webApi.WebClient, body: BlockAction, actionId: string, reply: Reply): Promise<boolean> {
  const view = body.view;
  if (!view) return false;
  const team = body.team?.id ?? body.user.team_id ?? '';
  if (view.type === 'home') {
    if (!deps.home) return false;
    await deps.home.publish(team, body.user.id, reply.text);
    if (actionId.startsWith('subscription.')) await deps.home.refreshTeam(team, body.user.id);
    return true;
  }
  if (view.type !== 'modal') return false;
  if (reply.replaceOriginal) {
    await client.views.update({ view_id: view.id, hash: view.hash, view: replyModal(view.title.text, reply) });
  } else {
    await client.views.push({ trigger_id: body.trigger_id, view: replyModal('SCO Bot', reply) });
  }
  return true;
}
