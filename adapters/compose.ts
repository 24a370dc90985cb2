import { Bot } from '../src/bot/bot.ts';
import { buildRegistry } from '../src/commands/index.ts';
import type { Registry } from '../src/commands/registry.ts';
import type { Config } from '../src/config.ts';
import { createServices } from '../src/create-services.ts';
import type { ListSettings } from '../src/index/top-lists.ts';
import { openLibrary } from '../src/library/library.ts';
import type { Logger } from '../src/logger.ts';
import type { Store } from '../src/ports/store.ts';
import { createMetrics, type HasMetrics, type Metrics } from '../src/ops/metrics.ts';
import type { Services } from '../src/services.ts';
import { openStore } from '../src/store/open-store.ts';

/**
 * The composed application: the core's services, the one command registry and the Bot built
 * from them. Only the adapters (and tests) hold one; the core's parts get the narrow services.
 */
export interface App extends Services, HasMetrics {
  registry: Registry;
  bot: Bot;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: () => Date;
  /** Use this store instead of the one STATE_URL names (tests). */
  store?: Store;
  /** Ranking lists' sizes (tests use small ones to take the big-index path on a small corpus). */
  lists?: ListSettings;
}

/** The composition root: the only place that knows every part and builds them, once, at start. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const store = options.store ?? (await openStore(config, logger));
  const library = await openLibrary({ config, store, logger, clock, ...(options.lists ? { lists: options.lists } : {}) });
  const services = createServices({ config, logger, clock, store, library });
  const registry = buildRegistry();
  let metrics: Metrics | undefined;
  return {
    ...services,
    // Created on first use: one-shot commands and most tests never read them.
    get metrics() {
      metrics ??= createMetrics({ releaseCount: () => library.count() });
      return metrics;
    },
    registry,
    bot: new Bot(registry, services),
    async close() {
      library.close();
      await store.close();
    },
  };
}
