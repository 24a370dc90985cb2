import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { verifySlackSignature } from './verify-signature.ts';

const EVENTS_PATH = '/slack/events';
const BODY_LIMIT = 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

/**
 * Bolt's HTTP receiver (which owns PORT in HTTP mode, so it also serves /healthz and /metrics)
 * with the request check done first and completely: signature, and a
 * timestamp within 5 minutes of now in either direction (Bolt alone accepts future timestamps).
 * A refused request never reaches Bolt, so no listener runs. The buffered body is handed on as
 * `rawBody`, which Bolt reuses instead of reading the stream again.
 */
export function createFreshHttpReceiver(options: {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  clock: () => Date;
  /** Serves the ops paths (/healthz, /metrics) on the same port; returns false for other paths. */
  ops?: (req: IncomingMessage, res: ServerResponse) => boolean;
}): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, logger: options.boltLogger });
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== EVENTS_PATH) {
      if (options.ops?.(req, res)) return;
      return inner(req, res);
    }
    void (async () => {
      const body = await readBody(req, BODY_LIMIT);
      if (body === null) return refuse(res, 413);
      const text = body.toString('utf8');
      // Slack's certificate check carries no signature; Bolt answers it and strips anything else.
      const sslCheck = header(req, 'content-type') === 'application/x-www-form-urlencoded' && new URLSearchParams(text).get('ssl_check') === '1';
      if (!sslCheck) {
        const check = verifySlackSignature({
          signingSecret: options.signingSecret,
          timestamp: header(req, 'x-slack-request-timestamp'),
          signature: header(req, 'x-slack-signature'),
          body: text,
          nowMs: options.clock().getTime(),
        });
        if (!check.ok) {
          options.logger.warn({ reason: check.reason }, 'refused a Slack request');
          return refuse(res, 401);
        }
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
