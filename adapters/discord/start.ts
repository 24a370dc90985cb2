import { Client, Events, GatewayIntentBits, Partials, type RateLimitData } from 'discord.js';
import type { App } from '../compose.ts';
import { BotError } from '../../src/errors.ts';
import type { AdapterStatus, PlatformAdapter } from '../platform.ts';
import type { DiscordDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';
import { explainLoginError } from './login-error.ts';
import { NO_MENTIONS } from './render/message-body.ts';
import { DiscordTransport } from './transport.ts';

/**
 * Guilds: channels and threads; GuildMessages: mentions of the bot (Discord includes the text
 * of messages that mention the bot without the privileged Message Content intent);
 * DirectMessages: questions sent to the bot directly. None is privileged.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export interface DiscordOptions {
  /** Defer interactions and show typing when the core takes longer (default 1500 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** Rate limits longer than this fail fast as `rate_limited` instead of waiting (default 10 s). */
  longRateLimitMs?: number;
  /** Each REST request gives up after this long (default 10 s; discord.js alone waits 15 s, four times). */
  apiTimeoutMs?: number;
}

/**
 * The Discord adapter, not yet connected: slash commands, buttons, autocomplete and mentions go
 * to `app.bot`; its transport posts digests. Commands are registered by
 * `npm run discord:register`, never here. `start` rejects a bad token or refused intents with a
 * BotError that says which and how to fix it.
 */
export function discordAdapter(app: App, options: DiscordOptions = {}): PlatformAdapter {
  const { config, logger } = app;
  const token = config.discordToken;
  if (!token) throw new BotError('config', 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (your application > Bot > Reset Token).');
  const longLimit = options.longRateLimitMs ?? 10_000;
  const deferAfterMs = options.deferAfterMs ?? 1500;

  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}),
      // A hung request costs at most two timeouts (one retry, with the same nonce, which Discord
      // answers with the message it already has), so a digest run is never held for minutes.
      timeout: options.apiTimeoutMs ?? 10_000,
      retries: 1,
      // A short wait is done inside discord.js; a long one would hold a digest run, so it fails fast.
      rejectOnRateLimit: (data: RateLimitData) => Math.max(data.retryAfter, data.timeToReset) > longLimit,
    },
  });

  let state: AdapterStatus = 'connecting';
  let stopped = false;
  client.on(Events.ClientReady, (c) => {
    state = 'connected';
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'discord connected');
  });
  client.on(Events.ShardReady, () => (state = 'connected'));
  client.on(Events.ShardResume, () => (state = 'connected'));
  client.on(Events.ShardReconnecting, () => (state = 'connecting'));
  client.on(Events.ShardDisconnect, (event) => {
    state = 'down';
    logger.error({ code: event.code }, 'discord gateway closed for good');
  });
  client.on(Events.ShardError, (err) => logger.warn({ err }, 'discord gateway error'));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  const deps: DiscordDeps = { bot: app.bot, registry: app.registry, library: app.library, store: app.store, logger };
  registerListeners(client, deps, { deferAfterMs });

  return {
    name: 'discord',
    transport: new DiscordTransport({ rest: client.rest, logger }),
    // destroy() makes the shard report reconnecting; a stopped bot is down whatever it says.
    status: () => (stopped ? 'down' : state),
    async start() {
      try {
        await client.login(token);
      } catch (error) {
        state = 'down';
        await client.destroy().catch(() => undefined);
        throw new BotError('config', explainLoginError(error, config.discordApiUrl), { cause: error });
      }
      if (client.isReady()) state = 'connected';
    },
    async stop() {
      stopped = true;
      await client.destroy();
    },
  };
}

/** Makes the Discord adapter and connects it (tests, the load bench). */
export async function startDiscord(app: App, options: DiscordOptions = {}): Promise<PlatformAdapter> {
  const adapter = discordAdapter(app, options);
  await adapter.start();
  return adapter;
}
