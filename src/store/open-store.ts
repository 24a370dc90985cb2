import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../ports/store.ts';
import { MemoryStore } from './memory-store.ts';

/**
 * Opens the store STATE_URL names: SQLite under DATA_DIR by default, Redis or PostgreSQL when
 * shared. Placeholder until the keyv backends land: memory only.
 */
export async function openStore(_config: Config, _logger: Logger): Promise<Store> {
  return new MemoryStore();
}
