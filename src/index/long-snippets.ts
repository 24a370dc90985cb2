import { CLOSE, OPEN } from './snippet.ts';
import { rowid, type Statements } from './statements.ts';

/**
 * A release longer than this gets its snippet from its best matching sentence instead of
 * FTS5's snippet() over the whole body: snippet() (and highlight()) cost grows with the square
 * of the body's matches (an 8 MB release: minutes), a sentence is at most 1,000 characters.
 */
export const LONG_BODY_CHARS = 20_000;

/** Which of `rids` are long releases. */
export function longReleases(st: Statements, rids: number[]): Set<number> {
  const long = st.sql(`SELECT rid FROM releases WHERE rid IN (SELECT value FROM json_each(?)) AND length(body) > ?`).pluck();
  return new Set(long.all(JSON.stringify(rids), LONG_BODY_CHARS) as number[]);
}

/**
 * The snippet of a release's best sentence for `anyMatch` (the query's words, any of them: a
 * sentence rarely holds them all), marked as snippet() marks; '' when no sentence matches
 * (the words are in the title only). A release's sentences have consecutive ids, so the
 * search is a range of the sentence index.
 */
export function sentenceSnippet(st: Statements, anyMatch: string, rid: number): string {
  const range = st.sql(`SELECT min(sid) AS lo, max(sid) AS hi FROM sentences WHERE rid = ?`).get(rid) as { lo: number | null; hi: number | null };
  if (range.lo === null || range.hi === null) return '';
  const best = st
    .sql(`SELECT snippet(sentences_fts, 0, '${OPEN}', '${CLOSE}', '…', 28) FROM sentences_fts
      WHERE sentences_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT 1`)
    .pluck()
    .get(anyMatch, rowid(range.lo), rowid(range.hi)) as string | undefined;
  return best ?? '';
}
