import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { PostResult } from '../../src/ports/transport.ts';
import { API_CODES } from './limits.ts';

type Failure = Exclude<PostResult, { ok: true }>;

/**
 * A REST failure as the scheduler needs it. discord.js waits out short rate limits itself;
 * long ones reach here as RateLimitError (see `rejectOnRateLimit` in start.ts).
 */
export function classifyError(error: unknown): Failure {
  if (error instanceof RateLimitError) {
    const retryAfterMs = Math.max(error.retryAfter, error.timeToReset, 1000);
    return { ok: false, kind: 'rate_limited', retryAfterMs, detail: `rate limited on ${error.route} for ${Math.ceil(retryAfterMs / 1000)} s` };
  }
  if (error instanceof DiscordAPIError) {
    const detail = `${error.status} ${error.message} (code ${error.code})`;
    if (error.status === 429) return { ok: false, kind: 'rate_limited', retryAfterMs: 5000, detail };
    if (error.code === API_CODES.missingAccess || error.code === API_CODES.missingPermissions || error.status === 403) {
      return { ok: false, kind: 'forbidden', detail: `the bot may not post there: ${detail}` };
    }
    if (error.code === API_CODES.unknownChannel || error.status === 404) {
      return { ok: false, kind: 'not_found', detail: `the channel no longer exists: ${detail}` };
    }
    if (error.status === 401) return { ok: false, kind: 'transient', detail: `Discord refused the bot token (check DISCORD_TOKEN): ${detail}` };
    return { ok: false, kind: 'transient', detail };
  }
  if (error instanceof HTTPError) return { ok: false, kind: 'transient', detail: `${error.status} ${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: 'transient', detail: `network: ${message}` };
}
