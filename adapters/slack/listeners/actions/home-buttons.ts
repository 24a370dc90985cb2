import type { App as BoltApp } from '@slack/bolt';
import { HOME_SEARCH_ACTION } from '../../../../src/commands/home-reply.ts';
import type { SlackDeps } from '../../deps.ts';
import { openSearchModal, SEARCH_VIEW, submitSearch } from '../views/search-modal.ts';
import { registerSubscribeForm } from '../views/subscribe-form.ts';

/** The Home tab's own buttons open Slack forms; what the forms submit goes to the core. */
export function registerHomeButtons(bolt: BoltApp, deps: SlackDeps): void {
  bolt.action({ type: 'block_actions', action_id: HOME_SEARCH_ACTION }, openSearchModal(deps));
  bolt.view({ type: 'view_submission', callback_id: SEARCH_VIEW }, submitSearch(deps));
  registerSubscribeForm(bolt, deps);
}
