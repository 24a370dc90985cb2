import type { RawRelease, Source, SourceReport } from '../ports/source.ts';

/** One page done (or failed) during a sync, for progress bars and logs. */
export interface SyncProgress {
  source: string;
  url: string;
  kind: 'listing' | 'release' | 'feed';
  ok: boolean;
  /** Release pages done so far and known in all for this source (the total grows while crawling). */
  done: number;
  total: number;
}

export interface FetchHooks {
  /**
   * Receives releases as they are extracted, so a sync that is killed keeps what it already
   * took in. A source records a release as done only after the sink has resolved.
   */
  sink?: (raws: RawRelease[]) => Promise<void>;
  onProgress?: (e: SyncProgress) => void;
}

/** A source that fetches over the network and keeps its own progress in the store. */
export interface LiveSource extends Source {
  readonly kind: 'sco-site' | 'feed';
  /** The site or feed address, for `sco sync --list`. */
  readonly url: string;
  fetch(signal?: AbortSignal, hooks?: FetchHooks): Promise<SourceReport>;
}
