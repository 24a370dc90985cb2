/**
 * A press release as the core knows it, whatever source it came from.
 * Dates are ISO calendar dates (YYYY-MM-DD); times are ISO-8601 instants.
 */
export interface Release {
  /** Stable id: the file name without extension for content files, a source-derived key otherwise. */
  id: string;
  title: string;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  date: string | null;
  url: string | null;
  /** Where it came from: `content`, `sco-site`, or a feed URL. */
  source: string;
  /** Plain text body, paragraphs separated by blank lines. */
  body: string;
  topics: string[];
  /** Two or three sentences taken from the body. */
  summary: string[];
  /** Content hash of what the release was built from; changes when the source changes. */
  hash: string;
  /** For content files: the path it was read from. */
  path?: string;
}

/** A release with the time the bot first saw it (from the store). */
export interface SeenRelease extends Release {
  firstSeen: string;
}

/** A file or page that could not be turned into a release. */
export interface LoadProblem {
  path: string;
  reason: string;
}
