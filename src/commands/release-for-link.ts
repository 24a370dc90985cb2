import type { Services } from '../services.ts';
import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { RawRelease } from '../ports/source.ts';
import { NS } from '../ports/store.ts';
import type { Release } from '../releases/release.ts';
import { extractArticle } from '../sources/article-extractor.ts';
import { parseScoReleaseUrl, type ScoReleaseRef } from '../sources/sco-urls.ts';
import { contentHash, SourceState } from '../sources/source-state.ts';
import { archiveRaws } from '../sync/release-archive.ts';

/** A link that was fetched and held no release is not fetched again for a day. */
const NOT_A_RELEASE_TTL_MS = 24 * 60 * 60 * 1000;
const SITE_SOURCE = 'sco-site';

/** The indexed release a ref names: by its site id, or any release of that day linked under another form of the URL. */
function known(services: Services, ref: ScoReleaseRef, siteHost: string): Release | null {
  const byId = services.library.get(ref.id);
  if (byId) return byId;
  return services.library.onDate(ref.date).find((r) => r.url !== null && parseScoReleaseUrl(r.url, siteHost)?.key === ref.key) ?? null;
}

/**
 * The release a link to the SCO Secretariat's site names, or null when it names none (another
 * page, another site). A release the bot does not hold yet is fetched once through the polite
 * fetcher, from SCO_SITE_URL's host, indexed as the site sync would, and marked seen so the sync
 * does not fetch it again. One per adapter: it holds the fetches in flight, so two pastes of one
 * link at once fetch it once.
 */
export class LinkReleases {
  private readonly inFlight = new Map<string, Promise<Release | null>>();

  constructor(
    private readonly services: Services,
    private readonly fetcher: PoliteFetcher,
  ) {}

  async find(url: string): Promise<Release | null> {
    const { services } = this;
    const site = services.config.scoSiteUrl || 'https://eng.sectsco.org/';
    const siteHost = new URL(site).host;
    const ref = parseScoReleaseUrl(url, siteHost);
    if (!ref) return null;
    const have = known(services, ref, siteHost);
    if (have) return have;
    const running = this.inFlight.get(ref.key);
    if (running) return running;
    const job = fetchAndIndex(services, ref, site, this.fetcher).finally(() => this.inFlight.delete(ref.key));
    this.inFlight.set(ref.key, job);
    return job;
  }
}

async function fetchAndIndex(services: Services, ref: ScoReleaseRef, site: string, fetcher: PoliteFetcher): Promise<Release | null> {
  const marks = services.store.namespace<string>(NS.sync);
  const markKey = `link|not-a-release|${ref.key}`;
  if (await marks.get(markKey)) return null;
  const u = new URL(ref.url);
  const res = await fetcher.get(new URL(`${u.pathname}${u.search}`, site).href);
  const page = res.kind === 'ok' ? extractArticle(res.body) : null;
  if (!page?.ok) {
    const reason = res.kind === 'failed' ? res.reason : page && !page.ok ? page.reason : 'not modified';
    services.logger.info({ url: ref.url, reason }, 'pasted link is not a release page; leaving it alone');
    // A server error may pass; a page that is no release stays one for a while.
    if (res.kind !== 'failed' || (res.status !== undefined && res.status < 500)) await marks.set(markKey, reason, NOT_A_RELEASE_TTL_MS);
    return null;
  }
  const raw: RawRelease = { id: ref.id, source: SITE_SOURCE, text: page.text, title: page.title, date: ref.date, url: ref.url };
  await services.library.ingest([raw]);
  await archiveRaws(services, [raw]);
  await new SourceState(services.store, SITE_SOURCE).markSeen(ref.key, { id: ref.id, url: ref.url, hash: contentHash(raw.title, raw.text) });
  services.logger.info({ url: ref.url, id: ref.id }, 'indexed a release from a pasted link');
  return services.library.get(ref.id);
}
