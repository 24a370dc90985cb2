import type { PostResult } from '../../src/ports/transport.ts';
import { CONVERSATION_FAILED } from '../conversation.ts';

type Failure = Exclude<PostResult, { ok: true }>;

interface SlackErrorShape {
  code?: string;
  data?: { error?: string; needed?: string; response_metadata?: { messages?: string[] } };
  retryAfter?: number;
  statusCode?: number;
  message?: string;
}

const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org', 'ratelimited']);
const NOT_FOUND = new Set(['channel_not_found', 'is_archived', 'thread_not_found', 'message_not_found', 'user_not_found']);
const AUTH = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission', 'ekm_access_denied', 'org_login_required']);

function shape(error: unknown): SlackErrorShape {
  return typeof error === 'object' && error !== null ? (error as SlackErrorShape) : { message: String(error) };
}

/** The Web API error code (`not_in_channel` ...) or undefined when the failure was not Slack's answer. */
export function slackErrorCode(error: unknown): string | undefined {
  return shape(error).data?.error;
}

/**
 * A Web API failure as a Transport result, with a detail that says what to do about it
 * (invite the bot, add a scope), since a person reads it in the logs or the status page.
 */
export function classifyError(error: unknown): Failure {
  const e = shape(error);
  if (e.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 1;
    return { ok: false, kind: 'rate_limited', retryAfterMs: seconds * 1000, detail: `Slack rate limit: retry after ${seconds}s` };
  }
  if (e.code === 'slack_webapi_http_error') {
    return { ok: false, kind: 'transient', detail: `Slack answered HTTP ${e.statusCode ?? '?'}` };
  }
  if (e.code === 'slack_webapi_request_error') {
    return { ok: false, kind: 'transient', detail: `could not reach Slack: ${e.message ?? 'network error'}` };
  }
  const code = e.data?.error;
  if (code === 'not_in_channel') {
    return { ok: false, kind: 'forbidden', detail: 'not_in_channel: the bot is not a member of this channel; invite it with `/invite @SCO Bot` in the channel' };
  }
  if (code === 'missing_scope') {
    const scope = e.data?.needed ?? 'unknown';
    return { ok: false, kind: 'forbidden', detail: `missing_scope: the Slack app lacks the \`${scope}\` scope; add it under OAuth & Permissions (or update from the manifest) and reinstall the app` };
  }
  if (code && NOT_FOUND.has(code)) {
    return { ok: false, kind: 'not_found', detail: `${code}: the channel is gone, archived or private; if it is private, invite the bot with \`/invite @SCO Bot\`` };
  }
  if (code && AUTH.has(code)) {
    return { ok: false, kind: 'forbidden', detail: `${code}: the bot token is not accepted; check SLACK_BOT_TOKEN and that the app is still installed` };
  }
  if (code && TRANSIENT.has(code)) return { ok: false, kind: 'transient', detail: `Slack error ${code}` };
  const messages = e.data?.response_metadata?.messages?.join('; ');
  return { ok: false, kind: 'transient', detail: `Slack error ${code ?? e.message ?? 'unknown'}${messages ? `: ${messages}` : ''}` };
}

/**
 * The one sentence a person sees when their request failed: the same as on Discord and in a
 * conversation, unless there is something they can do about it here (invite the bot). The log
 * gets the detail.
 */
export function friendlySentence(error: unknown): string {
  return slackProblemSentence(error) ?? CONVERSATION_FAILED;
}

/** What the person can do about this Slack failure (invite the bot, reinstall), when there is something. */
export function slackProblemSentence(error: unknown): string | undefined {
  const code = slackErrorCode(error);
  if (code === 'not_in_channel' || code === 'channel_not_found') {
    return 'I can’t post in this channel yet. Invite me with `/invite @SCO Bot` and ask again.';
  }
  if (code === 'missing_scope') {
    const scope = shape(error).data?.needed;
    return `I’m missing a Slack permission${scope ? ` (\`${scope}\`)` : ''}. Ask a workspace admin to reinstall the app from its manifest.`;
  }
  return undefined;
}
