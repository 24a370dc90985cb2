import type { Statement } from 'better-sqlite3';
import { TOKENIZE, type Db } from './schema.ts';
import { CLOSE, OPEN } from './snippet.ts';

/** FTS5's bm25 constants (fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;

/** One phrase of a query as bm25 sees it. */
export interface ScoredPhrase {
  phrase: string;
  /** Releases in the whole index holding the phrase (FTS5's nHit). */
  hits: number;
}

/** Whether a candidate matches the query, given which of the phrases it holds. */
export type Match = (found: (phrase: string) => boolean) => boolean;

/**
 * FTS5's bm25 for a few chosen releases, the same number FTS5 gives, without asking FTS5 to
 * score them on the big index (each such query walks every phrase's whole doclist to count its
 * releases: about 1 ms a release at 100,000). The candidates' text goes into a
 * connection-private FTS5 table with the same tokenizer; highlight() there counts each phrase's
 * occurrences per column; the phrase counts, the index's row count and average length come
 * from the index itself.
 *
 *   score = sum over phrases of idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgD))
 *   f = sum of column weights over the phrase's occurrences; D = the release's tokens
 */
export class ExactBm25 {
  private ready = false;
  private s!: { clear: Statement; fill: Statement; marks: Statement; sizes: Statement; averages: Statement };

  constructor(
    private readonly db: Db,
    private readonly weights: readonly number[],
  ) {}

  private prepare(): void {
    if (this.ready) return;
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates_fts USING fts5 (title, body, ${TOKENIZE})`);
    const cols = this.weights.map((_, i) => `highlight(candidates_fts, ${i}, '${OPEN}', '${CLOSE}')`).join(', ');
    this.s = {
      clear: this.db.prepare(`DELETE FROM temp.candidates_fts`),
      fill: this.db.prepare(`INSERT INTO temp.candidates_fts (rowid, title, body) SELECT rid, title, body FROM releases WHERE rid IN (SELECT value FROM json_each(?))`),
      marks: this.db.prepare(`SELECT rowid, ${cols} FROM temp.candidates_fts WHERE candidates_fts MATCH ?`).raw(),
      sizes: this.db.prepare(`SELECT id, sz FROM releases_fts_docsize WHERE id IN (SELECT value FROM json_each(?))`).raw(),
      averages: this.db.prepare(`SELECT block FROM releases_fts_data WHERE id = 1`).pluck(),
    };
    this.ready = true;
  }

  /**
   * Scores of the releases that still exist and satisfy `matches` (given which of the phrases
   * each holds); the others are left out. `excluded` phrases are looked for but add nothing.
   */
  score(rids: number[], scored: ScoredPhrase[], excluded: ScoredPhrase[], matches: Match): Map<number, number> {
    const phrases = [...scored, ...excluded];
    this.prepare();
    const [rows, ...totals] = varints(this.s.averages.get() as Buffer);
    const avg = totals.reduce((a, b) => a + b, 0) / Math.max(1, rows!);
    const idf = phrases.map((p) => {
      const v = Math.log((rows! - p.hits + 0.5) / (p.hits + 0.5));
      return v > 0 ? v : 1e-6;
    });
    const ids = JSON.stringify(rids);
    return this.db.transaction(() => {
      this.s.clear.run();
      this.s.fill.run(ids);
      const length = new Map((this.s.sizes.all(ids) as [number, Buffer][]).map(([id, sz]) => [id, varints(sz).reduce((a, b) => a + b, 0)]));
      const freq = new Map<number, number[]>();
      phrases.forEach((p, i) => {
        for (const [rid, ...cols] of this.s.marks.all(p.phrase) as [number, ...string[]][]) {
          let f = 0;
          cols.forEach((text, c) => (f += this.weights[c]! * occurrences(text)));
          let row = freq.get(rid);
          if (!row) freq.set(rid, (row = new Array<number>(phrases.length).fill(0)));
          row[i] = f;
        }
      });
      this.s.clear.run();
      const out = new Map<number, number>();
      for (const rid of rids) {
        const d = length.get(rid);
        if (d === undefined) continue;
        const f = freq.get(rid) ?? new Array<number>(phrases.length).fill(0);
        if (!matches((phrase) => phrases.some((p, i) => p.phrase === phrase && f[i]! > 0))) continue;
        let score = 0;
        f.forEach((fi, i) => {
          if (fi > 0 && i < scored.length) score += (idf[i]! * fi * (K1 + 1)) / (fi + K1 * (1 - B + (B * d) / avg));
        });
        out.set(rid, score);
      }
      return out;
    })();
  }
}

function occurrences(text: string): number {
  let n = 0;
  for (let i = text.indexOf(OPEN); i >= 0; i = text.indexOf(OPEN, i + 1)) n++;
  return n;
}

/** SQLite's varints, as FTS5 stores its sizes and averages. */
export function varints(buf: Buffer): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < buf.length) {
    let v = 0;
    for (let k = 0; k < 9 && i < buf.length; k++) {
      const byte = buf[i++]!;
      if (k === 8) {
        v = v * 256 + byte;
        break;
      }
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    out.push(v);
  }
  return out;
}
