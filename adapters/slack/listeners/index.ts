import type { App as BoltApp } from '@slack/bolt';
import { PoliteFetcher } from '../../../src/fetch/polite-fetcher.ts';
import { HomeTab } from '../home-tab.ts';
import type { SlackDeps } from '../deps.ts';
import { buttonAction } from './actions/button-action.ts';
import { registerHomeButtons } from './actions/home-buttons.ts';
import { scoCommand } from './commands/sco-command.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { appMention } from './events/app-mention.ts';
import { linkShared } from './events/link-shared.ts';
import { directMessage } from './messages/direct-message.ts';
import { FIND_RELEASES_SHORTCUT, findReleasesShortcut } from './shortcuts/find-releases.ts';

/** Every listener, one per file; the core decides what each request means. */
export function registerListeners(bolt: BoltApp, base: SlackDeps): void {
  const home = new HomeTab(base.services, base.registry, bolt.client, base.users, base.logger);
  const deps: SlackDeps = { ...base, home };
  bolt.command('/sco', scoCommand(deps));
  bolt.event('app_home_opened', appHomeOpened(deps, home));
  bolt.event('app_mention', appMention(deps));
  // One polite fetcher for pasted links, as the sync has its own: a release page is fetched once.
  bolt.event('link_shared', linkShared(deps, new PoliteFetcher({ logger: base.logger.child({ component: 'unfurl' }) })));
  bolt.message(directMessage(deps));
  // Every button of ours has an id like `results.more` or `feedback.up`; the registry knows them.
  bolt.action({ type: 'block_actions', action_id: /^[a-z][\w-]*\.[\w.-]+$/ }, buttonAction(deps));
  // The Home tab's own buttons and the forms they open (ids without a dot: Slack surfaces, not core actions).
  registerHomeButtons(bolt, deps);
  bolt.shortcut({ type: 'message_action', callback_id: FIND_RELEASES_SHORTCUT }, findReleasesShortcut(deps));
}
