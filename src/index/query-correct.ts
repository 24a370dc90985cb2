import type { Db } from './schema.ts';
import { spellingVariants } from './query-spelling.ts';
import { editDistance } from '../text/edit-distance.ts';

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

