import type { RichText } from '../bot/reply.ts';
import type { SearchNote } from '../index/search-note.ts';
import type { RawRelease } from '../ports/source.ts';
import type { LoadProblem, Release, SeenRelease } from '../releases/release.ts';

export type { SearchNote } from '../index/search-note.ts';

export interface SearchHit {
  release: Release;
  /** When the bot first saw the release (ISO instant), or null if it has no record. */
  firstSeen: string | null;
  score: number;
  /** The best matching passage, matched words marked `strong`. */
  snippet: RichText;
}

export interface SearchOutcome {
  /** The query as the person typed it. */
  query: string;
  /**
   * The query as run after typo correction, shown as "Showing results for ..." when it differs
   * from what was typed. Undefined when nothing was corrected.
   */
  showingFor?: string;
  /** What to tell the person (an unknown topic, an ignored operator, an empty query), as codes: commands write the sentences. */
  notes: SearchNote[];
  /** How many releases match in all (for paging). */
  total: number;
  /** The total is an estimate (a lookup matching tens of thousands of releases counts a sample). */
  totalEstimated?: boolean;
  hits: SearchHit[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

/** A sentence of a release that matched a sentence search. */
export interface SentenceHit {
  releaseId: string;
  /** 0-based position of the sentence in the release. */
  position: number;
  text: string;
  /** BM25-based score, higher is better. */
  score: number;
  /** The distinct query terms (after expansion) that occur in the sentence. */
  matched: string[];
}

export interface RefreshReport {
  /** Releases in the index after the refresh. */
  total: number;
  added: string[];
  changed: string[];
  removed: string[];
  problems: LoadProblem[];
}

export interface Topic {
  id: string;
  label: string;
  /** Words and phrases that stand for the topic in queries and in release text. */
  aliases: string[];
  kind: 'member' | 'observer' | 'partner' | 'country' | 'acronym' | 'theme' | 'person' | 'place' | 'body';
}

/**
 * The releases the bot knows and the index over them. Every command goes through here; the
 * index is derived data under the data folder and may be deleted at any time.
 */
export interface Library {
  /** Brings the index up to date with the content folder; cheap when nothing changed. */
  refresh(): Promise<RefreshReport>;
  /**
   * Adds or updates releases from a live source (site, feeds). Records first-seen times.
   * Releases of that source missing from `raws` are kept (sources page; absence is not removal).
   */
  ingest(raws: RawRelease[]): Promise<RefreshReport>;
  search(query: string, options?: SearchOptions): SearchOutcome;
  /** Newest releases by publication date, optionally on a topic (id, alias or free words). */
  latest(options?: { topic?: string } & SearchOptions): SearchOutcome;
  /**
   * Sentences that match the words of `text` (same alias expansion and typo correction as
   * search, any-word semantics), best first. `ranked: false` skips scoring and returns the first
   * matches in index order (cheap on large libraries, for counting).
   */
  searchSentences(text: string, options?: { limit?: number; releaseIds?: string[]; ranked?: boolean }): SentenceHit[];
  /** All sentences of a release in order (for summaries and answer context). */
  sentencesOf(id: string): string[];
  get(id: string): Release | null;
  /** Releases published on a date (YYYY-MM-DD), for telling which one a link names. */
  onDate(date: string): Release[];
  /**
   * Releases first seen at or after `since` (and before `until` when given), oldest first,
   * optionally only those matching a topic or query.
   */
  seenSince(since: string, options?: { until?: string; filter?: string }): SeenRelease[];
  count(): number;
  topics(): Topic[];
  close(): void;
}
