import type { RichText } from '../bot/reply.ts';
import type { AnalysedSentence } from './sentence-analysis.ts';

/** The sentence as RichText with the matched words `strong`; neighbouring marks are joined. */
export function markMatches(s: AnalysedSentence, marked: number[]): RichText {
  const set = new Set(marked);
  const out: RichText = [];
  let cursor = 0;
  let i = 0;
  while (i < s.tokens.length) {
    if (!set.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < s.tokens.length && set.has(j + 1)) j++;
    const start = s.tokens[i]!.start;
    const end = s.tokens[j]!.end;
    if (start > cursor) out.push(s.text.slice(cursor, start));
    out.push({ text: s.text.slice(start, end), strong: true });
    cursor = end;
    i = j + 1;
  }
  if (cursor < s.text.length) out.push(s.text.slice(cursor));
  return out;
}
