import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import type { HomeTab } from '../../home-tab.ts';

/** A person opened the app's Home tab: publish what the bot does for them (Bolt has acked already). */
export function appHomeOpened(deps: SlackDeps, home: HomeTab) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await home.publish(body.team_id, event.user);
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, 'could not publish the Home tab');
    }
  };
}
