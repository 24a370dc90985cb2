import { helpCommand } from './help.ts';
import { latestCommand } from './latest.ts';
import { Registry } from './registry.ts';
import { moreResultsAction, shareResultsAction } from './results-actions.ts';
import { searchCommand } from './search.ts';
import { showCommand } from './show.ts';
import { topicsCommand } from './topics.ts';

/** The one list of commands; Slack, Discord, the console and the help text all read it. */
export function buildRegistry(): Registry {
  return new Registry()
    .add(searchCommand, latestCommand, showCommand, topicsCommand, helpCommand)
    .addAction(moreResultsAction, shareResultsAction);
}
