import { quickWords } from '../text/words.ts';

const OPENING_BONUS = 0.35;
const TITLE_WEIGHT = 0.5;
/** Sentences sharing more than this share of their words with a chosen one are duplicates. */
const DUPLICATE_OVERLAP = 0.6;
/** Below this many characters a sentence is a caption or a fragment, not a summary line. */
const MIN_CHARS = 40;
const LONG_CHARS = 320;

/**
 * An extractive summary of two or three sentences of a release, in the release's order.
 *
 * Sentences are ranked by centrality (how many of their words recur across the release and its
 * title, normalised so long sentences do not win by length alone) with a bonus for the opening
 * sentence, which in press releases says who did what, where and when. Pure and deterministic:
 * the same input always gives the same summary. Linear in the release's length, no model, so
 * it can run on every release at indexing time.
 */
export function summarise(title: string, sentences: string[]): string[] {
  const usable = sentences.map((s, i) => ({ s: s.trim(), i })).filter((x) => x.s.length > 0);
  if (usable.length <= 2) return usable.map((x) => x.s);

  const words = usable.map((x) => new Set(quickWords(x.s)));
  const frequency = new Map<string, number>();
  for (const set of words) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const titleWords = new Set(quickWords(title));

  const scored = usable.map((x, k) => {
    const set = words[k]!;
    let weight = 0;
    for (const w of set) weight += (frequency.get(w)! - 1) + (titleWords.has(w) ? TITLE_WEIGHT * 2 : 0);
    // Square root: favour sentences dense in shared words without rewarding sheer length.
    let score = set.size ? weight / Math.sqrt(set.size) / usable.length : 0;
    if (k === 0) score += OPENING_BONUS * (1 + score);
    if (x.s.length < MIN_CHARS) score *= 0.3;
    return { ...x, set, score };
  });

  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const want = usable.length >= 6 ? 3 : 2;
  const chosen: typeof scored = [];
  let chars = 0;
  for (const cand of ranked) {
    if (chosen.length >= want) break;
    if (chosen.some((c) => overlap(c.set, cand.set) > DUPLICATE_OVERLAP)) continue;
    // A third sentence only when the first two are not already long.
    if (chosen.length === 2 && chars > LONG_CHARS * 2) break;
    chosen.push(cand);
    chars += cand.s.length;
  }
  return chosen.sort((a, b) => a.i - b.i).map((c) => c.s);
}

function overlap(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return 1;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}
