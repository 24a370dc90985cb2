import KeyvRedis from '@keyv/redis';
import { createClient, type RedisClientType } from 'redis';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { BackendOps } from './keyv-store.ts';

/**
 * Redis shared by several bots. An unreachable server must not hang the bot: the first connect
 * is bounded (the start fails with a clear message), and while a running bot has lost Redis,
 * commands fail at once (no offline queue) instead of waiting; the client reconnects in the
 * background and the scheduler catches up at its next tick because cursors only move forward
 * after a confirmed post.
 */
export async function redisBackend(url: string, logger: Logger, connectTimeoutMs = 5000): Promise<BackendOps> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => Math.min(200 * 2 ** retries, 10_000),
    },
  }) as RedisClientType;
  let lastWarn = 0;
  client.on('error', (error: unknown) => {
    // A down server emits an error per reconnect attempt; one line a minute is enough.
    if (Date.now() - lastWarn > 60_000) {
      lastWarn = Date.now();
      logger.warn({ err: error }, 'Redis (STATE_URL) unreachable; retrying in the background');
    }
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw new BotError(
      'unavailable',
      `Cannot reach Redis at STATE_URL (${(error as Error).message}). Start Redis, fix STATE_URL, or unset it to use the SQLite file under DATA_DIR.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  const adapter = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: connectTimeoutMs });
  return {
    kind: 'redis',
    adapter,
    async addRaw(key, raw, ttlMs) {
      const options = ttlMs ? { condition: 'NX' as const, expiration: { type: 'PX' as const, value: Math.ceil(ttlMs) } } : { condition: 'NX' as const };
      return (await client.set(key, raw, options)) === 'OK';
    },
    async scan(prefix) {
      const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: pattern, COUNT: 500 })) keys.push(...batch);
      // Redis expires keys itself, so every listed key is live.
      return keys.map((key) => ({ key, raw: null }));
    },
    async ping() {
      return (await client.ping()) === 'PONG';
    },
    async close() {
      if (client.isOpen) await client.close();
      else client.destroy();
    },
  };
}
