import type { Db } from './schema.ts';
import { spellingVariants } from './query-spelling.ts';

/**
 * Typo correction against the index's own vocabulary: a word no release contains is replaced
 * by the closest word that releases do contain (one edit for short words, two for long ones),
 * preferring the more frequent on ties.
 */
export class Corrector {
  private readonly exists;
  private readonly candidates;
  private readonly dataVersion;
  /** Corrections already worked out, valid while the vocabulary is unchanged. */
  private readonly memo = new Map<string, string | null>();
  private memoStamp = '';

  /** `generation` changes when this process writes the vocabulary; other processes' writes show in data_version. */
  constructor(db: Db, private readonly generation: () => number = () => 0) {
    this.exists = db.prepare(`SELECT 1 FROM words WHERE word = ?`).pluck();
    this.candidates = db.prepare(`SELECT word, df FROM words WHERE word >= ? AND word < ? AND length(word) BETWEEN ? AND ?`);
    this.dataVersion = db.prepare(`PRAGMA data_version`).pluck();
  }

  known(word: string): boolean {
    return this.exists.get(word) !== undefined;
  }

  /** The word to use instead of `word`, or null when it is fine or nothing is close enough. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const stamp = `${this.generation()}:${this.dataVersion.get() as number}`;
    if (stamp !== this.memoStamp) {
      this.memo.clear();
      this.memoStamp = stamp;
    }
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const fixed = this.search(word);
    if (this.memo.size >= MEMO_SIZE) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(word, fixed);
    return fixed;
  }

  private search(word: string): string | null {
    if (this.known(word)) return null;
    if (spellingVariants(word).some((v) => this.known(v))) return null;
    const max = word.length >= 8 ? 2 : 1;
    const first = word[0]!;
    const next = String.fromCodePoint(first.codePointAt(0)! + 1);
    const rows = this.candidates.all(first, next, word.length - max, word.length + max) as { word: string; df: number }[];
    let best: { word: string; df: number; d: number } | null = null;
    for (const row of rows) {
      if (Math.abs(row.word.length - word.length) > max) continue;
      const d = editDistance(word, row.word, max);
      if (d > max) continue;
      if (!best || d < best.d || (d === best.d && row.df > best.df)) best = { ...row, d };
    }
    return best?.word ?? null;
  }
}

const MEMO_SIZE = 5000;

/** Optimal string alignment distance (a swap of neighbours counts one), stopping above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
