/**
 * What the index has to tell the person about a lookup, as data: the index never writes the
 * sentence (src/commands/search-notes.ts does), so wording lives with the other words people read.
 */
export type SearchNote =
  /** AND, OR, NOT or NEAR was typed; every word is looked for all the same. */
  | { code: 'operators_ignored' }
  /** More terms than a lookup takes; the first `kept` were used. */
  | { code: 'query_cut'; kept: number }
  /** Every term was negated: nothing left to look for. */
  | { code: 'only_negated' }
  /** `topic:` with no name after it. */
  | { code: 'topic_needs_name' }
  /** A date filter (`since:`, `until:`, `from:`) whose value is no year, month or day; both as typed. */
  | { code: 'bad_date'; key: string; value: string }
  /** A `topic:` the taxonomy does not know (as typed); it was looked for as words. */
  | { code: 'unknown_topic'; topic: string }
  /** No words and no filters. */
  | { code: 'empty_query' }
  /** No release had every word; the results have any of them. */
  | { code: 'any_word_fallback' }
  /** SQLite refused the lookup (logged with the detail). */
  | { code: 'lookup_failed' }
  /** The index holds no release at all. */
  | { code: 'no_releases' };
