import type { Bot } from '../../src/bot/bot.ts';
import type { Registry } from '../../src/commands/registry.ts';
import type { Logger } from '../../src/logger.ts';
import type { Services } from '../../src/services.ts';
import type { HomeTab } from './home-tab.ts';
import type { SlackUsers } from './users.ts';

/**
 * What every listener needs, picked from the app by start.ts (as Discord's DiscordDeps): the
 * core's front door, the registry (which commands open a form), the services the Home tab, the
 * subscribe form and link unfurls read, who people are, and where to log.
 */
export interface SlackDeps {
  bot: Pick<Bot, 'handle'>;
  registry: Registry;
  services: Services;
  users: SlackUsers;
  logger: Logger;
  /** The Home tab, refreshed after changes to subscriptions. */
  home?: HomeTab;
}
