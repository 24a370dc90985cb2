import { join } from 'node:path';
import type { Config } from '../config.ts';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../ports/store.ts';
import { KeyvStore } from './keyv-store.ts';
import { sqliteBackend } from './sqlite-backend.ts';

export interface OpenStoreOptions {
  /** Put in front of every key, so several bots or tests can share one Redis or table. */
  prefix?: string;
  /** SQLite/PostgreSQL table name. */
  table?: string;
  connectTimeoutMs?: number;
}

/**
 * Opens the store STATE_URL names: the SQLite file `state.sqlite` under DATA_DIR by default,
 * `sqlite://<file>`, `redis://...` or `postgresql://...`. Shared backends are checked now, so a
 * wrong or unreachable STATE_URL stops the start with a clear message.
 */
export async function openStore(config: Config, logger: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  const url = config.stateUrl;
  const prefix = options.prefix ?? 'sco:';
  const log = logger.child({ component: 'store' });
  if (!url) return new KeyvStore(sqliteBackend(join(config.dataDir, 'state.sqlite'), options.table), prefix, log);
  if (url.startsWith('sqlite://')) return new KeyvStore(sqliteBackend(url.slice('sqlite://'.length), options.table), prefix, log);
  // The shared backends load only when named: their clients cost a second of start-up that
  // every `sco` command would otherwise pay.
  if (/^rediss?:\/\//.test(url)) {
    const { redisBackend } = await import('./redis-backend.ts');
    return new KeyvStore(await redisBackend(url, log, options.connectTimeoutMs), prefix, log);
  }
  const { postgresBackend } = await import('./postgres-backend.ts');
  const store = new KeyvStore(postgresBackend(url, options.table, options.connectTimeoutMs), prefix, log);
  if (!(await store.ping())) {
    await store.close().catch(() => undefined);
    throw new BotError('unavailable', 'Cannot reach PostgreSQL at STATE_URL. Start it, fix STATE_URL, or unset it to use the SQLite file under DATA_DIR.');
  }
  return store;
}
