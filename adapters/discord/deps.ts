import type { Bot } from '../../src/bot/bot.ts';
import type { Registry } from '../../src/commands/registry.ts';
import type { Library } from '../../src/library/types.ts';
import type { Logger } from '../../src/logger.ts';
import type { Store } from '../../src/ports/store.ts';

/**
 * What every listener needs, picked from the app by start.ts (as Slack's SlackDeps): the core's
 * front door, the registry `/sco` is built from, the library its options complete from, and the
 * store for stashed button values and for claiming a message once.
 */
export interface DiscordDeps {
  bot: Pick<Bot, 'handle'>;
  registry: Registry;
  library: Library;
  store: Store;
  logger: Logger;
}
