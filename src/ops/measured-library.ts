import type { Library, RefreshReport } from '../library/types.ts';
import type { Metrics } from './metrics.ts';

/**
 * The library, timing each lookup and counting each refresh and sync by source and result.
 * A decorator built at composition: the library itself knows nothing of metrics, and every
 * part handed this one is measured alike.
 */
export function measuredLibrary(library: Library, metrics: Metrics): Library {
  const counted = async (source: string, run: Promise<RefreshReport>): Promise<RefreshReport> => {
    try {
      const report = await run;
      metrics.syncs.inc({ source, result: report.problems.length ? 'problems' : 'ok' });
      if (report.added.length) metrics.syncReleases.inc({ source, change: 'added' }, report.added.length);
      if (report.changed.length) metrics.syncReleases.inc({ source, change: 'changed' }, report.changed.length);
      return report;
    } catch (error) {
      metrics.syncs.inc({ source, result: 'error' });
      throw error;
    }
  };
  return {
    refresh: () => counted('content', library.refresh()),
    ingest: (raws) => counted(raws[0]?.source ?? 'unknown', library.ingest(raws)),
    search(query, options) {
      const end = metrics.lookupSeconds.startTimer();
      try {
        return library.search(query, options);
      } finally {
        end();
      }
    },
    latest: (options) => library.latest(options),
    searchSentences: (text, options) => library.searchSentences(text, options),
    sentencesOf: (id) => library.sentencesOf(id),
    get: (id) => library.get(id),
    onDate: (date) => library.onDate(date),
    seenSince: (since, options) => library.seenSince(since, options),
    count: () => library.count(),
    topics: () => library.topics(),
    close: () => library.close(),
  };
}
