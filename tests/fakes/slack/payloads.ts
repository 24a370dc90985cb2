import { FAKE_BOT } from './fake-slack.ts';

/**
 * Payloads shaped like Slack's: the same objects go over HTTP (form or JSON) and inside Socket
 * Mode envelopes.
 */

export function slashCommand(text: string, responseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    token: 'legacy-token',
    team_id: FAKE_BOT.teamId,
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'ana',
    command: '/sco',
    text,
    api_app_id: FAKE_BOT.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
    ...extra,
  };
}

let eventCounter = 0;

export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: 'legacy-token',
    team_id: FAKE_BOT.teamId,
    api_app_id: FAKE_BOT.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false }],
  };
}

export function appMention(text: string, ts = '1700000100.000100', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return eventCallback({
    type: 'app_mention',
    user: 'U1',
    text,
    ts,
    channel: 'C1',
    event_ts: ts,
    team: FAKE_BOT.teamId,
    ...extra,
  });
}

export function directMessage(text: string, ts = '1700000200.000200'): Record<string, unknown> {
  return eventCallback({ type: 'message', channel_type: 'im', user: 'U1', text, ts, channel: 'D1', event_ts: ts, team: FAKE_BOT.teamId });
}

export function blockAction(actionId: string, value: string, responseUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    user: { id: 'U1', username: 'ana', name: 'ana', team_id: FAKE_BOT.teamId },
    api_app_id: FAKE_BOT.appId,
    token: 'legacy-token',
    container: { type: 'message', message_ts: '1700000300.000300', channel_id: 'C1', is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: 'C1', name: 'general' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000301.000301' }],
    ...extra,
  };
}
