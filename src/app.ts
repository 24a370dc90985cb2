import { Bot } from './bot/bot.ts';
import { buildRegistry } from './commands/index.ts';
import type { Registry } from './commands/registry.ts';
import type { Config } from './config.ts';
import { DigestService } from './digest/digest-service.ts';
import { openLibrary } from './library/library.ts';
import type { ListSettings } from './index/top-lists.ts';
import type { Library } from './library/types.ts';
import type { Logger } from './logger.ts';
import type { Store } from './ports/store.ts';
import { openStore } from './store/open-store.ts';

/**
 * Everything the core's parts share, built once at start. Adapters get an App and talk to
 * `app.bot`; commands get it through their context.
 */
export interface App {
  config: Config;
  logger: Logger;
  /** The current time; tests inject their own. */
  clock: () => Date;
  store: Store;
  library: Library;
  registry: Registry;
  /** Digest previews, `digest now` and `sco digest`, planned as scheduled delivery plans them. */
  digests: DigestService;
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

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const store = options.store ?? (await openStore(config, logger));
  const library = await openLibrary({ config, store, logger, clock, ...(options.lists ? { lists: options.lists } : {}) });
  const registry = buildRegistry();
  const app = {
    config,
    logger,
    clock,
    store,
    library,
    registry,
    digests: new DigestService({ store, library, clock }),
    async close() {
      library.close();
      await store.close();
    },
  } as Omit<App, 'bot'> as App;
  app.bot = new Bot(app);
  return app;
}
