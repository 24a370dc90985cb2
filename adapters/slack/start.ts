import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App as BoltApp, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { App } from '../compose.ts';
import { BotError } from '../../src/errors.ts';
import type { StatusProviders } from '../../src/ops/health.ts';
import { createOpsHandler } from '../http/health-server.ts';
import type { AdapterStatus, PlatformAdapter } from '../platform.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackErrorCode } from './errors.ts';
import { createFreshHttpReceiver } from './fresh-http-receiver.ts';
import { registerListeners } from './listeners/index.ts';
import { SlackTransport } from './transport.ts';
import { SlackUsers } from './users.ts';

/** The Slack adapter; in HTTP mode it also knows the port Bolt listens on. */
export interface SlackAdapter extends PlatformAdapter {
  /** HTTP mode, once started: the port Bolt listens on (useful with PORT=0). */
  readonly port?: number;
}

export interface StartSlackOptions {
  /** HTTP mode: the interface to listen on (default all). */
  host?: string;
  /** Web API retries; tests pass `{ retries: 0 }` so a broken fake fails fast. */
  retryConfig?: webApi.RetryOptions;
  /** The transport waits out rate limits up to this long (default 30 s). */
  maxRateLimitWaitMs?: number;
  /** Every Web API call gives up after this long (default 10 s): a hung call must not hold a digest run. */
  apiTimeoutMs?: number;
  /**
   * HTTP mode: the adapters /healthz reports on, since Bolt owns PORT then (default: Slack alone).
   * Pass getters for every adapter, e.g. `{ slack: () => ..., discord: () => ... }`; the map is read at
   * each request, so main.ts fills it once every adapter is made.
   */
  opsAdapters?: StatusProviders;
}

/**
 * The Slack adapter, not yet connected: Socket Mode when SLACK_APP_TOKEN is set (no public URL
 * needed), otherwise HTTP mode on PORT, checking SLACK_SIGNING_SECRET and the request's age
 * before Bolt sees it. SLACK_API_URL sends every Web API call elsewhere (GovSlack, a test fake).
 */
export function slackAdapter(app: App, options: StartSlackOptions = {}): SlackAdapter {
  const { config } = app;
  const logger = app.logger.child({ component: 'slack' });
  const token = config.slackBotToken;
  if (!token) throw new BotError('config', 'SLACK_BOT_TOKEN is not set');
  const bLogger = boltLogger(app.logger, config.logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    timeout: options.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS,
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    logger: bLogger,
  };

  let status: AdapterStatus = 'connecting';
  let receiver: Receiver;
  let socket: SocketModeReceiver | undefined;
  if (config.slackAppToken) {
    socket = new SocketModeReceiver({ appToken: config.slackAppToken, logger: bLogger, installerOptions: { clientOptions } });
    socket.client.on('connecting', () => (status = 'connecting'));
    socket.client.on('reconnecting', () => (status = 'connecting'));
    socket.client.on('connected', () => (status = 'connected'));
    socket.client.on('disconnected', () => (status = 'down'));
    receiver = socket;
  } else {
    if (!config.slackSigningSecret) throw new BotError('config', 'SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)');
    const ops = createOpsHandler(app, { adapters: options.opsAdapters ?? { slack: () => status } });
    receiver = createFreshHttpReceiver({ signingSecret: config.slackSigningSecret, logger, boltLogger: bLogger, clock: app.clock, ops });
  }

  // The transport has its own client so rate limits come back classified instead of being waited
  // out blindly, and a Slack outage fails a post within seconds. It never retries by itself: a
  // 500 or a reset may come after Slack stored the message, so the scheduler retries, asking
  // findPosted first.
  const transport = new SlackTransport({
    client: new webApi.WebClient(token, { ...clientOptions, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
    logger,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs,
  });

  let bolt: BoltApp | undefined;
  let port: number | undefined;
  return {
    name: 'slack',
    transport,
    get port() {
      return port;
    },
    status: () => status,
    async start() {
      // Checked here rather than by Bolt, whose own check only fails at the first event.
      const identity = await whoAmI(token, { ...clientOptions, retryConfig: options.retryConfig ?? START_RETRIES }, config.slackApiUrl);
      bolt = new BoltApp({ token, botId: identity.botId, botUserId: identity.botUserId, receiver, logger: bLogger, clientOptions });
      const users = new SlackUsers(bolt.client, config.slackManagers, logger);
      registerListeners(bolt, { bot: app.bot, registry: app.registry, services: app, users, logger });
      bolt.error(async (error) => {
        logger.error({ err: error }, 'unhandled Slack listener error');
      });
      try {
        if (socket) {
          await bolt.start();
        } else {
          const server = (await bolt.start({ port: config.port, ...(options.host ? { host: options.host } : {}) })) as Server;
          port = (server.address() as AddressInfo).port;
        }
        status = 'connected';
      } catch (error) {
        status = 'down';
        logger.error({ err: error }, 'Slack app did not start');
        const why = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
        const fix = socket
          ? 'Check SLACK_APP_TOKEN: an app-level token (xapp-) with the connections:write scope, with Socket Mode enabled for the app'
          : `Check that PORT ${config.port} is free`;
        throw new BotError('config', `Slack did not start (${why}). ${fix}.`, { cause: error });
      }
      logger.info({ mode: socket ? 'socket' : 'http', port }, 'Slack app started');
    },
    async stop() {
      if (!bolt) return;
      const closed = socket
        ? new Promise<void>((resolve) => {
            socket.client.once('disconnected', () => resolve());
            setTimeout(resolve, 2000).unref();
          })
        : Promise.resolve();
      await bolt.stop();
      // Bolt resolves before the socket has closed.
      await closed;
      status = 'down';
    },
  };
}

/** Makes the Slack adapter and connects it (tests, the load bench). */
export async function startSlack(app: App, options: StartSlackOptions = {}): Promise<SlackAdapter> {
  const adapter = slackAdapter(app, options);
  await adapter.start();
  return adapter;
}

const DEFAULT_API_TIMEOUT_MS = 10_000;
/** `auth.test` at start: one quick retry for a blip, not the client's default half hour of them. */
const START_RETRIES: webApi.RetryOptions = { retries: 1, factor: 1, minTimeout: 500, maxTimeout: 500 };

/**
 * The bot's own ids from `auth.test`; a refused token or an unreachable Slack stops the start at
 * once with what to check (as Discord's start does), instead of retrying silently.
 */
async function whoAmI(token: string, clientOptions: webApi.WebClientOptions, apiUrl: string | undefined): Promise<{ botId: string; botUserId: string }> {
  try {
    const res = await new webApi.WebClient(token, clientOptions).auth.test();
    if (!res.bot_id || !res.user_id) throw new Error('auth.test returned no bot id: is SLACK_BOT_TOKEN a bot token?');
    return { botId: res.bot_id, botUserId: res.user_id };
  } catch (error) {
    const code = slackErrorCode(error);
    const message = code
      ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-) from the app's OAuth & Permissions page, and reinstall the app if it was removed.`
      : `Could not reach Slack at ${apiUrl ?? 'https://slack.com/api/'} (${networkReason(error)}). Check the network${apiUrl ? ' and SLACK_API_URL' : ''}.`;
    throw new BotError('config', message, { cause: error });
  }
}

/**
 * The innermost reason of a failed request (`connect ECONNREFUSED ...`, `The operation was
 * aborted due to timeout`): the Web API client wraps it twice as "A request error occurred: fetch failed".
 */
function networkReason(error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const inner = (e as { original?: unknown; cause?: unknown }).original ?? (e as { cause?: unknown }).cause;
    if (inner instanceof Error && inner.message) reason = inner.message;
    e = inner;
  }
  return reason;
}
