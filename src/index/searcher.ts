import type { SearchHit, SearchOutcome, SentenceHit } from '../library/types.ts';
import type { Logger } from '../logger.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { maxOf, minOf } from '../util/arrays.ts';
import { clamp } from '../util/clamp.ts';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './index-reader.ts';
import { ListSearch, type MatchQuery } from './list-search.ts';
import { longReleases, sentenceSnippet } from './long-snippets.ts';
import { Corrector } from './query-correct.ts';
import { buildMatch } from './query-expand.ts';
import { planQuery, type QueryPlan } from './query-plan.ts';
import { RELEASE_BM25, type Db } from './schema.ts';
import { SentenceSearch, type SentenceOptions } from './sentence-search.ts';
import { CLOSE, OPEN, plainExcerpt, toRichText } from './snippet.ts';
import { rowid, Statements } from './statements.ts';
import type { Part, TopLists } from './top-lists.ts';

const DEFAULT_LIMIT = 10;

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
  private readonly st: Statements;
  private readonly listSearch: ListSearch | undefined;
  private readonly sentences: SentenceSearch;

  constructor(
    db: Db,
    private readonly taxonomy: () => Taxonomy,
    private readonly logger: Logger,
    /** Changes whenever this process writes the vocabulary (for the corrector's memo). */
    vocabularyGeneration: () => number = () => 0,
    /** Phrases' best releases, for lookups matching more releases than are worth scoring one by one. */
    lists?: TopLists,
  ) {
    this.corrector = new Corrector(db, vocabularyGeneration);
    this.st = new Statements(db);
    this.listSearch = lists ? new ListSearch(this.st, lists) : undefined;
    this.sentences = new SentenceSearch(this.st, (text) => this.plan(text), logger, this.listSearch);
  }

  private sql(text: string) {
    return this.st.sql(text);
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
      if (!outcome.notes.length) outcome.notes.push({ code: 'empty_query' });
      return outcome;
    }
    try {
      this.run(outcome, { match: all, groups: plan.groups, mode: 'all' }, filters, limit, offset, options.order ?? 'rank');
      if (outcome.total === 0 && options.anyWordFallback !== false && plan.groups.filter((g) => !g.negated).length > 1) {
        this.run(outcome, { match: buildMatch(plan.groups, 'any')!, groups: plan.groups, mode: 'any' }, filters, limit, offset, options.order ?? 'rank');
        if (outcome.total > 0) outcome.notes.push({ code: 'any_word_fallback' });
      }
    } catch (e) {
      this.logger.error({ err: (e as Error).message, query }, 'lookup failed');
      outcome.notes.push({ code: 'lookup_failed' });
    }
    if (outcome.total === 0 && this.sql('SELECT 1 FROM releases LIMIT 1').get() === undefined) outcome.notes.push({ code: 'no_releases' });
    return outcome;
  }

  /** Newest first among releases matching the filters (no words). */
  listing(outcome: SearchOutcome, filters: Filters, limit: number, offset: number): SearchOutcome {
    outcome.total = this.sql(`SELECT count(*) FROM releases r WHERE 1 = 1 ${filters.sql}`).pluck().get(...filters.params) as number;
    const rows = this.sql(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE 1 = 1 ${filters.sql} ORDER BY r.date IS NULL, r.date DESC, r.id LIMIT ? OFFSET ?`)
      .all(...filters.params, limit, offset) as ReleaseRow[];
    outcome.hits = rows.map((row) => ({ release: toRelease(row), firstSeen: row.first_seen, score: 0, snippet: plainExcerpt(row.body) }));
    if (outcome.total === 0 && this.sql('SELECT 1 FROM releases LIMIT 1').get() === undefined) outcome.notes.push({ code: 'no_releases' });
    return outcome;
  }

  /**
   * Ranks in two steps: row ids and scores for the page only (the sorter then carries two
   * numbers per match, not whole releases and snippets), then rows and snippets for that page.
   */
  private run(outcome: SearchOutcome, query: MatchQuery, filters: Filters, limit: number, offset: number, order: 'rank' | 'date'): void {
    const { match } = query;
    const listed = order === 'rank' && !filters.sql ? (this.listSearch?.lookup(query, limit, offset) ?? null) : null;
    if (listed?.ranked) {
      outcome.total = listed.total;
      if (listed.estimated) outcome.totalEstimated = true;
      const page = listed.ranked.slice(offset, offset + limit);
      if (page.length) this.fill(outcome, query, page.map((r) => ({ rid: r.rid, rank: -r.score })));
      else outcome.hits = [];
      return;
    }
    const from = filters.sql
      ? `FROM releases_fts f JOIN releases r ON r.rid = f.rowid WHERE releases_fts MATCH ? ${filters.sql}`
      : 'FROM releases_fts f WHERE releases_fts MATCH ?';
    let ranked: { rid: number; rank: number }[];
    if (order === 'rank' && costly(match)) {
      // Aliases and phrases make the expression dear to evaluate: rank once and count the
      // ranked rows, instead of a count(*) pass and a ranking pass (RATS at 10k: 10 -> 8 ms).
      const rows = this.sql(`WITH m AS MATERIALIZED (SELECT f.rowid AS rid, ${RELEASE_BM25} AS rank ${from})
        SELECT rid, rank, (SELECT count(*) FROM m) AS total FROM m ORDER BY rank LIMIT ? OFFSET ?`)
        .all(match, ...filters.params, limit, offset) as { rid: number; rank: number; total: number }[];
      outcome.total = rows[0]?.total ?? (offset > 0 ? (this.sql(`SELECT count(*) ${from}`).pluck().get(match, ...filters.params) as number) : 0);
      ranked = rows;
    } else {
      outcome.total = listed && !listed.estimated ? listed.total : (this.sql(`SELECT count(*) ${from}`).pluck().get(match, ...filters.params) as number);
      ranked = outcome.total === 0 ? [] : this.page(match, filters, limit, offset, order, from);
    }
    if (ranked.length === 0) {
      outcome.hits = [];
      return;
    }
    this.fill(outcome, query, ranked);
  }

  private page(match: string, filters: Filters, limit: number, offset: number, order: 'rank' | 'date', from: string): { rid: number; rank: number }[] {
    const page =
      order === 'date'
        ? this.sql(`SELECT f.rowid AS rid, ${RELEASE_BM25} AS rank
            FROM releases_fts f JOIN releases r ON r.rid = f.rowid WHERE releases_fts MATCH ? ${filters.sql}
            ORDER BY r.date IS NULL, r.date DESC, rank LIMIT ? OFFSET ?`)
        : this.sql(`SELECT f.rowid AS rid, ${RELEASE_BM25} AS rank ${from} ORDER BY rank LIMIT ? OFFSET ?`);
    return page.all(match, ...filters.params, limit, offset) as { rid: number; rank: number }[];
  }

  /** Rows and snippets for a ranked page. */
  private fill(outcome: SearchOutcome, query: MatchQuery, ranked: { rid: number; rank: number }[]): void {
    const rowOf = this.sql(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.rid = ?`);
    const rids = ranked.map((r) => r.rid);
    const long = longReleases(this.st, rids);
    const snippets = this.snippets(query.match, rids.filter((rid) => !long.has(rid)), outcome.total);
    if (long.size) {
      const anyMatch = buildMatch(query.groups, 'any') ?? query.match;
      for (const rid of long) snippets.set(rid, sentenceSnippet(this.st, anyMatch, rid));
    }
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
    if (!rids.length) return new Map();
    const lo = minOf(rids);
    const hi = maxOf(rids);
    const maxRid = this.st.maxRid();
    if (rids.length > 1 && (total * (hi - lo + 1)) / Math.max(1, maxRid) <= SNIPPET_WALK) {
      const rows = this.sql(`SELECT rowid, snippet(releases_fts, 1, '${OPEN}', '${CLOSE}', '…', 28) FROM releases_fts
        WHERE releases_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))`).raw()
        .all(match, rowid(lo), rowid(hi), JSON.stringify(rids)) as [number, string][];
      return new Map(rows);
    }
    const snippetOf = this.sql(`SELECT snippet(releases_fts, 1, '${OPEN}', '${CLOSE}', '…', 28) FROM releases_fts WHERE releases_fts MATCH ? AND rowid = ?`).pluck();
    return new Map(rids.map((rid) => [rid, (snippetOf.get(match, rowid(rid)) as string | undefined) ?? '']));
  }

  /** Sentences matching any word of `text`, best first. */
  searchSentences(text: string, options: SentenceOptions = {}): SentenceHit[] {
    return this.sentences.search(text, options);
  }

  /** The parts lookups of these names (the topics') expand to, for the lists written ahead. */
  partsOf(names: string[]): Part[] {
    return this.listSearch?.partsOf(names.flatMap((name) => this.plan(name).groups)) ?? [];
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

/** Matches a page's snippets may walk past in one query before asking release by release is cheaper. */
const SNIPPET_WALK = 2000;

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
