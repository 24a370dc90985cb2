import { eventCallback } from './payloads.ts';
import { FAKE_BOT } from './fake-slack.ts';

/**
 * Payloads of Slack's app surfaces (Home tab, modals, shortcuts, unfurls), shaped as Slack sends
 * them: the event inside an event_callback, interactive payloads as the `payload` form field.
 */

const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: FAKE_BOT.teamId });

export function appHomeOpened(userId: string, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  return eventCallback({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab, event_ts: `${Math.floor(Date.now() / 1000)}.000100` });
}

/** A view as Slack echoes it back in interactive payloads. */
export function viewState(type: 'home' | 'modal', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'VHOME1',
    team_id: FAKE_BOT.teamId,
    type,
    blocks: [],
    private_metadata: '',
    callback_id: '',
    state: { values: {} },
    hash: '1700000000.abcdef',
    title: { type: 'plain_text', text: 'SCO Bot' },
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: 'VHOME1',
    app_id: FAKE_BOT.appId,
    external_id: '',
    app_installed_team_id: FAKE_BOT.teamId,
    bot_id: FAKE_BOT.botId,
    ...extra,
  };
}

/** A button pressed in a view: no channel and no response_url, the view instead. */
export function viewBlockAction(userId: string, actionId: string, value: string, view: Record<string, unknown> = viewState('home')): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: user(userId),
    api_app_id: FAKE_BOT.appId,
    token: 'legacy-token',
    container: { type: 'view', view_id: view.id },
    trigger_id: '2.3.4',
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    view,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000401.000401' }],
  };
}

/** A modal's form submitted: the values keyed by block_id, then action_id. */
export function viewSubmission(userId: string, callbackId: string, values: Record<string, Record<string, unknown>>, privateMetadata = ''): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    user: user(userId),
    api_app_id: FAKE_BOT.appId,
    token: 'legacy-token',
    trigger_id: '3.4.5',
    view: viewState('modal', { id: 'VMODAL1', callback_id: callbackId, private_metadata: privateMetadata, state: { values } }),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A message shortcut on a message in a channel. */
export function messageShortcut(userId: string, callbackId: string, text: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'legacy-token',
    action_ts: '1700000500.000500',
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    user: user(userId),
    channel: { id: 'C1', name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: '4.5.6',
    response_url: responseUrl,
    message_ts: '1700000499.000499',
    message: { type: 'message', user: 'U9', ts: '1700000499.000499', text },
  };
}

/** Links pasted in a message, as `link_shared` reports them. */
export function linkShared(urls: string[], userId = 'U1'): Record<string, unknown> {
  return eventCallback({
    type: 'link_shared',
    channel: 'C1',
    is_bot_user_member: true,
    user: userId,
    message_ts: '1700000600.000600',
    unfurl_id: 'Uf1',
    thread_ts: '1700000600.000600',
    source: 'conversations_history',
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: '1700000600.000601',
  });
}
