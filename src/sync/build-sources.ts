import type { Services } from '../services.ts';
import { BotError } from '../errors.ts';
import { PoliteFetcher, type FetcherOptions } from '../fetch/polite-fetcher.ts';
import { FeedSource } from '../sources/feed-source.ts';
import type { LiveSource } from '../sources/live-source.ts';
import { ScoSiteSource } from '../sources/sco-site-source.ts';

export type FetchTuning = Partial<Omit<FetcherOptions, 'logger'>>;

/** The live sources config names: the SCO site (SCO_SITE_URL) and each feed of FEEDS, over one polite fetcher. */
export function buildSources(app: Services, tuning: FetchTuning = {}): LiveSource[] {
  const logger = app.logger.child({ component: 'sync' });
  const fetcher = new PoliteFetcher({ logger, ...tuning });
  const sources: LiveSource[] = [];
  const siteHost = app.config.scoSiteUrl ? new URL(app.config.scoSiteUrl).host : undefined;
  if (app.config.scoSiteUrl) {
    sources.push(new ScoSiteSource({ siteUrl: app.config.scoSiteUrl, fetcher, store: app.store, logger }));
  }
  for (const feedUrl of app.config.feeds) {
    sources.push(new FeedSource({ feedUrl, fetcher, store: app.store, logger, scoSiteHost: siteHost }));
  }
  return sources;
}

/** `--source NAME`: `sco-site`, `feeds` (all feeds), or one feed's URL. */
export function selectSources(all: LiveSource[], name?: string): LiveSource[] {
  if (!name) return all;
  const picked = name === 'feeds' ? all.filter((s) => s.kind === 'feed') : all.filter((s) => s.name === name || s.url === name);
  if (picked.length === 0) {
    const names = all.map((s) => s.name).join(', ') || 'none configured';
    throw new BotError('bad_input', `No source named "${name}". Sources: ${names} (or "feeds" for every feed).`);
  }
  return picked;
}
