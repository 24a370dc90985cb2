import { ExactBm25 } from './exact-bm25.ts';
import { alternativePhrases, type TermGroup } from './query-expand.ts';
import { rankFromLists, type Ranked } from './rank-from-lists.ts';
import { TITLE_WEIGHT } from './schema.ts';
import { rowid, type Statements } from './statements.ts';
import type { Part, TopList, TopLists } from './top-lists.ts';

/** A query ready for the index: its MATCH expression and the groups it was built from. */
export interface MatchQuery {
  match: string;
  groups: TermGroup[];
  /** All groups must match, or any. */
  mode: 'all' | 'any';
}

/** What the lists can say of a lookup: its page ranked (null: rank the exact way) and its total. */
export interface ListLookup {
  ranked: Ranked[] | null;
  total: number;
  /** The total is estimated, so the exact way must count again if it ranks. */
  estimated: boolean;
}

/** Lists rank the first pages only; paging deeper ranks the exact way. */
const LIST_DEPTH = 100;
/** Indexes up to this many rowids count matches exactly. */
const SAMPLE_FROM = 20_000;
/** A sample with fewer matches than this is too thin to scale up: count them all. */
const SAMPLE_MIN_HITS = 200;

/**
 * Lookups ranked from the parts' lists of best releases (see top-lists.ts and
 * rank-from-lists.ts), for an index big enough to have them.
 */
export class ListSearch {
  private readonly exact: ExactBm25;

  constructor(
    private readonly st: Statements,
    readonly lists: TopLists,
  ) {
    this.exact = new ExactBm25(st.db, [TITLE_WEIGHT, 1]);
  }

  /**
   * The page from the lists when the lookup matches more releases than are worth scoring one
   * by one (the total then comes from the part's list, the lists' intersection, or a sample);
   * otherwise `ranked` is null, with the total when it was counted exactly here. Null when the
   * lists cannot serve this lookup at all.
   */
  lookup(query: MatchQuery, limit: number, offset: number): ListLookup | null {
    const positive = query.groups.filter((g) => !g.negated);
    if (!this.lists.ready() || offset + limit > LIST_DEPTH || positive.length === 0 || positive.length > 30) return null;
    const listed = positive.map((g) => this.lists.list({ phrases: alternativePhrases(g) }));
    const negated = positive.length < query.groups.length;
    // Lists holding every release with their part know the matches outright.
    const whole = !negated && listed.every((l) => l.complete);
    // One part: its list knows how many releases hold it. Several: the lists when whole, else
    // count (or estimate).
    const count =
      whole || (!negated && listed.length === 1)
        ? { total: listed.length === 1 ? listed[0]!.hits : matchesOf(listed, query.mode), estimated: !this.lists.current() }
        : this.estimateCount(query.match);
    // Few enough matches to score them all, and the lists would need checking: the exact way.
    if (!whole && listed.length > 1 && count.total <= this.lists.settings.length) return { ranked: null, ...count };
    return { ranked: this.best(query, Math.min(offset + limit, count.total), false), ...count };
  }

  /**
   * The `wanted` best releases for the query; null when the lists cannot tell. With `estimates`,
   * as many as there are up to `wanted`, by their estimated scores (to pick candidates).
   */
  best(query: MatchQuery, wanted: number, estimates: boolean): Ranked[] | null {
    const lists = this.lists;
    const phraseGroups = query.groups.map((g) => ({ negated: g.negated, phrases: alternativePhrases(g) }));
    const positive = phraseGroups.filter((g) => !g.negated);
    // Negated phrases are looked for too (a release holding one is left out) but add no score.
    const excluded = phraseGroups.filter((g) => g.negated).flatMap((g) => g.phrases.map((phrase) => ({ phrase, hits: 0 })));
    const listed = positive.map((g) => lists.list(g));
    // The query's own phrases, with how many releases hold each (the same for every spelling FTS5 reads alike).
    const scored = positive.flatMap((g, i) =>
      g.phrases.map((phrase) => {
        const terms = lists.termsOf(phrase);
        return { phrase, hits: listed[i]!.phrases.find((p) => p.terms === terms)?.hits ?? 0 };
      }),
    );
    const member = this.st.sql(`SELECT 1 FROM releases_fts WHERE releases_fts MATCH ? AND rowid = ?`).pluck();
    const has = (match: string, rid: number) => member.get(match, rowid(rid)) !== undefined;
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
          const matched = query.mode === 'all' ? positive.every(hit) : positive.some(hit);
          return matched && !phraseGroups.some((g) => g.negated && hit(g));
        }),
    });
  }

  /** The parts these groups are (the topics' names, planned as lookups), for the lists written ahead. */
  partsOf(groups: TermGroup[]): Part[] {
    const parts = new Map<string, Part>();
    for (const g of groups) {
      if (g.negated) continue;
      const phrases = alternativePhrases(g);
      parts.set(this.lists.keyOf({ phrases }), { phrases });
    }
    return [...parts.values()];
  }

  /**
   * How many releases match: counted exactly on an index of up to SAMPLE_FROM releases, else
   * counted over the newest tenth and scaled (FTS5 checks every phrase position of every match:
   * 27 ms for CFM's aliases at 100,000 releases), or exactly when that estimate is small.
   */
  private estimateCount(match: string): { total: number; estimated: boolean } {
    const exact = () => ({ total: this.st.sql(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ?`).pluck().get(match) as number, estimated: false });
    const maxRid = this.st.maxRid();
    if (maxRid <= SAMPLE_FROM) return exact();
    const from = maxRid - Math.floor(maxRid / 10);
    const hits = this.st.sql(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ? AND rowid > ?`).pluck().get(match, rowid(from)) as number;
    if (hits < SAMPLE_MIN_HITS) return exact();
    // Rowids are nearly dense (removals leave gaps): the newest tenth of the rowids holds about a
    // tenth of the releases. Counting them instead reads every row of the sample (12 ms).
    const all = this.st.releaseCount();
    const sampled = (all * (maxRid - from)) / maxRid;
    return { total: roughly((hits * all) / sampled), estimated: true };
  }
}

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
