import type { App } from '../compose.ts';
import type { Logger } from '../../src/logger.ts';
import type { HomeTab } from './home-tab.ts';
import type { SlackUsers } from './slack-users.ts';

/** What every listener needs: the core, who people are, and where to log. */
export interface SlackDeps {
  app: App;
  users: SlackUsers;
  logger: Logger;
  /** The Home tab, refreshed after changes to subscriptions. */
  home?: HomeTab;
}
