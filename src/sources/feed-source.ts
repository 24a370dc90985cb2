import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { Logger } from '../logger.ts';
import type { RawRelease, SourceReport } from '../ports/source.ts';
import type { Store } from '../ports/store.ts';
import type { LoadProblem } from '../releases/release.ts';
import { extractArticle } from './article-extractor.ts';
import { parseFeed, type FeedItem } from './feed-parser.ts';
import { htmlToText } from './html-text.ts';
import type { FetchHooks, LiveSource } from './live-source.ts';
import { parseScoReleaseUrl } from './sco-urls.ts';
import { contentHash, SourceState } from './source-state.ts';

export interface FeedSourceOptions {
  feedUrl: string;
  fetcher: PoliteFetcher;
  store: Store;
  logger: Logger;
  /** The SCO site's host: feed items linking a release there get the site's release id. */
  scoSiteHost?: string;
}

/** Item text shorter than this, or cut off with an ellipsis, is a teaser: the linked page has the text. */
const TEASER_CHARS = 400;

/**
 * An RSS 2.0 or Atom feed. Each item becomes a release; when the item only carries a teaser the
 * linked page is fetched for the text. Items already taken in are skipped unless they changed.
 */
export class FeedSource implements LiveSource {
  readonly kind = 'feed' as const;
  readonly name: string;
  readonly url: string;
  private readonly state: SourceState;
  private readonly log: Logger;

  constructor(private readonly o: FeedSourceOptions) {
    this.name = o.feedUrl;
    this.url = o.feedUrl;
    this.state = new SourceState(o.store, `feed:${o.feedUrl}`);
    this.log = o.logger.child({ source: o.feedUrl });
  }

  async fetch(signal?: AbortSignal, hooks: FetchHooks = {}): Promise<SourceReport> {
    const releases: RawRelease[] = [];
    const problems: LoadProblem[] = [];
    let fetched = 0;
    const res = await this.o.fetcher.get(this.url, {
      signal,
      validators: await this.state.validators(this.url),
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
    });
    if (res.kind === 'failed') {
      hooks.onProgress?.({ source: this.name, url: this.url, kind: 'feed', ok: false, done: 0, total: 0 });
      return { releases, problems: [{ path: this.url, reason: res.reason }], fetched };
    }
    fetched++;
    if (res.kind === 'not_modified') {
      hooks.onProgress?.({ source: this.name, url: this.url, kind: 'feed', ok: true, done: 0, total: 0 });
      return { releases, problems, fetched };
    }
    const feed = parseFeed(res.body);
    if (!feed.ok) {
      this.log.warn({ url: this.url, reason: feed.reason }, `feed unreadable: ${this.url}: ${feed.reason}`);
      return { releases, problems: [{ path: this.url, reason: feed.reason }], fetched };
    }
    let done = 0;
    let retry = false;
    const total = feed.items.length;
    hooks.onProgress?.({ source: this.name, url: this.url, kind: 'feed', ok: true, done, total });
    for (const item of feed.items) {
      const id = this.idOf(item);
      const hash = contentHash(item.title, item.link, item.date, item.content, item.summary);
      const seen = await this.state.seen(id);
      if (seen?.hash === hash) {
        done++;
        continue;
      }
      const built = await this.build(item, id, signal);
      if (built.page) fetched++;
      done++;
      if ('reason' in built) {
        problems.push({ path: item.link ?? `${this.url}#${id}`, reason: built.reason });
        // An item that can never become a release is reported once (until it changes), not every sync.
        if (built.permanent) await this.state.markSeen(id, { id, url: item.link, hash, gaveUp: built.reason });
        else retry = true;
        hooks.onProgress?.({ source: this.name, url: item.link ?? this.url, kind: 'release', ok: false, done, total });
        continue;
      }
      await hooks.sink?.([built.raw]);
      releases.push(built.raw);
      await this.state.markSeen(id, { id, url: item.link, hash });
      hooks.onProgress?.({ source: this.name, url: item.link ?? this.url, kind: 'release', ok: true, done, total });
    }
    // Only a feed read in full is remembered as read: a failed item is tried again next sync.
    if (!retry) await this.state.saveValidators(this.url, res.validators);
    return { releases, problems, fetched };
  }

  private idOf(item: FeedItem): string {
    const sco = item.link && this.o.scoSiteHost ? parseScoReleaseUrl(item.link, this.o.scoSiteHost) : null;
    if (sco) return sco.id;
    return `feed-${contentHash(this.url).slice(0, 8)}-${contentHash(item.guid ?? item.link ?? item.title).slice(0, 12)}`;
  }

  private async build(
    item: FeedItem,
    id: string,
    signal?: AbortSignal,
  ): Promise<{ raw: RawRelease; page: boolean } | { reason: string; page: boolean; permanent: boolean }> {
    const own = htmlToText(item.content ?? item.summary ?? '');
    const teaser = !item.content && (own.length < TEASER_CHARS || /(\.\.\.|…|read more)\s*$/i.test(own));
    const base = { id, source: this.name, title: item.title, date: item.date, url: item.link };
    if (!teaser || !item.link) {
      if (!own) return { reason: 'feed item has no text', page: false, permanent: true };
      return { raw: { ...base, text: own }, page: false };
    }
    const res = await this.o.fetcher.get(item.link, { signal });
    if (res.kind === 'failed') return { reason: `linked page: ${res.reason}`, page: false, permanent: res.status === 404 || res.status === 410 };
    if (res.kind !== 'ok') return { reason: 'linked page not returned', page: false, permanent: false };
    const page = extractArticle(res.body);
    if (!page.ok) return { reason: `linked page: ${page.reason}`, page: true, permanent: true };
    return { raw: { ...base, title: item.title ?? page.title, text: page.text }, page: true };
  }
}
