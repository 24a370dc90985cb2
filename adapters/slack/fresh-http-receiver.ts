import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { verifySlackSignature } from './verify-signature.ts';

const EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;

/**
 * The body, or null as soon as it passes `limit`. The rest is then read and dropped rather than
 * the socket destroyed, so the sender gets the 413 instead of a connection reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off('data', onData);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

/**
 * Bolt's HTTP receiver (which owns PORT in HTTP mode, so it also serves /healthz and /metrics)
 * with the request check done first and completely: signature, and a
 * timestamp within 5 minutes of now in either direction (Bolt alone accepts future timestamps).
 * A refused request never reaches Bolt, so no listener runs. The buffered body is handed on as
 * `rawBody`, which Bolt reuses instead of reading the stream again.
 *
 * The signature is checked over the bytes received. Bolt's own check is off: it hashes the body
 * decoded as UTF-8, which refuses a correctly signed body holding invalid UTF-8 and accepts one
 * signed over the decoded text. Every request to the events path passes our check first.
 */
export function createFreshHttpReceiver(options: {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  clock: () => Date;
  /** Serves the ops paths (/healthz, /metrics) on the same port; returns false for other paths. */
  ops?: (req: IncomingMessage, res: ServerResponse) => boolean;
}): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, logger: options.boltLogger, signatureVerification: false });
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      if (options.ops?.(req, res)) return;
      return inner(req, res);
    }
    void (async () => {
      const body = await readBody(req, BODY_LIMIT);
      if (body === null) {
        options.logger.warn({ limit: BODY_LIMIT }, 'refused a Slack request: body too large');
        return refuse(res, 413, { connection: 'close' });
      }
      // Slack's certificate check carries no signature; Bolt answers it. Anything else in such a
      // body is unsigned, so it is dropped here (Bolt would only do that with its own check on).
      const sslCheck = header(req, 'content-type') === 'application/x-www-form-urlencoded' && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
      if (sslCheck) {
        Object.assign(req, { rawBody: Buffer.from('ssl_check=1') });
        return inner(req, res);
      }
      const check = verifySlackSignature({
        signingSecret: options.signingSecret,
        timestamp: header(req, 'x-slack-request-timestamp'),
        signature: header(req, 'x-slack-signature'),
        body,
        nowMs: options.clock().getTime(),
      });
      if (!check.ok) {
        options.logger.warn({ reason: check.reason }, 'refused a Slack request');
        return refuse(res, 401);
      }
      Object.assign(req, { rawBody: body });
      inner(req, res);
    })().catch((error: unknown) => {
      options.logger.error({ err: error }, 'could not read a Slack request');
      if (!res.headersSent) refuse(res, 400);
    });
  };
  return receiver;
}
