import type { SentenceHit } from '../library/types.ts';
import type { Logger } from '../logger.ts';
import type { ListSearch } from './list-search.ts';
import { buildMatch, type TermGroup } from './query-expand.ts';
import type { QueryPlan } from './query-plan.ts';
import { TOKENIZE } from './schema.ts';
import { CLOSE, OPEN, markedRuns } from './snippet.ts';
import type { Statements } from './statements.ts';
import { clamp } from '../util/clamp.ts';
import { foldCase } from './words.ts';

/** On a big index, a question's sentences come from this many of the best matching releases. */
const SENTENCE_RELEASES = 20;

export interface SentenceOptions {
  limit?: number;
  releaseIds?: string[];
  ranked?: boolean;
}

/** Sentences matching a question's words, for answers. */
export class SentenceSearch {
  private marksReady = false;

  constructor(
    private readonly st: Statements,
    private readonly plan: (text: string) => QueryPlan,
    private readonly logger: Logger,
    private readonly listSearch?: ListSearch,
  ) {}

  /** Sentences matching any word of `text`, best first. */
  search(text: string, options: SentenceOptions = {}): SentenceHit[] {
    const plan = this.plan(text);
    // Words that are aliases of one another ("uzbekistan uzbek") expand to the same group:
    // once is enough to match, and each copy would be scored again.
    const seenGroups = new Set<string>();
    const groups = plan.groups.filter((g) => {
      const key = `${g.negated}|${g.prefix}|${g.alternatives.map((a) => a.join(' ')).sort().join('|')}`;
      return !seenGroups.has(key) && seenGroups.add(key);
    });
    const match = buildMatch(groups, 'any');
    if (!match) return [];
    const limit = clamp(options.limit ?? 20, 1, 500);
    const ids = options.releaseIds;
    if (ids && ids.length === 0) return [];
    const lists = this.listSearch;
    if (options.ranked !== false && lists?.lists.ready() && this.st.releaseCount() >= lists.lists.settings.sentencesFrom) {
      // A big index: rank the sentences of the releases that best match, not every sentence
      // holding any of the words (hundreds of thousands at 100,000 releases: 0.2-0.5 s).
      const rids = ids
        ? (this.st.sql(`SELECT rid FROM releases WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as number[])
        : (lists.best({ match, groups, mode: 'any' }, SENTENCE_RELEASES, true) ?? []).map((r) => r.rid);
      return this.within(rids, groups, match, limit);
    }
    const idFilter = ids ? `AND r.id IN (SELECT value FROM json_each(?))` : '';
    const params: unknown[] = [match, ...(ids ? [JSON.stringify(ids)] : []), limit];
    try {
      // Rank on the FTS table alone; join and highlight only the sentences kept.
      const ranked = (
        ids
          ? this.st.sql(`SELECT f.rowid AS sid, bm25(sentences_fts) AS rank FROM sentences_fts f JOIN sentences s ON s.sid = f.rowid
              JOIN releases r ON r.rid = s.rid WHERE sentences_fts MATCH ? ${idFilter} ORDER BY rank LIMIT ?`)
          : options.ranked === false
            ? this.st.sql(`SELECT rowid AS sid, 0 AS rank FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?`)
            : this.st.sql(`SELECT rowid AS sid, bm25(sentences_fts) AS rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?`)
      ).all(...params) as { sid: number; rank: number }[];
      const rows = ranked.map(({ sid, rank }) => ({ sid, rank, ...this.detail(sid) }));
      // highlight() on the index itself runs the whole expression once per sentence (about
      // 0.8 ms each at 10k releases with aliases); the private table gives the same marks in one query.
      const marks = this.inPrivateTable(
        rows.map((r) => [r.sid, r.text]),
        () => new Map((this.st.sql(`SELECT rowid AS sid, ${MARKED} AS marked FROM temp.sentence_marks WHERE sentence_marks MATCH ?`).all(match) as { sid: number; marked: string }[]).map((m) => [m.sid, m.marked])),
      );
      return rows.map((r) => ({ releaseId: r.releaseId, position: r.position, text: r.text, score: -r.rank, matched: markedRuns(marks.get(r.sid) ?? '') }));
    } catch (e) {
      this.logger.error({ err: (e as Error).message }, 'sentence lookup failed');
      return [];
    }
  }

  /** The sentences of these releases matching `match`, ranked among themselves, matched words marked. */
  private within(rids: number[], groups: TermGroup[], match: string, limit: number): SentenceHit[] {
    if (!rids.length) return [];
    const texts = this.st.sql(`SELECT sid, text FROM sentences WHERE rid IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(rids)) as [number, string][];
    // Tokenizing costs more than the ranking: only sentences that may hold a word go in. Words
    // with one stem share their first three letters, so a sentence without any can hold none.
    const starts = [...new Set(groups.filter((g) => !g.negated).flatMap((g) => g.alternatives.map((a) => foldCase(a[0] ?? '').slice(0, 3))))].filter(Boolean);
    const candidates = texts.filter(([, text]) => {
      const folded = foldCase(text);
      return starts.some((p) => folded.includes(p));
    });
    const rows = this.inPrivateTable(
      candidates,
      () =>
        this.st.sql(`SELECT rowid AS sid, bm25(sentence_marks) AS rank, ${MARKED} AS marked FROM temp.sentence_marks WHERE sentence_marks MATCH ? ORDER BY rank LIMIT ?`)
          .all(match, limit) as { sid: number; rank: number; marked: string }[],
    );
    return rows.map(({ sid, rank, marked }) => {
      const d = this.detail(sid);
      return { releaseId: d.releaseId, position: d.position, text: d.text, score: -rank, matched: markedRuns(marked) };
    });
  }

  private detail(sid: number): { releaseId: string; position: number; text: string } {
    return this.st.sql(`SELECT r.id AS releaseId, s.position, s.text FROM sentences s JOIN releases r ON r.rid = s.rid WHERE s.sid = ?`).get(sid) as {
      releaseId: string;
      position: number;
      text: string;
    };
  }

  /**
   * Runs `read` over a connection-private FTS5 table holding just these sentences (same
   * tokenizer as the index), emptied before and after.
   */
  private inPrivateTable<T>(rows: [number, string][], read: () => T): T {
    if (!this.marksReady) {
      this.st.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentence_marks USING fts5 (text, ${TOKENIZE})`);
      this.marksReady = true;
    }
    const insert = this.st.sql(`INSERT INTO temp.sentence_marks (rowid, text) VALUES (?, ?)`);
    const clear = this.st.sql(`DELETE FROM temp.sentence_marks`);
    return this.st.db.transaction(() => {
      clear.run();
      for (const [sid, text] of rows) insert.run(sid, text);
      const out = read();
      clear.run();
      return out;
    })();
  }
}

const MARKED = `highlight(sentence_marks, 0, '${OPEN}', '${CLOSE}')`;
