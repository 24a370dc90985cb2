import type { Services } from '../services.ts';
import type { RawRelease } from '../ports/source.ts';
import type { LiveSource, SyncProgress } from '../sources/live-source.ts';
import { pushAll } from '../util/arrays.ts';
import { archiveRaws, restoreFromArchive } from './release-archive.ts';
import { buildSources, selectSources, type FetchTuning } from './build-sources.ts';
import { recordLastSync } from './last-sync.ts';
import type { SingleFlight } from './single-flight.ts';

export interface SyncFailure {
  source: string;
  url: string;
  reason: string;
}

export interface SyncSummary {
  sources: string[];
  pagesFetched: number;
  /** Releases the library had not held before. */
  new: number;
  /** Releases whose text or details changed. */
  changed: number;
  failed: number;
  failures: SyncFailure[];
  newIds: string[];
  changedIds: string[];
  /** True when the signal stopped the sync early; the next sync resumes. */
  interrupted: boolean;
}

export interface SyncOptions {
  /** Only this source: `sco-site`, `feeds`, or a feed URL. */
  source?: string;
  onProgress?: (e: SyncProgress) => void;
  signal?: AbortSignal;
  /** Timeouts, pauses and retries of the HTTP client (tests make them short). */
  fetch?: FetchTuning;
  /** Use these sources instead of the ones config names. */
  sources?: LiveSource[];
}

/** What a sync needs: the services, and the app's own guard against a second sync at once. */
export interface SyncServices extends Services {
  readonly syncs: SingleFlight<SyncSummary>;
}

/**
 * Fetches every configured source and takes what is new or changed into the library. A failed
 * page never stops the others; it is reported and tried again next sync. Two syncs never run at
 * once in one process: a call during a sync gets that sync's summary.
 */
export function runSync(app: SyncServices, opts: SyncOptions = {}): Promise<SyncSummary> {
  return app.syncs.run(() => doSync(app, opts));
}

async function doSync(app: Services, opts: SyncOptions): Promise<SyncSummary> {
  const log = app.logger.child({ component: 'sync' });
  const sources = selectSources(opts.sources ?? buildSources(app, opts.fetch), opts.source);
  const summary: SyncSummary = {
    sources: sources.map((s) => s.name),
    pagesFetched: 0,
    new: 0,
    changed: 0,
    failed: 0,
    failures: [],
    newIds: [],
    changedIds: [],
    interrupted: false,
  };
  // Before anything new: releases this index lacks but the store holds (index deleted, other instance).
  await restoreFromArchive(app);
  const sink = async (raws: RawRelease[]) => {
    const report = await app.library.ingest(raws);
    await archiveRaws(app, raws);
    pushAll(summary.newIds, report.added);
    pushAll(summary.changedIds, report.changed);
    for (const p of report.problems) summary.failures.push({ source: raws[0]?.source ?? '', url: p.path, reason: p.reason });
  };
  for (const source of sources) {
    try {
      const report = await source.fetch(opts.signal, { sink, onProgress: opts.onProgress });
      summary.pagesFetched += report.fetched;
      for (const p of report.problems) summary.failures.push({ source: source.name, url: p.path, reason: p.reason });
    } catch (e) {
      if (opts.signal?.aborted) {
        summary.interrupted = true;
        log.warn({ source: source.name }, 'sync interrupted; the next sync resumes where this one stopped');
        break;
      }
      const reason = e instanceof Error ? e.message : String(e);
      log.error({ err: e, source: source.name }, `source ${source.name} failed: ${reason}`);
      summary.failures.push({ source: source.name, url: source.url, reason });
    }
  }
  summary.new = new Set(summary.newIds).size;
  summary.changed = new Set(summary.changedIds).size;
  summary.failed = summary.failures.length;
  if (!summary.interrupted) await recordLastSync(app, { new: summary.new, failed: summary.failed });
  log.info(
    { pagesFetched: summary.pagesFetched, new: summary.new, changed: summary.changed, failed: summary.failed, newIds: summary.newIds },
    `sync done: ${summary.pagesFetched} pages fetched, ${summary.new} new, ${summary.changed} changed, ${summary.failed} failed`,
  );
  return summary;
}
