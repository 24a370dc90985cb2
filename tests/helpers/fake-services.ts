import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/create-services.ts';
import type { Library, SearchOutcome, Topic } from '../../src/library/types.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Release, SeenRelease } from '../../src/releases/release.ts';
import type { Services } from '../../src/services.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

/** A release for the fake library; only what a test names differs. */
export function release(id: string, title: string, date: string, extra: Partial<Release> = {}): Release {
  const body = extra.body ?? `${title}. The SCO Secretariat reported on ${title.toLowerCase()}.`;
  return { id, title, date, url: `https://example.test/${id}`, source: 'content', body, topics: [], summary: [body.split('. ')[0]!], hash: id, ...extra };
}

const TOPICS: Topic[] = [
  { id: 'afghanistan', label: 'Afghanistan', aliases: ['afghan'], kind: 'observer' },
  { id: 'rats', label: 'RATS', aliases: ['regional anti-terrorist structure'], kind: 'acronym' },
];

/**
 * A library over a few releases in memory: words match titles and bodies, newest first. Enough
 * for commands, which only read results; the real index has its own tests.
 */
export function fakeLibrary(releases: Release[], firstSeen: string): Library {
  const byDate = [...releases].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const outcome = (query: string, hits: Release[], options: { limit?: number; offset?: number } = {}): SearchOutcome => {
    const offset = options.offset ?? 0;
    const page = hits.slice(offset, offset + (options.limit ?? 5));
    return { query, notes: [], total: hits.length, hits: page.map((r) => ({ release: r, firstSeen, score: 1, snippet: [r.summary[0] ?? ''] })) };
  };
  const matching = (query: string) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return byDate.filter((r) => words.every((w) => `${r.title} ${r.body} ${r.topics.join(' ')}`.toLowerCase().includes(w)));
  };
  const seen = (r: Release): SeenRelease => ({ ...r, firstSeen });
  return {
    refresh: async () => ({ total: releases.length, added: [], changed: [], removed: [], problems: [] }),
    ingest: async () => ({ total: releases.length, added: [], changed: [], removed: [], problems: [] }),
    search: (query, options) => outcome(query, matching(query), options),
    latest: (options = {}) => outcome(options.topic ?? '', options.topic ? matching(options.topic) : byDate, options),
    searchSentences: () => [],
    sentencesOf: (id) => releases.find((r) => r.id === id)?.body.split('. ') ?? [],
    get: (id) => releases.find((r) => r.id === id) ?? null,
    onDate: (date) => releases.filter((r) => r.date === date),
    seenSince: (since, options = {}) =>
      (options.filter ? matching(options.filter) : byDate)
        .filter(() => firstSeen >= since && (!options.until || firstSeen < options.until))
        .map(seen)
        .reverse(),
    count: () => releases.length,
    topics: () => TOPICS,
    close: () => undefined,
  };
}

/** The services a command gets, over the fake library, the memory store and a fixed clock. */
export function fakeServices(releases: Release[], now = new Date('2026-03-02T08:00:00Z')): Services & { store: MemoryStore } {
  const store = new MemoryStore();
  const clock = () => now;
  const library = fakeLibrary(releases, new Date(now.getTime() - 3_600_000).toISOString());
  const config = loadConfig({}, { logLevel: 'silent', defaultTimezone: 'UTC' });
  return { ...createServices({ config, logger: silentLogger(), clock, store, library }), store };
}
