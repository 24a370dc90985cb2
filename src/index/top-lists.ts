import type { Statement } from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { getMeta, RELEASE_BM25, setMeta, type Db } from './schema.ts';
import { rowid, Statements } from './statements.ts';
import { phraseTerms, Stemmer } from './stems.ts';

/**
 * The best releases of each part of a query, kept so a lookup matching tens of thousands of
 * releases need not score every one of them (FTS5 runs bm25 for each match: about 60 ms for
 * "energy security" at 100,000 releases). A part is a word, a phrase or a group of alternatives
 * (a topic's names: "afghanistan" OR "afghan" OR ...); its list holds its `length` best
 * releases with the score bm25 gives that part alone. FTS5's bm25 of a query is the sum over its
 * phrases, so the parts' scores add up to the query's (see rank-from-lists.ts).
 *
 * Lists for the common words and for the topics' groups are written when the index is first big
 * enough and again once a tenth of it was edited in place or removed; releases added meanwhile
 * are folded into the written lists by the refresh that adds them. Lists for other parts are made
 * on first use (cheap: such parts match few releases, or are rare) and kept in memory until the
 * index changes. A release edited in place may rank by its old text until the next rewrite, and
 * results are checked to still match whenever anything was edited.
 */
export interface TopList {
  rids: Int32Array;
  scores: Float64Array;
  /** The list holds every release with the part (not cut at `length`). */
  complete: boolean;
  /** Releases holding the part in the whole index. */
  hits: number;
  /** Its phrases as first written, their index terms, and how many releases hold each (bm25's idf counts them). */
  phrases: ListedPhrase[];
}

export interface ListedPhrase {
  phrase: string;
  terms: string;
  hits: number;
}

/** A part of a query: all its phrases as alternatives. */
export interface Part {
  phrases: string[];
}


export interface ListsState {
  /** Generation of the written lists (rows of top_lists with this gen). */
  gen: number;
  /** Highest release rowid folded into them: releases above it are new to them. */
  watermark: number;
  releases: number;
  /** Releases changed or removed since. */
  edits: number;
}

export interface ListSettings {
  /** Releases a list keeps. */
  length: number;
  /** Words in at least this many releases (or a quarter of them) get their list written with the index. */
  writeDf: number;
  /** An index with fewer releases never needs lists. */
  minReleases: number;
  /**
   * From this many releases on, a question's sentences come from the best matching releases
   * (below it, ranking every sentence with one of its words is cheaper than copying them).
   */
  sentencesFrom: number;
}

/**
 * From 500 releases on: below that FTS5 scores every match in well under a millisecond; at 1,000
 * the lists make the alias-heavy lookups ("RATS", "CFM") about twice as fast.
 */
export const DEFAULT_LIST_SETTINGS: ListSettings = { length: 1000, writeDf: 1000, minReleases: 500, sentencesFrom: 5000 };

const STATE_KEY = 'top-lists';
/** Lists kept decoded in memory. */
const CACHE = 4000;
/** Edited or removed releases, as a share of the index, after which the lists are written again. */
const STALE_SHARE = 0.1;

export class TopLists {
  private readonly cache = new Map<string, TopList>();
  private state: ListsState | null;
  private readonly stemmer: Stemmer;
  private readonly s: { rank: Statement; rankNew: Statement; hits: Statement; hitsNew: Statement; load: Statement };
  private readonly index: Statements;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    readonly settings: ListSettings = DEFAULT_LIST_SETTINGS,
  ) {
    this.index = new Statements(db);
    this.s = {
      rank: db.prepare(`SELECT rowid, -${RELEASE_BM25} AS score FROM releases_fts WHERE releases_fts MATCH ? ORDER BY score DESC LIMIT ?`).raw(),
      rankNew: db.prepare(`SELECT rowid, -${RELEASE_BM25} AS score FROM releases_fts WHERE releases_fts MATCH ? AND rowid > ? ORDER BY score DESC LIMIT ?`).raw(),
      hits: db.prepare(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ?`).pluck(),
      hitsNew: db.prepare(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ? AND rowid > ?`).pluck(),
      load: db.prepare(`SELECT rids, scores, complete, hits, phrases FROM top_lists WHERE gen = ? AND part = ?`).raw(),
    };
    this.stemmer = new Stemmer(db);
    const saved = getMeta(db, STATE_KEY);
    this.state = saved ? (JSON.parse(saved) as ListsState) : null;
  }

  /** The lists are written (the index is big enough for them to matter). */
  ready(): boolean {
    return this.state !== null;
  }

  /** Nothing was edited or removed since the lists were written: every listed release holds its part. */
  current(): boolean {
    return this.state?.edits === 0;
  }

  /** A phrase in the index's terms: phrases FTS5 reads alike ("visited", "visits") share it. */
  termsOf(phrase: string): string {
    return phraseTerms(phrase, this.stemmer);
  }

  /**
   * The key a part's list is stored under: its phrases' terms in a fixed order (the score
   * depends on neither order nor spelling; a phrase repeated counts twice, as in bm25).
   */
  keyOf(part: Part): string {
    return part.phrases.map((p) => this.termsOf(p)).sort().join(' OR ');
  }

  /** The part's list: from memory, from the written lists, or made now. */
  list(part: Part): TopList {
    const key = this.keyOf(part);
    const known = this.cache.get(key);
    if (known) {
      this.cache.delete(key);
      this.cache.set(key, known);
      return known;
    }
    const row = this.state ? (this.s.load.get(this.state.gen, key) as Stored | undefined) : undefined;
    const list = row ? decode(row) : this.compute(part);
    if (this.cache.size >= CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, list);
    return list;
  }

  private compute(part: Part): TopList {
    const match = part.phrases.join(' OR ');
    const rows = this.s.rank.all(match, this.settings.length + 1) as [number, number][];
    const hits = rows.length <= this.settings.length ? rows.length : (this.s.hits.get(match) as number);
    const phrases = part.phrases.map((phrase) => ({ phrase, terms: this.termsOf(phrase), hits: part.phrases.length === 1 ? hits : (this.s.hits.get(phrase) as number) }));
    return this.toList(rows, true, hits, phrases);
  }

  /** Counts releases changed or removed in place, which the lists may misrank until rewritten. */
  noteEdits(n: number): void {
    if (!this.state || n <= 0) return;
    this.state.edits += n;
    setMeta(this.db, STATE_KEY, JSON.stringify(this.state));
  }

  /**
   * Brings the lists in step with the index after a refresh: written anew when missing (and the
   * index is big enough), or a tenth of the index was edited or removed since; otherwise the
   * releases added since are folded in. `parts` are the topics' groups to write besides the
   * common words.
   */
  async maintain(parts: () => Part[], pause: () => Promise<void> = yieldToOthers): Promise<void> {
    const releases = this.index.releaseCount();
    const big = releases >= this.settings.minReleases;
    if (!big && this.state === null) return;
    if (!big) return this.drop();
    if (this.state === null || this.state.edits > STALE_SHARE * this.state.releases) {
      await this.rebuild(parts(), pause);
      return;
    }
    if (this.index.maxRid() > this.state.watermark) await this.foldNew(pause);
  }

  /** Forgets the lists made on first use (their parts' releases may have changed). */
  forgetMade(): void {
    this.cache.clear();
  }

  private drop(): void {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM top_lists`).run();
      this.db.prepare(`DELETE FROM meta WHERE key = ?`).run(STATE_KEY);
    })();
    this.state = null;
    this.cache.clear();
  }

  /**
   * Writes the lists of the words in at least writeDf releases and of the parts given, yielding
   * between lists so a bot keeps answering; the old lists serve until the new ones are complete.
   */
  private async rebuild(parts: Part[], pause: () => Promise<void>): Promise<void> {
    const releases = this.index.releaseCount();
    const watermark = this.index.maxRid();
    const gen = (this.state?.gen ?? 0) + 1;
    const writeDf = Math.min(this.settings.writeDf, Math.ceil(releases / 4));
    const words = this.db.prepare(`SELECT word FROM words WHERE df >= ? ORDER BY df DESC`).pluck().all(writeDf) as string[];
    // Keyed by index terms: "visited" and "visits" are one list.
    const todo = new Map<string, Part>();
    for (const part of [...words.map((w) => ({ phrases: [`"${w}"`] })), ...parts]) {
      const key = this.keyOf(part);
      if (!todo.has(key)) todo.set(key, part);
    }
    const insert = this.db.prepare(`INSERT OR REPLACE INTO top_lists (gen, part, rids, scores, complete, hits, phrases) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.db.prepare(`DELETE FROM top_lists WHERE gen = ?`).run(gen);
    for (const [key, part] of todo) {
      insert.run(gen, key, ...encode(this.compute(part)));
      await pause();
    }
    this.state = { gen, watermark, releases, edits: 0 };
    this.db.transaction(() => {
      setMeta(this.db, STATE_KEY, JSON.stringify(this.state));
      this.db.prepare(`DELETE FROM top_lists WHERE gen <> ?`).run(gen);
    })();
    this.cache.clear();
    this.logger.info({ lists: todo.size, releases }, 'ranking lists written');
  }

  /** Merges the releases added since into each written list (one ranking of the new ones per part). */
  private async foldNew(pause: () => Promise<void>): Promise<void> {
    const state = this.state!;
    const watermark = this.index.maxRid();
    const from = rowid(state.watermark);
    const rows = this.db.prepare(`SELECT part, rids, scores, complete, hits, phrases FROM top_lists WHERE gen = ?`).raw().all(state.gen) as [string, ...Stored][];
    const update = this.db.prepare(`UPDATE top_lists SET rids = ?, scores = ?, complete = ?, hits = ?, phrases = ? WHERE gen = ? AND part = ?`);
    for (const [key, ...stored] of rows) {
      const old = decode(stored);
      const match = old.phrases.map((p) => p.phrase).join(' OR ');
      const added = this.s.rankNew.all(match, from, this.settings.length + 1) as [number, number][];
      if (added.length) {
        const merged = [...Array.from(old.rids, (rid, i): [number, number] => [rid, old.scores[i]!]), ...added].sort((a, b) => b[1] - a[1]);
        const phrases = old.phrases.map((p) => ({ ...p, hits: p.hits + (this.s.hitsNew.get(p.phrase, from) as number) }));
        const hits = old.hits + (this.s.hitsNew.get(match, from) as number);
        update.run(...encode(this.toList(merged, old.complete && added.length <= this.settings.length, hits, phrases)), state.gen, key);
      }
      await pause();
    }
    this.state = { ...state, watermark };
    setMeta(this.db, STATE_KEY, JSON.stringify(this.state));
    this.cache.clear();
  }

  /** The best `length` of rows sorted best first; complete when none had to be cut. */
  private toList(rows: [number, number][], complete: boolean, hits: number, phrases: ListedPhrase[]): TopList {
    const kept = rows.length > this.settings.length ? rows.slice(0, this.settings.length) : rows;
    return {
      rids: Int32Array.from(kept, (r) => r[0]),
      scores: Float64Array.from(kept, (r) => r[1]),
      complete: complete && rows.length <= this.settings.length,
      hits,
      phrases,
    };
  }
}

function yieldToOthers(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/** A list as stored: rowids, scores, complete (0 or 1), hits, phrases (JSON). */
type Stored = [Buffer, Buffer, number, number, string];

function encode(list: TopList): Stored {
  return [
    Buffer.from(list.rids.buffer, list.rids.byteOffset, list.rids.byteLength),
    Buffer.from(list.scores.buffer, list.scores.byteOffset, list.scores.byteLength),
    list.complete ? 1 : 0,
    list.hits,
    JSON.stringify(list.phrases),
  ];
}

function decode([rids, scores, complete, hits, phrases]: Stored): TopList {
  // Copies: the buffers SQLite hands out are not guaranteed to be aligned for typed views.
  return {
    rids: new Int32Array(new Uint8Array(rids).buffer),
    scores: new Float64Array(new Uint8Array(scores).buffer),
    complete: complete === 1,
    hits,
    phrases: JSON.parse(phrases) as ListedPhrase[],
  };
}
