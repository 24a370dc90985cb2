import { createHmac } from 'node:crypto';

/** Signs a request body the way Slack does; sign exactly the bytes you send. */
export function signSlack(secret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const ts = String(timestampSec);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': ts, 'x-slack-signature': signature };
}

/** POSTs a signed body to a Bolt HTTP receiver, as Slack would. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  options: { contentType?: string; timestampSec?: number; signature?: string } = {},
): Promise<Response> {
  const headers = signSlack(secret, body, options.timestampSec);
  if (options.signature) headers['x-slack-signature'] = options.signature;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json', connection: 'close', ...headers },
    body,
  });
}

/** A slash command as Slack posts it: form-encoded. */
export function slashCommandForm(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactive payload as Slack posts it: form-encoded with one `payload` field of JSON. */
export function interactiveForm(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
