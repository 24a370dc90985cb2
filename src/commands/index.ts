import { askCommand } from './ask.ts';
import { citeAction } from './cite-action.ts';
import { digestCommand } from './digest.ts';
import { feedbackDownAction, feedbackUpAction } from './feedback-actions.ts';
import { helpCommand } from './help.ts';
import { latestCommand } from './latest.ts';
import { Registry } from './registry.ts';
import { messageReleasesAction } from './message-releases.ts';
import { moreResultsAction, shareResultsAction } from './results-actions.ts';
import { resumeCommand } from './resume.ts';
import { searchCommand } from './search.ts';
import { showCommand } from './show.ts';
import { pauseSubscriptionAction, removeSubscriptionAction, resumeSubscriptionAction } from './subscription-actions.ts';
import { subscribeCommand } from './subscribe.ts';
import { subscriptionsCommand } from './subscriptions.ts';
import { topicsCommand } from './topics.ts';
import { unsubscribeCommand } from './unsubscribe.ts';

/** The one list of commands; Slack, Discord, the console and the help text all read it. */
export function buildRegistry(): Registry {
  const registry = new Registry();
  return registry
    .add(searchCommand, latestCommand, showCommand, topicsCommand, helpCommand(registry))
    .add(subscribeCommand, unsubscribeCommand, resumeCommand, subscriptionsCommand, digestCommand)
    .add(askCommand)
    .addAction(moreResultsAction, shareResultsAction)
    .addAction(feedbackUpAction, feedbackDownAction)
    .addAction(citeAction, messageReleasesAction)
    .addAction(pauseSubscriptionAction, resumeSubscriptionAction, removeSubscriptionAction);
}
