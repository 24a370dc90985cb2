import type { Statement } from 'better-sqlite3';
import { MAX_WORD_CHARS } from '../text/limits.ts';
import { TOKENIZE, type Db } from './schema.ts';

/** Words remembered; the vocabulary of an archive is a few tens of thousands. */
const MEMO = 100_000;

/**
 * Words as the index stores them (porter stems), from FTS5's own tokenizer through a
 * connection-private table: "visited" and "visits" are both "visit", so they share one ranking
 * list. Remembered per word.
 */
export class Stemmer {
  private readonly memo = new Map<string, string>();
  private s: { insert: Statement; terms: Statement; clear: Statement } | null = null;

  constructor(private readonly db: Db) {}

  /** The index terms of a word ("nur-sultan" gives two). */
  stem(typed: string): string {
    // FTS5 leaves long tokens unstemmed, but each distinct one is memoised: cap what is kept.
    const word = typed.length > MAX_WORD_CHARS ? typed.slice(0, MAX_WORD_CHARS) : typed;
    const known = this.memo.get(word);
    if (known !== undefined) return known;
    const s = this.prepare();
    const terms = this.db.transaction(() => {
      s.clear.run();
      s.insert.run(word);
      const out = (s.terms.all() as string[]).join(' ');
      s.clear.run();
      return out;
    })();
    if (this.memo.size >= MEMO) this.memo.clear();
    this.memo.set(word, terms);
    return terms;
  }

  private prepare(): { insert: Statement; terms: Statement; clear: Statement } {
    if (!this.s) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_probe USING fts5 (w, ${TOKENIZE})`);
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_terms USING fts5vocab(temp, stem_probe, 'instance')`);
      this.s = {
        insert: this.db.prepare(`INSERT INTO temp.stem_probe (rowid, w) VALUES (1, ?)`),
        terms: this.db.prepare(`SELECT term FROM temp.stem_terms ORDER BY offset`).pluck(),
        clear: this.db.prepare(`DELETE FROM temp.stem_probe`),
      };
    }
    return this.s;
  }
}

/**
 * A phrase of a MATCH expression ('"vladimir norov"', '"rat" *') in the index's terms, so
 * phrases FTS5 reads alike share a key: '"visited"' and '"visits"' are both 'visit'.
 */
export function phraseTerms(phrase: string, stemmer: Stemmer): string {
  const prefix = phrase.endsWith(' *');
  const inner = (prefix ? phrase.slice(0, -2) : phrase).replace(/^"|"$/g, '').replace(/""/g, '"');
  // A prefix is matched as typed (FTS5 does not stem it).
  if (prefix) return `${inner}*`;
  return inner.split(' ').map((w) => stemmer.stem(w)).join(' ');
}
