import { maxOf, minOf } from '../util/arrays.ts';
import type { AnalysedSentence } from './sentence-analysis.ts';

/** Reporting frames to drop: "Vladimir Norov noted that ...", "According to X, ...". */
const REPORTING = /^(?:.{0,90}?\b(?:said|says|noted|added|stated|stressed|emphasi[sz]ed|underlined|pointed out|observed|argued|explained|mentioned|announced|believes?|recalled|reported|informed [^,]{0,60}? (?:about|that)|told [^,]{0,60}?)(?: that)?\s+)(?=\S)/;
const ACCORDING = /^according to [^,]{1,60},\s*/i;
/** About 35 words: a short clause, under the 40 words a reader still takes for an answer. */
const MAX_CHARS = 220;

/**
 * The part of a sentence that states something, for "what" and yes/no questions: the sentence
 * without its reporting frame, cut to the clauses around the question's words when long.
 */
export function statementOf(s: AnalysedSentence, hitTokens: number[]): string {
  let text = s.text.replace(ACCORDING, '');
  const m = REPORTING.exec(text);
  if (m && m[0].length < text.length * 0.6) text = text.slice(m[0].length);
  text = text.replace(/[.;:]\s*$/, '').trim();
  if (text.length > MAX_CHARS && hitTokens.length > 0) {
    // Keep the clauses holding the matched words.
    const first = minOf(hitTokens);
    const last = maxOf(hitTokens);
    const from = s.segments[first]!;
    const to = s.segments[last]!;
    const inRange = s.tokens.filter((_, i) => s.segments[i]! >= from && s.segments[i]! <= to);
    if (inRange.length > 0) {
      const piece = s.text.slice(inRange[0]!.start, inRange[inRange.length - 1]!.end).replace(/^[,;:]\s*|\s*[,;:]$/g, '');
      if (piece.length >= 20) text = piece.replace(/^(and|but|while|whereas)\s+/i, '').replace(/^that\s+/i, '');
    }
    if (text.length > MAX_CHARS) text = `${text.slice(0, MAX_CHARS - 1).replace(/\s+\S*$/, '')}…`;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}
