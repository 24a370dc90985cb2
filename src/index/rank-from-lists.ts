import type { TopList } from './top-lists.ts';

/** A ranked release: its rowid and score (higher is better). */
export interface Ranked {
  rid: number;
  score: number;
}

export interface ListRanking {
  /** Per part of the query, its list. */
  lists: TopList[];
  /** Every part must match ('all'), or any. */
  mode: 'all' | 'any';
  /** Releases wanted, counting the ones paged past. */
  wanted: number;
  /** Whether the release holds part `i` (asked only for parts whose list does not hold it). */
  holds: (i: number, rid: number) => boolean;
  /** Whether asking `holds` of part `i` is cheap (a single word or phrase). */
  cheap: (i: number) => boolean;
  /** Whether the release still matches the whole query; false-free when nothing was edited since the lists were written. */
  verify: (rid: number) => boolean;
  /** Exact scores of those of the releases that match the whole query; the others left out. */
  score: (rids: number[]) => Map<number, number>;
  /**
   * Take estimates as they are, however uncertain, and as many as there are up to `wanted` (to
   * pick candidates, not to show a ranking).
   */
  estimates?: boolean;
}

/** Candidates looked at per round, at least, and per release wanted. */
const ROUND_MIN = 20;
const ROUND_PER_WANTED = 2;
/** Rounds before giving up on a query whose parts rarely meet. */
const ROUNDS = 8;
/**
 * What a part can add to a release its list does not hold is at most the list's last score;
 * when that is this small a share of what the release is known to score, the middle of it is
 * taken instead of scoring the release exactly (which tokenizes its text again, ~0.15 ms).
 */
const TOLERANCE = 0.02;

/**
 * Ranks from the parts' lists. A candidate's score is the sum of its listed scores; for a part
 * whose list does not hold it, between nothing and the list's last score. Candidates are taken
 * best estimate first, a round at a time: those held by every list are exact; the others are
 * checked to hold the missing parts and, unless the unknown is negligible, scored exactly.
 * Null when too few match, so the caller can rank the exact way.
 */
export function rankFromLists(r: ListRanking): Ranked[] | null {
  const n = r.lists.length;
  const floors = r.lists.map((list) => (list.complete ? 0 : (list.scores[list.scores.length - 1] ?? 0)));
  const known = new Map<number, { sum: number; seen: number }>();
  r.lists.forEach((list, i) => {
    for (let k = 0; k < list.rids.length; k++) {
      const rid = list.rids[k]!;
      let c = known.get(rid);
      if (!c) known.set(rid, (c = { sum: 0, seen: 0 }));
      c.sum += list.scores[k]!;
      c.seen |= 1 << i;
    }
  });
  // Where every part must match, a release missing from a list holds the part all the same.
  const share = r.mode === 'all' ? 0.5 : 0;
  const candidates: { rid: number; score: number; sum: number; seen: number }[] = [];
  for (const [rid, c] of known) {
    let score = c.sum;
    for (let i = 0; i < n; i++) if (!(c.seen & (1 << i))) score += share * floors[i]!;
    candidates.push({ rid, score, sum: c.sum, seen: c.seen });
  }
  candidates.sort((a, b) => b.score - a.score || a.rid - b.rid);

  const round = Math.max(ROUND_MIN, ROUND_PER_WANTED * r.wanted);
  const out: Ranked[] = [];
  for (let start = 0; start < candidates.length && start < round * ROUNDS && out.length < r.wanted; start += round) {
    const unsure: number[] = [];
    for (const c of candidates.slice(start, start + round)) {
      let open = 0;
      let possible = true;
      for (let i = 0; i < n; i++) {
        if (c.seen & (1 << i)) continue;
        open += floors[i]!;
        // A list holding every release with its part says this one lacks it.
        if (r.mode === 'all' && r.lists[i]!.complete) possible = false;
      }
      if (!possible) continue;
      if (!r.estimates && open > TOLERANCE * c.sum) {
        // Scoring it exactly also tells whether it matches; a missing one-word part is cheaper
        // to check first (most of a common part's releases lack a rarer one).
        if (r.mode === 'all' && !r.lists.every((_, i) => c.seen & (1 << i) || !r.cheap(i) || r.holds(i, c.rid))) continue;
        unsure.push(c.rid);
        continue;
      }
      if (r.mode === 'all' && !r.lists.every((_, i) => c.seen & (1 << i) || r.holds(i, c.rid))) continue;
      if (r.verify(c.rid)) out.push({ rid: c.rid, score: c.score });
    }
    if (unsure.length) for (const [rid, score] of r.score(unsure)) out.push({ rid, score });
  }
  if (out.length < r.wanted && !r.estimates) return null;
  return out.sort((a, b) => b.score - a.score || a.rid - b.rid).slice(0, r.wanted);
}
