import type { LoadProblem } from '../releases/release.ts';

/** A release as a source yields it, before normalisation. */
export interface RawRelease {
  /** Stable id within the whole bot (sources prefix theirs to stay unique). */
  id: string;
  source: string;
  /** Text as found: plain text, or Markdown with front matter for content files. */
  text: string;
  title?: string;
  /** YYYY-MM-DD when the source knows it. */
  date?: string;
  url?: string;
  topics?: string[];
  path?: string;
}

export interface SourceReport {
  releases: RawRelease[];
  problems: LoadProblem[];
  /** Pages or files fetched (for sync summaries). */
  fetched: number;
}

/** Yields raw releases: the content folder, the SCO website, RSS/Atom feeds. */
export interface Source {
  readonly name: string;
  fetch(signal?: AbortSignal): Promise<SourceReport>;
}
