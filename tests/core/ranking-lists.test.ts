/**
 * Lookups on a big index rank from each part's list of best releases instead of scoring every
 * match. Small list sizes make a 600-release corpus take that path; the results must be the
 * ones FTS5 ranks when it scores every match.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticRelease, toMarkdown } from '../../bench/generate-corpus.ts';
import { LOOKUPS } from '../../bench/queries.ts';
import { resultsReply } from '../../src/commands/result-reply.ts';
import { ExactBm25 } from '../../src/index/exact-bm25.ts';
import { rankFromLists } from '../../src/index/rank-from-lists.ts';
import { Searcher } from '../../src/index/searcher.ts';
import { TopLists, type TopList } from '../../src/index/top-lists.ts';
import { openIndexDb } from '../../src/index/schema.ts';
import { NORMALISER_VERSION } from '../../src/releases/normalise.ts';
import { INDEX_FILE } from '../../src/library/library.ts';
import { silentLogger } from '../../src/logger.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { plain, type RichText } from '../../src/bot/reply.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

const SIZE = 600;
const LISTS = { length: 40, writeDf: 40, minReleases: 200, sentencesFrom: 200 };

describe('ranking from lists on a big index', () => {
  let t: TestApp;
  let db: Database.Database;
  let exact: Searcher;

  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'none', lists: LISTS });
    for (let i = 0; i < SIZE; i++) {
      const r = syntheticRelease(7, i);
      writeFileSync(join(t.contentDir, 'releases', `${r.id}.md`), toMarkdown(r));
    }
    await t.app.library.refresh();
    db = new Database(join(t.dataDir, INDEX_FILE), { readonly: true });
    const { taxonomy } = loadTaxonomy(join(t.contentDir, 'topics.yml'));
    exact = new Searcher(db, () => taxonomy, silentLogger());
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await t.cleanup();
  });

  it('writes lists for the common words and the topics', () => {
    const parts = db.prepare(`SELECT part FROM top_lists`).pluck().all() as string[];
    // Keyed by the index's terms: "delegation" and "delegations" share one list.
    expect(parts).toContain('deleg');
    expect(parts.some((p) => p.split(' OR ').includes('afghan') && p.includes('afghanistan'))).toBe(true);
  });

  it('gives the releases, order and scores FTS5 gives when it scores every match', () => {
    let compared = 0;
    for (const q of LOOKUPS) {
      const fast = t.app.library.search(q, { limit: 10 });
      const slow = exact.search(q, { limit: 10 });
      expect(fast.total, q).toBe(slow.total);
      if (slow.total <= LISTS.length) continue;
      compared++;
      expect(fast.hits[0]?.release.id, q).toBe(slow.hits[0]?.release.id);
      // Ties may fall either way; the scores of the ten must be FTS5's ten best.
      const sum = (hits: typeof fast.hits) => hits.reduce((s, h) => s + h.score, 0);
      expect(sum(fast.hits) / sum(slow.hits), q).toBeGreaterThan(0.98);
      // A part that can add next to nothing to a release is not scored exactly (within 1%).
      for (const h of fast.hits) {
        const same = slow.hits.find((x) => x.release.id === h.release.id);
        if (same) expect(Math.abs(h.score - same.score) / same.score, q).toBeLessThan(0.01);
      }
      expect(fast.hits.map((h) => plain(h.snippet))).toEqual(fast.hits.map((h) => plain(slow.hits.find((x) => x.release.id === h.release.id)?.snippet ?? h.snippet)));
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('takes what a person types on this path too, never an SQL error', () => {
    const hostile = ['"', '"youth', 'youth*', 'yout*', '* youth', '-youth', 'youth -', 'youth AND', 'NEAR(youth forum)', '(youth', "'; DROP TABLE top_lists; --",
      '\u0000youth', '\u0002youth\u0003', '😀 youth', 'youth '.repeat(200), '"'.repeat(500), 'Мюнхен youth', 'youth -youth', 'a the of', 'x'.repeat(3000)];
    for (const q of hostile) {
      const outcome = t.app.library.search(q, { limit: 10 });
      expect(noteSentences(outcome.notes).join(' '), q).not.toMatch(/could not run that lookup/);
      expect(t.app.library.searchSentences(q, { limit: 20 }).every((h) => typeof h.text === 'string'), q).toBe(true);
    }
    expect(t.app.library.search('yout*', { limit: 10 }).hits.length).toBe(10);
  });

  it('leaves out what the query excludes', () => {
    const hits = t.app.library.search('delegation -afghanistan -afghan', { limit: 10 }).hits;
    expect(hits.length).toBe(10);
    for (const h of hits) expect(`${h.release.title} ${h.release.body}`.toLowerCase()).not.toMatch(/afghan/);
  });

  it('scores a chosen release as FTS5 does', () => {
    const scorer = new ExactBm25(db, [6, 1]);
    const rows = db.prepare(`SELECT rowid, -bm25(releases_fts, 6.0, 1.0) AS s FROM releases_fts WHERE releases_fts MATCH ? ORDER BY s DESC LIMIT 15`)
      .all('("tashkent" OR "toshkent") AND "summit"') as { rowid: number; s: number }[];
    const hits = (p: string) => db.prepare(`SELECT count(*) FROM releases_fts WHERE releases_fts MATCH ?`).pluck().get(p) as number;
    const phrases = ['"tashkent"', '"toshkent"', '"summit"'].map((phrase) => ({ phrase, hits: hits(phrase) }));
    const scores = scorer.score(rows.map((r) => r.rowid), phrases, [], () => true);
    for (const r of rows) expect(scores.get(r.rowid)).toBeCloseTo(r.s, 9);
  });

  it('ranks a release added since the lists were written, and forgets one removed', async () => {
    const top = t.app.library.search('youth', { limit: 1 }).hits[0]!;
    writeFileSync(join(t.contentDir, 'releases', 'new-youth.md'),
      '---\ntitle: "Youth forum of youth councils: youth and the youth movement"\ndate: 2026-11-20\n---\nThe SCO Youth Council met youth leaders on youth policy.\n');
    rmSync(join(t.contentDir, 'releases', `${top.release.id}.md`));
    await t.app.library.refresh();
    const hits = t.app.library.search('youth', { limit: 10 }).hits.map((h) => h.release.id);
    expect(hits[0]).toBe('new-youth');
    expect(hits).not.toContain(top.release.id);
    // Folded in, not written anew: the lists' generation is unchanged.
    expect(db.prepare(`SELECT DISTINCT gen FROM top_lists`).pluck().all()).toEqual([1]);
  });
});

describe('lists of an earlier shape', () => {
  it('are dropped and written again, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sco-lists-'));
    try {
      // An index file written before top_lists had its shape (and before schema.ts created it).
      const old = new Database(join(dir, 'index.sqlite'));
      old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
      old.exec(`CREATE TABLE top_lists (gen INTEGER, phrase TEXT, rids BLOB, scores BLOB, complete INTEGER, hits INTEGER, phrase_hits TEXT)`);
      old.prepare(`INSERT INTO meta (key, value) VALUES ('schema', ?), ('top-lists', '{"gen":1,"watermark":1,"releases":1,"edits":0}')`).run(`6.${NORMALISER_VERSION}`);
      old.close();
      const { db } = openIndexDb(join(dir, 'index.sqlite'), silentLogger());
      const lists = new TopLists(db, silentLogger());
      expect(lists.ready()).toBe(false);
      expect(db.prepare(`SELECT name FROM pragma_table_info('top_lists')`).pluck().all()).toContain('phrases');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rankFromLists', () => {
  const list = (entries: [number, number][], complete: boolean, hits = entries.length): TopList => ({
    rids: Int32Array.from(entries, (e) => e[0]),
    scores: Float64Array.from(entries, (e) => e[1]),
    complete,
    hits,
    phrases: [],
  });
  const none = () => new Map<number, number>();

  it('takes a release held by every list at the sum of its scores, best first', () => {
    const a = list([[1, 5], [2, 4], [3, 3]], true);
    const b = list([[2, 2], [3, 2.5], [1, 0.4]], true);
    const ranked = rankFromLists({ lists: [a, b], mode: 'all', wanted: 2, holds: () => true, cheap: () => true, verify: () => true, score: none });
    expect(ranked).toEqual([{ rid: 2, score: 6 }, { rid: 3, score: 5.5 }]);
  });

  it('leaves out a release missing a required part and scores the uncertain ones exactly', () => {
    const a = list([[1, 9], [2, 8], [3, 7]], false, 100);
    const b = list([[3, 3], [4, 2.9]], false, 100);
    const asked: number[][] = [];
    const ranked = rankFromLists({
      lists: [a, b], mode: 'all', wanted: 2,
      holds: (_, rid) => rid !== 1,
      cheap: () => true,
      verify: () => true,
      score: (rids) => {
        asked.push(rids);
        return new Map(rids.map((rid) => [rid, rid === 2 ? 10.5 : 0]));
      },
    });
    expect(ranked?.map((r) => r.rid)).toEqual([2, 3]);
    expect(asked.flat()).not.toContain(1);
  });

  it('knows without asking that a release missing from a whole list lacks its part', () => {
    const a = list([[1, 9], [2, 8], [3, 7]], true);
    const b = list([[3, 1], [2, 1]], true);
    const asked: number[] = [];
    const ranked = rankFromLists({
      lists: [a, b], mode: 'all', wanted: 2,
      holds: (_, rid) => (asked.push(rid), true), cheap: () => true, verify: () => true, score: none,
    });
    expect(ranked).toEqual([{ rid: 2, score: 9 }, { rid: 3, score: 8 }]);
    expect(asked).toEqual([]);
  });

  it('gives up when too few candidates match, so the lookup ranks the exact way', () => {
    const a = list([[1, 9], [2, 8]], false, 100);
    expect(rankFromLists({ lists: [a, a], mode: 'all', wanted: 5, holds: () => false, cheap: () => true, verify: () => true, score: none })).toBeNull();
  });
});

describe('an estimated total', () => {
  it('reads "about" in the reply', () => {
    const hit = { release: { id: 'a', title: 'Youth forum', date: '2026-01-02', url: null, source: 'content', body: 'Youth.', topics: [], summary: [], hash: 'h' }, firstSeen: null, score: 1, snippet: ['Youth.'] };
    const reply = resultsReply({ kind: 'search', query: 'youth' }, { query: 'youth', notes: [], total: 63_000, totalEstimated: true, hits: [hit] }, 0, null);
    const texts = reply.blocks.filter((b) => b.type === 'context').map((b) => plain((b as { text: RichText }).text));
    expect(texts).toContain('1–1 of about 63,000');
    const exactReply = resultsReply({ kind: 'search', query: 'youth' }, { query: 'youth', notes: [], total: 63, hits: [hit] }, 0, null);
    expect(exactReply.blocks.filter((b) => b.type === 'context').map((b) => plain((b as { text: RichText }).text))).toContain('1–1 of 63');
  });
});
