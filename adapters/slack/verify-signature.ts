import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from now, in either direction (Slack's own rule is 5 minutes). */
export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`, as Slack signs its requests. Pass the
 * body's bytes as received: decoding them first (invalid UTF-8 becomes U+FFFD) changes what is signed.
 */
export function slackSignature(signingSecret: string, timestamp: string, body: string | Buffer): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/**
 * Whether a timestamp header is a whole number of seconds within MAX_SKEW_SECONDS of now.
 * Bolt only refuses old requests; one dated in the future could be replayed until then.
 */
export function checkTimestamp(timestamp: string | undefined, nowMs: number): SignatureCheck {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed x-slack-request-timestamp' };
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skew < -MAX_SKEW_SECONDS) return { ok: false, reason: `request timestamp is ${-skew}s old` };
  if (skew > MAX_SKEW_SECONDS) return { ok: false, reason: `request timestamp is ${skew}s in the future` };
  return { ok: true };
}

/** Verifies a request the way Slack documents it, plus the future-timestamp check. */
export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  /** The raw bytes of the request body (a string is taken as UTF-8). */
  body: string | Buffer;
  nowMs: number;
}): SignatureCheck {
  const fresh = checkTimestamp(input.timestamp, input.nowMs);
  if (!fresh.ok) return fresh;
  if (!input.signature?.startsWith('v0=')) return { ok: false, reason: 'missing or unknown x-slack-signature' };
  const expected = Buffer.from(slackSignature(input.signingSecret, input.timestamp!, input.body));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
