import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { PoliteFetcher } from '../../../../src/fetch/polite-fetcher.ts';
import { releaseCard } from '../../../../src/commands/release-card.ts';
import { LinkReleases } from '../../../../src/commands/release-for-link.ts';
import { renderViewBlocks } from '../../render/view.ts';
import type { SlackDeps } from '../../deps.ts';

/** Links unfurled per message at most: Slack itself shows only the first few. */
const MAX_LINKS = 5;

/**
 * Someone pasted a link on the app's unfurl domain (eng.sectsco.org): each release it names is
 * unfurled into a card with chat.unfurl; a page that is not a release is left alone. Bolt has
 * acked the event already, so fetching an unknown release may take its time.
 */
export function linkShared(deps: SlackDeps, fetcher: PoliteFetcher) {
  const links = new LinkReleases(deps.services, fetcher);
  return async ({ event, client }: SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs): Promise<void> => {
    const urls = [...new Set(event.links.map((l) => l.url))].slice(0, MAX_LINKS);
    const unfurls: Record<string, { blocks: ReturnType<typeof renderViewBlocks> }> = {};
    for (const url of urls) {
      try {
        const release = await links.find(url);
        if (release) unfurls[url] = { blocks: renderViewBlocks(releaseCard(deps.services, release)) };
      } catch (error) {
        deps.logger.warn({ err: error, url }, 'could not unfurl a link');
      }
    }
    if (Object.keys(unfurls).length === 0) return;
    // A posted message is addressed by channel and ts; the composer (a link not yet sent) by unfurl_id and source.
    const target = event.source === 'composer' && event.unfurl_id ? { unfurl_id: event.unfurl_id, source: 'composer' as const } : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...target, unfurls } as webApi.ChatUnfurlArguments);
    } catch (error) {
      deps.logger.error({ err: error, channel: event.channel }, 'chat.unfurl failed');
    }
  };
}
