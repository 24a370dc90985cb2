import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../src/bot/reply.ts';
import type { Library } from '../../src/library/types.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

const SEED = '000_9851d8e3c5c57f74';

describe('lookups on the seed release alone', () => {
  let t: TestApp;
  let lib: Library;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'seed' });
    lib = t.app.library;
  });
  afterAll(() => t.cleanup());

  it.each(['afghanistan', 'Afghan', 'afganistan', 'munich', 'RATS', 'Regional Anti-Terrorist Structure', '"Regional Anti-Terrorist Structure"',
    'militarization', 'militarisation', 'Tashkent', 'tashkant', 'MSC', 'Munich Security Conference', 'organization', 'Norov',
    'ШОС munich', 'MUNICH', 'münich', 'Afghan authorities', 'regional anti-terrorist', 'Germany'])('finds it by %s', (q) => {
    const outcome = lib.search(q);
    expect(outcome.hits.map((h) => h.release.id)).toEqual([SEED]);
    expect(outcome.total).toBe(1);
  });

  it.each(['Brazil football', 'football', 'Brasil', '"Munich Tashkent"'])('does not find it by %s', (q) => {
    const outcome = lib.search(q);
    expect(outcome.hits).toEqual([]);
    expect(outcome.total).toBe(0);
  });

  it('shows the derived title, date and a highlighted snippet with no raw markers', () => {
    const hit = lib.search('munich').hits[0]!;
    expect(hit.release.title).toBe('SCO Secretariat delegation led by Vladimir Norov attends 56th Munich Security Conference');
    expect(hit.release.date).toBe('2020-02-16');
    expect(hit.snippet).toContainEqual({ text: 'Munich', strong: true });
    expect(plain(hit.snippet)).not.toMatch(/[\u0000-\u001f]|<\/?b>|\[|\]/);
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('says what it corrected a typo to', () => {
    expect(lib.search('afganistan').showingFor).toBe('afghanistan');
    expect(lib.search('tashkant conference').showingFor).toBe('tashkent conference');
    expect(lib.search('Afghanistan').showingFor).toBeUndefined();
    expect(lib.search('militarization').showingFor).toBeUndefined();
  });

  it('highlights the alias that matched', () => {
    const strong = lib.search('MSC').hits[0]!.snippet.filter((p) => typeof p !== 'string' && p.strong).map((p) => (p as { text: string }).text);
    expect(strong.join(' ')).toMatch(/Munich Security Conference|MSC/);
  });

  it('falls back to any word when no release has all of them, and says so', () => {
    const outcome = lib.search('Munich football');
    expect(outcome.hits.map((h) => h.release.id)).toEqual([SEED]);
    expect(noteSentences(outcome.notes).join(' ')).toMatch(/any of them/);
  });

  it('leaves out words after a minus', () => {
    expect(lib.search('munich -afghanistan').hits).toEqual([]);
    expect(lib.search('munich -football').hits).toHaveLength(1);
  });
});

describe('filters on the corpus', () => {
  let t: TestApp;
  let lib: Library;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'both' });
    lib = t.app.library;
  });
  afterAll(() => t.cleanup());

  const dates = (q: string) => lib.search(q, { limit: 50 }).hits.map((h) => h.release.date);

  it('since: a year means from its first day', () => {
    const ds = dates('Norov since:2021');
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d !== null && d >= '2021-01-01')).toBe(true);
    expect(dates('Norov')).toContain('2020-02-16');
  });

  it('until: a month includes that whole month', () => {
    const ds = dates('Norov until:2021-07');
    expect(ds).toContain('2021-07-14');
    expect(ds.every((d) => d !== null && d <= '2021-07-31')).toBe(true);
    expect(dates('Norov until:2021-06')).not.toContain('2021-07-14');
    expect(dates('Norov since:2021-02 until:2021-02')).toEqual(['2021-02-09']);
  });

  it('topic: takes an id, a label or an alias', () => {
    for (const q of ['topic:afghanistan', 'topic:Afghan', 'topic:"Regional Anti-Terrorist Structure"', 'topic:RATS']) {
      const outcome = lib.search(q, { limit: 50 });
      expect(outcome.notes).toEqual([]);
      expect(outcome.hits.length).toBeGreaterThan(0);
      for (const h of outcome.hits) expect(h.release.topics).toContain(q.includes('fghan') ? 'afghanistan' : 'rats');
    }
    const onlyTopic = lib.search('topic:afghanistan', { limit: 50 }).hits.map((h) => h.release.date);
    expect(onlyTopic).toEqual(['2021-07-14', '2021-02-09', '2020-02-16', null]);
  });

  it('a mistyped topic is corrected and shown', () => {
    const outcome = lib.search('topic:afganistan', { limit: 50 });
    expect(outcome.showingFor).toBe('topic:afghanistan');
    expect(outcome.notes).toEqual([]);
    expect(outcome.hits.map((h) => h.release.id)).toContain('2021-07-14-afghanistan-contact-group');
  });

  it('an unknown topic gives a note and looks for the words instead', () => {
    const outcome = lib.search('topic:atlantis');
    expect(noteSentences(outcome.notes).join(' ')).toMatch(/no topic “atlantis”/);
    expect(outcome.hits).toEqual([]);
  });

  it('a bad date gives a note, not an error', () => {
    const outcome = lib.search('Norov since:last-year');
    expect(noteSentences(outcome.notes).join(' ')).toMatch(/did not understand since:last-year/);
    expect(outcome.hits.length).toBeGreaterThan(0);
  });

  it('latest lists newest first, unknown dates last, and narrows by topic', () => {
    const all = lib.latest({ limit: 50 }).hits.map((h) => h.release.date);
    expect(all).toHaveLength(16);
    expect(all[0]).toBe('2024-05-24');
    const known = all.filter((d) => d !== null);
    expect([...known].sort().reverse()).toEqual(known);
    expect(all.indexOf(null)).toBe(known.length);
    const afghan = lib.latest({ topic: 'Afghan', limit: 50 });
    expect(afghan.hits[0]?.release.id).toBe('2021-07-14-afghanistan-contact-group');
    for (const h of afghan.hits) expect(h.release.topics).toContain('afghanistan');
    const words = lib.latest({ topic: 'interbank consortium', limit: 50 }).hits.map((h) => h.release.date);
    expect(words[0]).toBe('2022-12-27');
    expect(lib.latest({ limit: 2, offset: 2 }).hits.map((h) => h.release.date)).toEqual(all.slice(2, 4));
  });

  it('pages with limit and offset and reports the total', () => {
    const first = lib.search('SCO', { limit: 3 });
    const second = lib.search('SCO', { limit: 3, offset: 3 });
    expect(first.total).toBe(16);
    expect(first.hits).toHaveLength(3);
    expect(second.hits.map((h) => h.release.id)).not.toContain(first.hits[0]!.release.id);
  });

  it('searchSentences finds the sentence that answers, with the words it matched', () => {
    const hits = lib.searchSentences('When were India and Pakistan admitted?', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => /India and Pakistan/.test(h.text))).toBe(true);
    expect(hits[0]!.matched).toEqual(expect.arrayContaining(['india', 'pakistan']));
    const only = lib.searchSentences('Munich', { releaseIds: [SEED] });
    expect(only.every((h) => h.releaseId === SEED)).toBe(true);
    expect(only[0]!.text).toBe(lib.sentencesOf(SEED)[only[0]!.position]);
    expect(lib.searchSentences('Munich', { releaseIds: [] })).toEqual([]);
  });

  it('get and sentencesOf return the stored release', () => {
    expect(lib.get('nope')).toBeNull();
    expect(lib.sentencesOf('nope')).toEqual([]);
    expect(lib.get(SEED)!.body).toContain('Munich');
    expect(lib.count()).toBe(16);
    expect(lib.topics().find((x) => x.id === 'rats')).toMatchObject({ label: 'Regional Anti-Terrorist Structure', kind: 'acronym' });
  });
});
