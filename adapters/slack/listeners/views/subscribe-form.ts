import type { AllMiddlewareArgs, App as BoltApp, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Request } from '../../../../src/bot/request.ts';
import { HOME_SUBSCRIBE_ACTION } from '../../../../src/commands/home-reply.ts';
import { matchingCount, subscribeFormText } from '../../../../src/commands/subscribe-form.ts';
import { textReply } from '../../../../src/bot/reply.ts';
import { postInConversation } from '../../deliver-reply.ts';
import { replyModal } from '../../render/view.ts';
import type { SlackDeps } from '../../deps.ts';
import { channelKey } from '../../channel-key.ts';
import { truncate } from '../../render/text.ts';
import { FILTER_ACTION, readForm, readTarget, subscribeModal, SUBSCRIBE_VIEW, type SubscribeTarget } from '../../subscribe-modal.ts';

const NOT_MANAGER = 'Sorry, only people who can manage a channel can subscribe it to digests. Ask a workspace admin.';

/** Is this a command whose spec asks through the subscribe form when bare (`/sco subscribe`)? Then the form asks instead. */
export function isBareSubscribe(deps: SlackDeps, text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length === 1 && deps.registry.find(words[0] ?? '')?.formWhenBare === 'subscribe';
}

/** Opens the form with the trigger_id of the command or button (Slack allows 3 s), the timezone defaulting to the person's own. */
export async function openSubscribeModal(deps: SlackDeps, client: webApi.WebClient, args: { triggerId: string; user: string; target: SubscribeTarget }): Promise<void> {
  const person = await deps.users.lookup(args.user);
  if (!person.canManage) {
    await client.views.open({ trigger_id: args.triggerId, view: replyModal('New digest', textReply(NOT_MANAGER)) });
    return;
  }
  const view = subscribeModal(args.target, { tz: person.tz ?? deps.services.config.defaultTimezone, count: matchingCount(deps.services, '') });
  await client.views.open({ trigger_id: args.triggerId, view });
}

/** The Home tab's "New digest subscription" button. */
function fromHome(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? '';
    await openSubscribeModal(deps, client, { triggerId: body.trigger_id, user: body.user.id, target: { team } }).catch((e: unknown) =>
      deps.logger.error({ err: e }, 'could not open the subscribe form'),
    );
  };
}

/** Every keystroke in the topic field: the count beside it follows what is typed. */
function liveCount(deps: SlackDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    const target = readTarget(view.private_metadata);
    if (!target) return;
    const { form } = readForm(view.state.values as Parameters<typeof readForm>[0]);
    const next = subscribeModal(target, { tz: form.tz, count: matchingCount(deps.services, form.filter ?? '') });
    // The hash makes Slack refuse an update based on a view that has changed since (a faster keystroke).
    await client.views.update({ view_id: view.id, hash: view.hash, view: next }).catch((e: unknown) => deps.logger.debug({ err: e }, 'live count update skipped'));
  };
}

/** The form submitted: the same validation and the same confirmation as the typed command. */
function submit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const target = readTarget(view.private_metadata);
    const { form, channel: picked } = readForm(view.state.values as Parameters<typeof readForm>[0]);
    const channel = target?.channel ?? picked;
    if (!target || !channel) {
      await ack({ response_action: 'errors', errors: { channel: 'Pick the channel the digests go to.' } });
      return;
    }
    const result = subscribeFormText(form, deps.services.config.defaultTimezone);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
      return;
    }
    const person = await deps.users.lookup(body.user.id);
    const request: Request = {
      kind: 'command',
      text: result.text,
      user: { id: body.user.id, name: person.name ?? body.user.name, canManage: person.canManage },
      channel: channelKey(target.team, channel),
      raw: body,
    };
    const reply = await deps.bot.handle(request);
    // A refusal (already subscribed, not a manager) comes back private: it belongs on the form.
    if (reply.visibility !== 'channel') {
      await ack({ response_action: 'errors', errors: { schedule: truncate(reply.text, 300) } });
      return;
    }
    await ack();
    try {
      await postInConversation(client, reply, { channel, user: body.user.id, direct: false });
      await deps.home?.refreshTeam(target.team);
    } catch (error) {
      deps.logger.error({ err: error, channel }, 'subscribed, but could not post the confirmation');
    }
  };
}

export function registerSubscribeForm(bolt: BoltApp, deps: SlackDeps): void {
  bolt.action({ type: 'block_actions', action_id: HOME_SUBSCRIBE_ACTION }, fromHome(deps));
  bolt.action({ type: 'block_actions', action_id: FILTER_ACTION }, liveCount(deps));
  bolt.view({ type: 'view_submission', callback_id: SUBSCRIBE_VIEW }, submit(deps));
}
