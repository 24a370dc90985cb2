import { Bot } from '../src/bot/bot.ts';
import { buildRegistry } from '../src/commands/index.ts';
import type { Registry } from '../src/commands/registry.ts';
import type { Config } from '../src/config.ts';
import { createServices } from '../src/create-services.ts';
import type { ListSettings } from '../src/index/top-lists.ts';
import { openLibrary } from '../src/library/library.ts';
import type { Library } from '../src/library/types.ts';
import type { Logger } from '../src/logger.ts';
import type { Store } from '../src/ports/store.ts';
import { countRequests } from '../src/ops/count-requests.ts';
import { measuredLibrary } from '../src/ops/measured-library.ts';
import { createMetrics, type HasMetrics } from '../src/ops/metrics.ts';
import type { Clock } from '../src/services.ts';
import { openStore } from '../src/store/open-store.ts';
import type { SyncServices, SyncSummary } from '../src/sync/run-sync.ts';
import { SingleFlight } from '../src/sync/single-flight.ts';

/**
 * The composed application: the core's services, the one command registry and the Bot built
 * from them. Only the adapters (and tests) hold one; the core's parts get the narrow services.
 */
export interface App extends SyncServices, HasMetrics {
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

/** What an app is composed of; the registry defaults to every command. */
export interface AppParts {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  library: Library;
  registry?: Registry;
}

/** The composition root: the only place that knows every part and builds them, once, at start. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const store = options.store ?? (await openStore(config, logger));
  const library = await openLibrary({ config, store, logger, clock, ...(options.lists ? { lists: options.lists } : {}) });
  return composeApp({ config, logger, clock, store, library });
}

/**
 * Ties opened parts into an App. Metrics are per app and wrap what they measure here: the
 * library every service gets is the measured one, and the Bot reports each request's outcome
 * to the counter. Transports are measured where they are started (`measuredTransport`).
 */
export function composeApp(parts: AppParts): App {
  const { config, logger, clock, store } = parts;
  const metrics = createMetrics({ releaseCount: () => parts.library.count() });
  const library = measuredLibrary(parts.library, metrics);
  const services = createServices({ config, logger, clock, store, library });
  const registry = parts.registry ?? buildRegistry();
  const bot = new Bot(registry, services);
  bot.observe(countRequests(metrics));
  return {
    ...services,
    metrics,
    syncs: new SingleFlight<SyncSummary>(),
    registry,
    bot,
    async close() {
      library.close();
      await store.close();
    },
  };
}
