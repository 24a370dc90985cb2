import { rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_FILE, openLibrary } from '../../src/library/library.ts';
import { NS } from '../../src/ports/store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { silentLogger } from '../../src/logger.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

const SEED = '000_9851d8e3c5c57f74';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ids = (q: string) => t!.app.library.search(q, { limit: 50 }).hits.map((h) => h.release.id);

describe('incremental update', () => {
  it('a dropped-in file is found by the next refresh; a change and a removal too', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const lib = t.app.library;
    const file = join(t.contentDir, 'releases', 'lunar.md');
    writeFileSync(file, '---\ntitle: SCO discusses lunar research\ndate: 2023-03-01\n---\nExperts met in Bishkek to discuss a lunar station.\n');
    const added = await lib.refresh();
    expect(added).toMatchObject({ added: ['lunar'], changed: [], removed: [], total: 2 });
    expect(ids('lunar')).toEqual(['lunar']);
    expect(lib.get('lunar')!.topics).toContain('kyrgyzstan');

    writeFileSync(file, '---\ntitle: SCO discusses Mars research\ndate: 2023-03-02\n---\nExperts met in Bishkek to discuss a Mars mission.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await lib.refresh();
    expect(changed).toMatchObject({ added: [], changed: ['lunar'], removed: [] });
    expect(ids('lunar')).toEqual([]);
    expect(ids('mars')).toEqual(['lunar']);
    expect(lib.get('lunar')!.date).toBe('2023-03-02');
    // The vocabulary follows: an old word is no longer a correction target.
    expect(lib.search('lunat').showingFor).toBeUndefined();

    unlinkSync(file);
    const removed = await lib.refresh();
    expect(removed).toMatchObject({ added: [], changed: [], removed: ['lunar'], total: 1 });
    expect(ids('mars')).toEqual([]);
    expect(lib.sentencesOf('lunar')).toEqual([]);
  });

  it('nothing changed: nothing is read and the report is empty', async () => {
    t = await makeTestApp({ corpus: 'both' });
    const report = await t.app.library.refresh();
    expect(report).toMatchObject({ added: [], changed: [], removed: [], problems: [], total: 16 });
    // Touching a file without changing it re-reads it but changes nothing.
    const seed = join(t.contentDir, 'releases', `${SEED}.txt`);
    utimesSync(seed, new Date(), new Date(Date.now() + 10_000));
    expect(await t.app.library.refresh()).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it('an unchanged folder is not read again: only names, sizes and times are compared', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const file = join(t.contentDir, 'releases', 'same-size.txt');
    // Whole seconds: exact in every timestamp format, so the time can be put back exactly.
    const when = 1_700_000_000;
    writeFileSync(file, 'Delegates met in Bishkek on 1 May 2020.');
    utimesSync(file, when, when);
    await t.app.library.refresh();
    // Same size and time, other words: a refresh that read files would notice.
    writeFileSync(file, 'Delegates met in Yerevan on 1 May 2020.');
    utimesSync(file, when, when);
    expect(await t.app.library.refresh()).toMatchObject({ added: [], changed: [] });
    expect(ids('Yerevan')).toEqual([]);
    utimesSync(file, when, when + 2);
    expect((await t.app.library.refresh()).changed).toEqual(['same-size']);
    expect(ids('Yerevan')).toEqual(['same-size']);
  });

  it('editing topics.yml re-tags the releases on the next refresh', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    expect(noteSentences(t.app.library.search('topic:polycentrism').notes).join(' ')).toMatch(/no topic/);
    writeFileSync(join(t.contentDir, 'topics.yml'), 'themes:\n  - id: polycentrism\n    label: Polycentric order\n    aliases: [polycentric]\n');
    await t.app.library.refresh();
    const outcome = t.app.library.search('topic:polycentrism');
    expect(outcome.notes).toEqual([]);
    expect(outcome.hits.map((h) => h.release.id)).toEqual([SEED]);
    expect(t.app.library.get(SEED)!.topics).toEqual(['polycentrism']);
  });

  it('ingest adds releases from a live source, keeps them on refresh, and skips unchanged ones', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const lib = t.app.library;
    const raw = { id: 'site:20240704-1', source: 'sco-site', text: 'The Astana summit admitted Belarus on 4 July 2024.', url: 'https://eng.sectsco.org/20240704/1.html' };
    const first = await lib.ingest([raw, { id: 'site:empty', source: 'sco-site', text: '  ' }]);
    expect(first.added).toEqual(['site:20240704-1']);
    expect(first.problems).toEqual([{ path: 'site:empty', reason: 'the release has no text' }]);
    const r = lib.get('site:20240704-1')!;
    expect(r).toMatchObject({ source: 'sco-site', date: '2024-07-04', url: raw.url });
    expect(r.topics).toEqual(expect.arrayContaining(['belarus', 'kazakhstan']));
    expect((await lib.ingest([raw])).added).toEqual([]);
    expect((await lib.refresh()).removed).toEqual([]);
    expect(ids('Belarus')).toEqual(['site:20240704-1']);
    expect((await lib.ingest([{ ...raw, text: `${raw.text} Minsk welcomed it.` }])).changed).toEqual(['site:20240704-1']);
  });
});

describe('rebuild', () => {
  it('a deleted index is rebuilt from the releases, keeping first-seen times', async () => {
    t = await makeTestApp({ corpus: 'both' });
    const before = t.app.library.search('munich').hits[0]!.firstSeen;
    t.app.library.close();
    rmSync(join(t.dataDir, INDEX_FILE));
    const lib = await openLibrary({ config: t.app.config, store: t.app.store, logger: silentLogger(), clock: () => new Date(Date.now() + 86_400_000) });
    const report = await lib.refresh();
    expect(report.added).toHaveLength(16);
    expect(lib.search('munich').hits[0]!.firstSeen).toBe(before);
    lib.close();
  });

  it('a corrupt index file is replaced, not fatal', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    t.app.library.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(t.dataDir, INDEX_FILE + suffix), { force: true });
    writeFileSync(join(t.dataDir, INDEX_FILE), 'this is not a database at all '.repeat(100));
    const lib = await openLibrary({ config: t.app.config, store: t.app.store, logger: silentLogger(), clock: () => new Date() });
    await lib.refresh();
    expect(lib.search('munich').hits.map((h) => h.release.id)).toEqual([SEED]);
    lib.close();
  });

  it('an index of an older schema version is rebuilt', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    t.app.library.close();
    const db = new Database(join(t.dataDir, INDEX_FILE));
    db.prepare(`UPDATE meta SET value = '0' WHERE key = 'schema'`).run();
    db.close();
    const lib = await openLibrary({ config: t.app.config, store: t.app.store, logger: silentLogger(), clock: () => new Date() });
    expect(lib.count()).toBe(0);
    expect((await lib.refresh()).added).toEqual([SEED]);
    lib.close();
  });

  it('a reopened unchanged index opens fast and refreshes without work', async () => {
    t = await makeTestApp({ corpus: 'both' });
    t.app.library.close();
    const started = performance.now();
    const lib = await openLibrary({ config: t.app.config, store: t.app.store, logger: silentLogger(), clock: () => new Date() });
    const report = await lib.refresh();
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ added: [], changed: [], removed: [], total: 16 });
    expect(elapsed).toBeLessThan(1000);
    expect(statSync(join(t.dataDir, INDEX_FILE)).size).toBeGreaterThan(0);
    lib.close();
  });
});

describe('first seen', () => {
  it('keeps the time another instance recorded first', async () => {
    const store = new MemoryStore();
    await store.namespace<string>(NS.firstSeen).set(SEED, '2020-01-01T00:00:00.000Z');
    t = await makeTestApp({ corpus: 'seed', store, clock: () => new Date('2026-01-01T00:00:00Z') });
    expect(t.app.library.search('munich').hits[0]!.firstSeen).toBe('2020-01-01T00:00:00.000Z');
  });
});
