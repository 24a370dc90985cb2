import type { SearchHit, SearchOutcome, SentenceHit } from '../library/types.ts';
import type { Logger } from '../logger.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './index-reader.ts';
import { Corrector } from './query-correct.ts';
import { buildMatch, type TermGroup } from './query-expand.ts';
import { planQuery, type QueryPlan } from './query-plan.ts';
import { TOKENIZE, type Db } from './schema.ts';
import { foldCase } from './words.ts';
import type { Statement } from 'better-sqlite3';
import { CLOSE, OPEN, markedRuns, plainExcerpt, toRichText } from './snippet.ts';
import { rankFromLists, type Ranked } from './rank-from-lists.ts';
import type { Part, TopList, TopLists } from './top-lists.ts';
import { ExactBm25 } from './exact-bm25.ts';
import { alternativePhrases } from './query-expand.ts';

/** Title matches count this many times a body match in BM25. */
export const TITLE_WEIGHT = 6;
const DEFAULT_LIMIT = 10;
const EMPTY_NOTE = 'No releases are loaded yet: add .txt or .md files to the content folder’s releases/ and try again.';
const ANY_WORD_NOTE = 'No release has all of those words; showing releases with any of them.';

interface Filters {
  sql: string;
  params: unknown[];
}

/**
 * Runs lookups against the index. User text only ever reaches SQLite as bound parameters and
 * as quoted FTS phrases built by buildMatch.
 */
export class Searcher {
  private readonly corrector: Corrector;
  private readonly exact: ExactBm25;

  constructor(
    private readonly db: Db,
    private readonly taxonomy: () => Taxonomy,
    private readonly logger: Logger,
    /** Changes whenever this process writes the vocabulary (for the corrector's memo). */
    vocabularyGeneration: () => number = () => 0,
    /** Phrases' best releases, for lookups matching more releases than are worth scoring one by one. */
    private readonly lists?: TopLists,
  ) {
    this.corrector = new Corrector(db, vocabularyGeneration);
    this.exact = new ExactBm25(db, [TITLE_WEIGHT, 1]);
  }

  private readonly statements = new Map<string, Statement>();

  /** Prepared statements by SQL text: preparing costs more than running on a small index. */
  private sql(text: string): Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  plan(query: string): QueryPlan {
    return planQuery(query, this.taxonomy(), this.corrector);
  }

  search(query: string, options: { limit?: number; offset?: number; order?: 'rank' | 'date'; anyWordFallback?: boolean } = {}): SearchOutcome {
    const plan = this.plan(query);
    const outcome: SearchOutcome = { query, notes: [...plan.notes], total: 0, hits: [] };
    if (plan.showingFor) outcome.showingFor = plan.showingFor;
    const limit = clamp(options.limit ?? DEFAULT_LIMIT, 1, 100);
    const offset = Math.max(0, Math.trunc(options.offset ?? 0));
    const filters = filtersOf(plan);
    const all = buildMatch(plan.groups, 'all');
    if (!all) {
      if (plan.topicIds.length || plan.since || plan.until) return this.listing(outcome, filters, limit, offset);
      if (!outcome.notes.length) outcome.notes.push('Tell me some words to look for, such as afghanistan or "contact group".');
      return outcome;
    }
    try {
      this.run(outcome, { match: all, groups: plan.groups, mode: 'all' }, filters, limit, offset, options.order ?? 'rank');
      if (outcome.total === 0 && options.anyWordFallback !== false && plan.groups.filter((g) => !g.negated).length > 1) {
        this.run(outcome, { match: buildMatch(plan.groups, 'any')!, groups: plan.groups, mode: 'any' }, filters, limit, offset, options.order ?? 'rank');
        if (outcome.total > 0) outcome.notes.push(ANY_WORD_NOTE);
      }
    } catch (e) {
      this.logger.error({ err: (e as Error).message, query }, 'lookup failed');
      outcome.notes.push('I could not run that lookup; try plainer words.');
    }
    if (outcome.total === 0 && this.sql('SELECT 1 FROM releases LIMIT 1').get() === undefined) outcome.notes.push(EMPTY_NOTE);
    return outcome;
  }

  /** Newest first among releases matching the filters (no words). */
  listing(outcome: SearchOutcome, filters: Filters, limit: number, offset: number): SearchOutcome {
    outcome.total = this.sql(`SELECT count(*) FROM releases r WHERE 1 = 1 ${filters.sql}`).pluck().get(...filters.params) as number;
    const rows = this.sql(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE 1 = 1 ${filters.sql} ORDER BY r.date IS NULL, r.date DESC, r.id LIMIT ? OFFSET ?`)
      .all(...filters.params, limit, offset) as ReleaseRow[];
    outcome.hits = rows.map((row) => ({ release: toRelease(row), firstSeen: row.first_seen, score: 0, snippet: plainExcerpt(row.body) }));
    if (outcome.total === 0 && this.sql('SELECT 1 FROM releases LIMIT 1').get() === undefined) outcome.notes.push(EMPTY_NOTE);
    return outcome;
  }

  /**
   * Ranks in two steps: row ids and scores for the page only (the sorter then carries two
   * numbers per match, not whole releases and snippets), then rows and snippets for that page.
   */
  private run(outcome: SearchOutcome, query: MatchQuery, filters: Filters, limit: number, offset: number, order: 'rank' | 'date'): void {
    const { match } = query;
    const listed = order === 'rank' && !filters.sql ? this.fromLists(outcome, query, limit, offset) : null;
    if (listed === true) return;
    const from = filters.sql
      ? `FROM releases_fts f JOIN releases r ON r.rid = f.rowid WHERE releases_fts MATCH ? ${filters.sql}`
      : 'FROM releases_fts f WHERE releases_fts MATCH ?';
    let ranked: { rid: number; rank: number }[];
    if (order === 'rank' && costly(match)) {
      // Aliases and phrases make the expression dear to evaluate: rank once and count the
      // ranked rows, instead of a count(*) pass and a ranking pass (RATS at 10k: 10 -> 8 ms).
      const rows = this.sql(`WITH m AS MATERIALIZED (SELECT f.rowid AS rid, bm25(releases_fts, ${TITLE_WEIGHT}, 1.0) AS rank ${from})
        SELECT rid, rank, (SELECT count(*) FROM m) AS total FROM m ORDER BY rank LIMIT ? OFFSET ?`)
        .all(match, ...filters.params, limit, offset) as { rid: number; rank: number; total: number }[];
      outcome.total = rows[0]?.total ?? (offset > 0 ? (this.sql(`SELECT count(*) ${from}`).pluck().get(match, ...filters.params) as number) : 0);
      ranked = rows;
    } else {
      outcome.total = typeof listed === 'number' ? listed : (this.sql(`SELECT count(*) ${from}`).pluck().get(match, ...filters.params) as number);
      ranked = outcome.total === 0 ? [] : this.page(match, filters, limit, offset, order, from);
    }
    if (ranked.length === 0) {
      outcome.hits = [];
      return;
    }
    this.fill(outcome, match, ranked);
  }

  /**
   * Ranks from the parts' lists when the lookup matches more releases than are worth scoring
   * one by one (the total then comes from the part's list, or is estimated from a sample);
   * otherwise the exact way ranks, told the count when it was counted exactly here.
   */
  private fromLists(outcome: SearchOutcome, query: MatchQuery, limit: number, offset: number): true | number | null {
    const lists = this.lists;
    const positive = query.groups.filter((g) => !g.negated);
    if (!lists?.ready() || offset + limit > LIST_DEPTH || positive.length === 0 || positive.length > 30) return null;
    const listed = positive.map((g) => lists.list({ phrases: alternativePhrases(g) }));
    const negated = positive.length < query.groups.length;
    // Lists holding every release with their part know the matches outright.
    const whole = !negated && listed.every((l) => l.complete);
    // One part: its list knows how many releases hold it. Several: the lists when whole, else
    // count (or estimate).
    const count = whole || (!negated && listed.length === 1)
      ? { total: listed.length === 1 ? listed[0]!.hits : matchesOf(listed, query.mode), estimated: !lists.current() }
      : this.estimateCount(query.match);
    // Few enough matches to score them all, and the lists would need checking: the exact way.
    if (!whole && listed.length > 1 && count.total <= lists.settings.length) return count.estimated ? null : count.total;
    const ranked = this.rankByLists(query, Math.min(offset + limit, count.total), false);
    if (!ranked) return count.estimated ? null : count.total;
    outcome.total = count.total;
    if (count.estimated) outcome.totalEstimated = true;
    const page = ranked.slice(offset, offset + limit);
    if (page.length) this.fill(outcome, query.match, page.map((r) => ({ rid: r.rid, rank: -r.score })));
    else outcome.hits = [];
    return true;
  }

  /** The `wanted` best releases for the query from the lists (see rank-from-lists.ts); null when they cannot tell. */
  private rankByLists(query: MatchQuery, wanted: number, estimates: boolean): Ranked[] | null {
    const lists = this.lists!;
    const phraseGroups = query.groups.map((g) => ({ negated: g.negated, phrases: alternativePhrases(g) }));
    const positive = phraseGroups.filter((g) => !g.negated);
    // Negated phrases are looked for too (a release holding one is left out) but add no score.
    const excluded = phraseGroups.filter((g) => g.negated).flatMap((g) => g.phrases.map((phrase) => ({ phrase, hits: 0 })));
    const listed = positive.map((g) => lists.list(g));
    // The query's own phrases, with how many releases hold each (the same for every spelling FTS5 reads alike).
    const scored = positive.flatMap((g, i) => g.phrases.map((phrase) => {
      const terms = lists.termsOf(phrase);
      return { phrase, hits: listed[i]!.phrases.find((p) => p.terms === terms)?.hits ?? 0 };
    }));
    const member = this.sql(`SELECT 1 FROM releases_fts WHERE releases_fts MATCH ? AND rowid = ?`).pluck();
    // BigInt rowids: FTS5 gives a wrong bm25 and seeks no faster for a REAL one.
    const has = (match: string, rid: number) => member.get(match, BigInt(rid)) !== undefined;
    // Listed releases hold their parts unless something was edited since the lists were written.
    const sure = lists.current() && excluded.length === 0;
    return rankFromLists({
      lists: listed,
      mode: query.mode,
      wanted,
      estimates,
      holds: (i, rid) => has(`(${positive[i]!.phrases.join(' OR ')})`, rid),
      cheap: (i) => positive[i]!.phrases.length === 1,
      verify: (rid) => sure || has(query.match, rid),
      score: (rids) =>
        this.exact.score(rids, scored, excluded, (found) => {
          const hit = (g: { phrases: string[] }) => g.phrases.some(found);
          const wanted = query.mode === 'all' ? positive.every(hit) : positive.some(hit);
          return wanted && !phraseGroups.some((g) => g.negated && hit(g));
        }),
    });
  }

  /**
   * How many releases match: counted exactly on an index of up to SAMPLE_FROM releases, else
   * counted over the newest tenth and scaled (FTS5 checks every phrase position of every match:
   * 27 ms for CFM's aliases at 100,000 releases), or exactly when that estimate is small.
   */
  private estimateCount(match: string): { total: number; estimated: boolean } {
    const exact = () => ({ total: this.sql(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ?`).pluck().get(match) as number, estimated: false });
    const maxRid = this.sql(`SELECT coalesce(max(rid), 0) FROM releases`).pluck().get() as number;
    if (maxRid <= SAMPLE_FROM) return exact();
    const from = maxRid - Math.floor(maxRid / 10);
    // As a BigInt: FTS5 seeks to an INTEGER bound but walks every match for a REAL one (24 ms vs 3).
    const hits = this.sql(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ? AND rowid > ?`).pluck().get(match, BigInt(from)) as number;
    if (hits < SAMPLE_MIN_HITS) return exact();
    // Rowids are nearly dense (removals leave gaps): the newest tenth of the rowids holds about a
    // tenth of the releases. Counting them instead reads every row of the sample (12 ms).
    const all = this.releaseCount();
    const sampled = (all * (maxRid - from)) / maxRid;
    return { total: roughly((hits * all) / sampled), estimated: true };
  }

  private page(match: string, filters: Filters, limit: number, offset: number, order: 'rank' | 'date', from: string): { rid: number; rank: number }[] {
    const page =
      order === 'date'
        ? this.sql(`SELECT f.rowid AS rid, bm25(releases_fts, ${TITLE_WEIGHT}, 1.0) AS rank
            FROM releases_fts f JOIN releases r ON r.rid = f.rowid WHERE releases_fts MATCH ? ${filters.sql}
            ORDER BY r.date IS NULL, r.date DESC, rank LIMIT ? OFFSET ?`)
        : this.sql(`SELECT f.rowid AS rid, bm25(releases_fts, ${TITLE_WEIGHT}, 1.0) AS rank ${from} ORDER BY rank LIMIT ? OFFSET ?`);
    return page.all(match, ...filters.params, limit, offset) as { rid: number; rank: number }[];
  }

  /** Rows and snippets for a ranked page. */
  private fill(outcome: SearchOutcome, match: string, ranked: { rid: number; rank: number }[]): void {
    const rowOf = this.sql(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.rid = ?`);
    const snippets = this.snippets(match, ranked.map((r) => r.rid), outcome.total);
    outcome.hits = ranked.map(({ rid, rank }): SearchHit => {
      const row = rowOf.get(rid) as ReleaseRow;
      const snip = snippets.get(rid) ?? '';
      return {
        release: toRelease(row),
        firstSeen: row.first_seen,
        score: -rank,
        snippet: snip.includes(OPEN) ? toRichText(snip) : plainExcerpt(row.body),
      };
    });
  }

  /**
   * FTS5's snippets of the releases' bodies. Asking once per release makes FTS5 set up the whole
   * expression each time (0.3 ms for RATS's six phrases); one query over the rowid range the page
   * spans sets it up once but walks every match in that range, so it is taken only when that
   * range holds few matches (a small index): RATS at 1,000 releases 3.2 -> 1.3 ms.
   */
  private snippets(match: string, rids: number[], total: number): Map<number, string> {
    const lo = Math.min(...rids);
    const hi = Math.max(...rids);
    const maxRid = this.sql(`SELECT coalesce(max(rid), 0) FROM releases`).pluck().get() as number;
    if (rids.length > 1 && (total * (hi - lo + 1)) / Math.max(1, maxRid) <= SNIPPET_WALK) {
      const rows = this.sql(`SELECT rowid, snippet(releases_fts, 1, '${OPEN}', '${CLOSE}', '…', 28) FROM releases_fts
        WHERE releases_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))`).raw()
        .all(match, BigInt(lo), BigInt(hi), JSON.stringify(rids)) as [number, string][];
      return new Map(rows);
    }
    const snippetOf = this.sql(`SELECT snippet(releases_fts, 1, '${OPEN}', '${CLOSE}', '…', 28) FROM releases_fts WHERE releases_fts MATCH ? AND rowid = ?`).pluck();
    return new Map(rids.map((rid) => [rid, (snippetOf.get(match, BigInt(rid)) as string | undefined) ?? '']));
  }

  /** Sentences matching any word of `text`, best first. */
  searchSentences(text: string, options: { limit?: number; releaseIds?: string[]; ranked?: boolean } = {}): SentenceHit[] {
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
    if (options.ranked !== false && this.lists?.ready() && this.releaseCount() >= this.lists.settings.sentencesFrom) {
      // A big index: rank the sentences of the releases that best match, not every sentence
      // holding any of the words (hundreds of thousands at 100,000 releases: 0.2-0.5 s).
      const rids = ids
        ? (this.sql(`SELECT rid FROM releases WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as number[])
        : (this.rankByLists({ match, groups, mode: 'any' }, SENTENCE_RELEASES, true) ?? []).map((r) => r.rid);
      return this.sentencesWithin(rids, groups, match, limit);
    }
    const idFilter = ids ? `AND r.id IN (SELECT value FROM json_each(?))` : '';
    const params: unknown[] = [match, ...(ids ? [JSON.stringify(ids)] : []), limit];
    try {
      // Rank on the FTS table alone; join and highlight only the sentences kept.
      const ranked = (
        ids
          ? this.sql(`SELECT f.rowid AS sid, bm25(sentences_fts) AS rank FROM sentences_fts f JOIN sentences s ON s.sid = f.rowid
              JOIN releases r ON r.rid = s.rid WHERE sentences_fts MATCH ? ${idFilter} ORDER BY rank LIMIT ?`)
          : options.ranked === false
            ? this.sql(`SELECT rowid AS sid, 0 AS rank FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?`)
            : this.sql(`SELECT rowid AS sid, bm25(sentences_fts) AS rank FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?`)
      ).all(...params) as { sid: number; rank: number }[];
      const detail = this.sql(`SELECT r.id AS releaseId, s.position, s.text FROM sentences s JOIN releases r ON r.rid = s.rid WHERE s.sid = ?`);
      const rows = ranked.map(({ sid, rank }) => ({ sid, rank, ...(detail.get(sid) as { releaseId: string; position: number; text: string }) }));
      const marks = this.markSentences(match, rows);
      return rows.map((r) => ({ releaseId: r.releaseId, position: r.position, text: r.text, score: -r.rank, matched: markedRuns(marks.get(r.sid) ?? '') }));
    } catch (e) {
      this.logger.error({ err: (e as Error).message }, 'sentence lookup failed');
      return [];
    }
  }

  private releaseCount(): number {
    return this.sql(`SELECT count(*) FROM releases`).pluck().get() as number;
  }

  /** The sentences of these releases matching `match`, ranked among themselves, matched words marked. */
  private sentencesWithin(rids: number[], groups: TermGroup[], match: string, limit: number): SentenceHit[] {
    if (!rids.length) return [];
    this.ensureMarks();
    const texts = this.sql(`SELECT sid, text FROM sentences WHERE rid IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(rids)) as [number, string][];
    // Tokenizing costs more than the ranking: only sentences that may hold a word go in. Words
    // with one stem share their first three letters, so a sentence without any can hold none.
    const starts = [...new Set(groups.filter((g) => !g.negated).flatMap((g) => g.alternatives.map((a) => foldCase(a[0] ?? '').slice(0, 3))))].filter(Boolean);
    const insert = this.sql(`INSERT INTO temp.sentence_marks (rowid, text) VALUES (?, ?)`);
    const ranked = this.sql(`SELECT rowid AS sid, bm25(sentence_marks) AS rank, highlight(sentence_marks, 0, '${OPEN}', '${CLOSE}') AS marked
      FROM temp.sentence_marks WHERE sentence_marks MATCH ? ORDER BY rank LIMIT ?`);
    const clear = this.sql(`DELETE FROM temp.sentence_marks`);
    const rows = this.db.transaction(() => {
      clear.run();
      for (const [sid, text] of texts) {
        const folded = foldCase(text);
        if (starts.some((p) => folded.includes(p))) insert.run(sid, text);
      }
      const out = ranked.all(match, limit) as { sid: number; rank: number; marked: string }[];
      clear.run();
      return out;
    })();
    const detail = this.sql(`SELECT r.id AS releaseId, s.position, s.text FROM sentences s JOIN releases r ON r.rid = s.rid WHERE s.sid = ?`);
    return rows.map(({ sid, rank, marked }) => {
      const d = detail.get(sid) as { releaseId: string; position: number; text: string };
      return { releaseId: d.releaseId, position: d.position, text: d.text, score: -rank, matched: markedRuns(marked) };
    });
  }

  private ensureMarks(): void {
    if (!this.marksReady) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.sentence_marks USING fts5 (text, ${TOKENIZE})`);
      this.marksReady = true;
    }
  }

  /**
   * The sentences with their matched words marked. highlight() on the index itself runs the
   * whole expression once per sentence (about 0.8 ms each at 10k releases with aliases); a
   * connection-private table holding just the kept sentences, with the same tokenizer, gives
   * the same marks in one query.
   */
  private markSentences(match: string, rows: { sid: number; text: string }[]): Map<number, string> {
    if (!rows.length) return new Map();
    this.ensureMarks();
    const insert = this.sql(`INSERT INTO temp.sentence_marks (rowid, text) VALUES (?, ?)`);
    const marked = this.sql(`SELECT rowid AS sid, highlight(sentence_marks, 0, '${OPEN}', '${CLOSE}') AS marked FROM temp.sentence_marks WHERE sentence_marks MATCH ?`);
    const clear = this.sql(`DELETE FROM temp.sentence_marks`);
    return this.db.transaction(() => {
      clear.run();
      for (const r of rows) insert.run(r.sid, r.text);
      const out = new Map((marked.all(match) as { sid: number; marked: string }[]).map((m) => [m.sid, m.marked]));
      clear.run();
      return out;
    })();
  }

  private marksReady = false;

  /** The parts lookups of these names (the topics') expand to, for the lists written ahead. */
  partsOf(names: string[]): Part[] {
    const parts = new Map<string, Part>();
    for (const name of names) {
      for (const g of this.plan(name).groups) {
        if (g.negated) continue;
        const phrases = alternativePhrases(g);
        parts.set(this.lists!.keyOf({ phrases }), { phrases });
      }
    }
    return [...parts.values()];
  }

  /** Ids of releases matching a filter (a topic name, or a query whose words must all match), for seenSince. */
  matchingIds(filter: string): Set<string> {
    const topic = this.taxonomy().lookup(filter)[0];
    const query = topic ? `topic:"${topic.id}"` : filter;
    const strict = { limit: 100, anyWordFallback: false };
    const outcome = this.search(query, { ...strict, offset: 0 });
    const ids = new Set(outcome.hits.map((h) => h.release.id));
    for (let offset = 100; offset < outcome.total; offset += 100) {
      for (const h of this.search(query, { ...strict, offset }).hits) ids.add(h.release.id);
    }
    return ids;
  }
}

interface MatchQuery {
  match: string;
  groups: TermGroup[];
  /** All groups must match, or any. */
  mode: 'all' | 'any';
}

/** Matches a page's snippets may walk past in one query before asking release by release is cheaper. */
const SNIPPET_WALK = 2000;
/** On a big index, a question's sentences come from this many of the best matching releases. */
const SENTENCE_RELEASES = 20;
/** Lists rank the first pages only; paging deeper ranks the exact way. */
const LIST_DEPTH = 100;
/** Indexes up to this many rowids count matches exactly. */
const SAMPLE_FROM = 20_000;
/** A sample with fewer matches than this is too thin to scale up: count them all. */
const SAMPLE_MIN_HITS = 200;

/** Releases on all (or any) of the lists, which hold every release with their part. */
function matchesOf(lists: TopList[], mode: 'all' | 'any'): number {
  if (mode === 'any') return new Set(lists.flatMap((l) => Array.from(l.rids))).size;
  const [first, ...rest] = [...lists].sort((a, b) => a.rids.length - b.rids.length);
  const others = rest.map((l) => new Set(l.rids));
  let n = 0;
  for (const rid of first!.rids) if (others.every((o) => o.has(rid))) n++;
  return n;
}

/** Two significant figures: an estimate should not look exact. */
function roughly(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/** An expression with alternatives or phrases: FTS5 checks positions for every row it visits. */
function costly(match: string): boolean {
  return match.includes(' OR ') || /"[^"]* [^"]*"/.test(match);
}

function filtersOf(plan: QueryPlan): Filters {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (plan.since) {
    parts.push('AND r.date >= ?');
    params.push(plan.since);
  }
  if (plan.until) {
    parts.push('AND r.date <= ?');
    params.push(plan.until);
  }
  for (const t of plan.topicIds) {
    parts.push('AND r.rid IN (SELECT rid FROM release_topics WHERE topic = ?)');
    params.push(t);
  }
  return { sql: parts.join(' '), params };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
