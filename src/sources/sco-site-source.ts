import type { PoliteFetcher } from '../fetch/polite-fetcher.ts';
import type { Logger } from '../logger.ts';
import type { RawRelease, SourceReport } from '../ports/source.ts';
import type { Store } from '../ports/store.ts';
import type { LoadProblem } from '../releases/release.ts';
import { extractArticle } from './article-extractor.ts';
import type { FetchHooks, LiveSource } from './live-source.ts';
import { parseListing } from './listing-parser.ts';
import { contentHash, SourceState, type Pending } from './source-state.ts';

export interface ScoSiteOptions {
  siteUrl: string;
  fetcher: PoliteFetcher;
  store: Store;
  logger: Logger;
  /** Listing pages walked at most per crawl (the first sync of a big site stops here). */
  maxListingPages?: number;
  /** Syncs in a row a page may fail before it is given up. */
  maxAttempts?: number;
}

/**
 * The SCO Secretariat's English website, which has no feed: walks the news listing newest first
 * until a page holds nothing new, then fetches each new release page once. Progress lives in
 * the store, so a killed sync resumes and failed pages are tried again next time.
 */
export class ScoSiteSource implements LiveSource {
  readonly name = 'sco-site';
  readonly kind = 'sco-site' as const;
  readonly url: string;
  private readonly host: string;
  private readonly state: SourceState;
  private readonly log: Logger;

  constructor(private readonly o: ScoSiteOptions) {
    this.url = o.siteUrl.endsWith('/') ? o.siteUrl : `${o.siteUrl}/`;
    this.host = new URL(this.url).host;
    this.state = new SourceState(o.store, this.name);
    this.log = o.logger.child({ source: this.name });
  }

  async fetch(signal?: AbortSignal, hooks: FetchHooks = {}): Promise<SourceReport> {
    const run = new SiteRun(this, this.state, this.log, hooks, signal);
    const newsUrl = new URL('news/', this.url).href;
    const resumeFrom = (await this.state.cursors()).filter((c) => c !== newsUrl && c !== this.url);
    // The front page shows the newest releases; its own "next" links lead elsewhere.
    await run.crawl(this.url, 1);
    await run.crawl(newsUrl, this.o.maxListingPages ?? 200);
    for (const cursor of resumeFrom) {
      if (!run.visited.has(cursor)) await run.crawl(cursor, this.o.maxListingPages ?? 200);
    }
    await run.fetchPending(this.o.maxAttempts ?? 5);
    return run.report();
  }

  /** Internal: used by SiteRun. */
  get fetcher(): PoliteFetcher {
    return this.o.fetcher;
  }

  get siteHost(): string {
    return this.host;
  }
}

/** The state of one sync of the site. */
class SiteRun {
  readonly visited = new Set<string>();
  private readonly releases: RawRelease[] = [];
  private readonly problems: LoadProblem[] = [];
  private fetched = 0;
  private done = 0;
  private total = 0;

  constructor(
    private readonly src: ScoSiteSource,
    private readonly state: SourceState,
    private readonly log: Logger,
    private readonly hooks: FetchHooks,
    private readonly signal?: AbortSignal,
  ) {}

  report(): SourceReport {
    return { releases: this.releases, problems: this.problems, fetched: this.fetched };
  }

  private progress(url: string, kind: 'listing' | 'release', ok: boolean): void {
    this.hooks.onProgress?.({ source: this.src.name, url, kind, ok, done: this.done, total: this.total });
  }

  /** Walks listing pages from `start` while they hold releases not yet taken in. */
  async crawl(start: string, maxPages: number): Promise<void> {
    let url: string | null = start;
    for (let page = 0; url && page < maxPages && !this.visited.has(url); page++) {
      this.visited.add(url);
      // Written before the request, so a crawl killed on this page resumes here next time.
      await this.state.setCursor(url);
      const res = await this.src.fetcher.get(url, { signal: this.signal, validators: await this.state.validators(url) });
      if (res.kind === 'failed') {
        this.problems.push({ path: url, reason: res.reason });
        this.progress(url, 'listing', false);
        return; // the cursor stays: the next sync picks the crawl up from this page
      }
      this.fetched++;
      if (res.kind === 'not_modified') {
        this.log.debug({ url }, 'listing unchanged');
        await this.state.clearCursor(url);
        this.progress(url, 'listing', true);
        return;
      }
      const listing = parseListing(res.body, res.finalUrl, this.src.siteHost);
      let unseen = 0;
      for (const ref of listing.releases) {
        if (await this.state.seen(ref.key)) continue;
        unseen++;
        if (await this.state.addPending({ key: ref.key, id: ref.id, url: ref.url, date: ref.date, attempts: 0 })) this.total++;
      }
      this.log.debug({ url, links: listing.releases.length, unseen }, 'listing page read');
      this.progress(url, 'listing', true);
      await this.state.saveValidators(url, res.validators);
      // A crawl cut short by maxPages leaves a cursor too, so a huge first sync continues next time.
      const next = unseen > 0 && maxPages > 1 ? listing.next : null;
      if (next && !this.visited.has(next)) await this.state.setCursor(next);
      await this.state.clearCursor(url);
      url = next;
    }
  }

  /** Fetches every queued release page, two at a time (the fetcher's per-host limit). */
  async fetchPending(maxAttempts: number): Promise<void> {
    const queue = (await this.state.pending()).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.key.localeCompare(a.key));
    this.total = Math.max(this.total, queue.length);
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) await this.fetchRelease(p, maxAttempts);
    };
    // allSettled: when the sync is aborted, the other worker must finish before we return.
    const results = await Promise.allSettled([worker(), worker()]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async fetchRelease(p: Pending, maxAttempts: number): Promise<void> {
    const res = await this.src.fetcher.get(p.url, { signal: this.signal });
    if (res.kind === 'failed') return this.failed(p, res.reason, maxAttempts);
    this.fetched++;
    if (res.kind === 'not_modified') return this.failed(p, 'server answered 304 to an unconditional request', maxAttempts);
    const page = extractArticle(res.body);
    if (!page.ok) return this.failed(p, page.reason, maxAttempts);
    const raw: RawRelease = { id: p.id, source: this.src.name, text: page.text, title: page.title, date: p.date, url: p.url };
    await this.hooks.sink?.([raw]);
    this.releases.push(raw);
    await this.state.markSeen(p.key, { id: p.id, url: p.url, hash: contentHash(raw.title, raw.text) });
    await this.state.removePending(p.key);
    this.done++;
    this.progress(p.url, 'release', true);
  }

  private async failed(p: Pending, reason: string, maxAttempts: number): Promise<void> {
    this.problems.push({ path: p.url, reason });
    const attempts = p.attempts + 1;
    if (attempts >= maxAttempts) {
      this.log.warn({ url: p.url, reason, attempts }, `giving up on ${p.url} after ${attempts} failed syncs: ${reason}`);
      await this.state.markSeen(p.key, { id: p.id, url: p.url, gaveUp: reason });
      await this.state.removePending(p.key);
    } else {
      this.log.warn({ url: p.url, reason }, `release page failed, will retry next sync: ${p.url}: ${reason}`);
      await this.state.updatePending({ ...p, attempts, lastError: reason });
    }
    this.done++;
    this.progress(p.url, 'release', false);
  }
}
