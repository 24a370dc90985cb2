import { mkdirSync, symlinkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveDate } from '../../src/releases/derive-date.ts';
import { deriveTitle } from '../../src/releases/derive-title.ts';
import { normalise } from '../../src/releases/normalise.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { makeTestApp, ROOT, SEED_DIR, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

const SEED_ID = '000_9851d8e3c5c57f74';
const taxonomy = loadTaxonomy(join(ROOT, 'content/topics.yml')).taxonomy;

describe('derived title and date of the seed release', () => {
  const text = readFileSync(join(SEED_DIR, `${SEED_ID}.txt`), 'utf8');
  const { release, sentences } = normalise({ id: SEED_ID, source: 'content', text, path: `${SEED_ID}.txt` }, taxonomy);

  it('gets a short headline from its opening sentence', () => {
    expect(release.title).toBe('SCO Secretariat delegation led by Vladimir Norov attends 56th Munich Security Conference');
    expect(release.title.length).toBeLessThanOrEqual(90);
  });

  it('is dated by the last day of "between 14 and 16 February 2020"', () => {
    expect(release.date).toBe('2020-02-16');
  });

  it('has no url, clean paragraphs, sentences, a summary and topics', () => {
    expect(release.url).toBeNull();
    expect(release.body).not.toMatch(/ {2}|\r|\n{3}/);
    expect(release.body.split('\n\n')).toHaveLength(11);
    expect(sentences[0]).toMatch(/^A delegation of the SCO Secretariat/);
    expect(release.summary.length).toBeGreaterThan(0);
    expect(release.topics).toEqual(expect.arrayContaining(['afghanistan', 'rats', 'msc', 'norov', 'space', 'germany']));
    expect(release.topics).not.toContain('brazil');
  });
});

describe('deriveDate', () => {
  it.each([
    ['between 14 and 16 February 2020', '2020-02-16'],
    ['on 6 and 7 November 2019, then on 1 March 2018', '2019-11-07'],
    ['from 14-16 Feb. 2020', '2020-02-16'],
    ['On June 9, 2018 and June 10, 2018', '2018-06-10'],
    ['in February 2017 and in 2019', null],
    ['on 31 February 2020', null],
    ['nothing dated here', null],
  ])('%s -> %s', (text, want) => {
    expect(deriveDate(text)).toBe(want);
  });
});

describe('deriveTitle', () => {
  it('cuts long sentences at a clause or word boundary without trailing filler', () => {
    const t = deriveTitle(
      'At the invitation of the Turkmen side, an Observer Mission of the Shanghai Cooperation Organisation has arrived in Turkmenistan to monitor the country\'s presidential election.',
    );
    expect(t).toBe('Observer Mission of the Shanghai Cooperation Organisation arrives in Turkmenistan');
    const long = deriveTitle(`The ${'very '.repeat(40)}long sentence of the.`);
    expect(long.length).toBeLessThanOrEqual(90);
    expect(long).not.toMatch(/\s(of|the|and|,)$/);
  });
});

describe('files without words up front', () => {
  const load = (text: string) => {
    try {
      return normalise({ id: 'p', source: 'content', text, path: '/tmp/p.txt' }, taxonomy).release.title;
    } catch (e) {
      return `problem: ${(e as Error).message}`;
    }
  };
  it('a file of punctuation is a problem; a stray first line does not become the title', () => {
    expect(load('...')).toMatch(/^problem: the release has no words/);
    expect(load('---\n\n')).toMatch(/^problem: the release has no words/);
    expect(load('---\n\n---\nThe SCO Secretary-General met delegates in Tashkent.')).toBe('SCO Secretary-General meets delegates in Tashkent');
    expect(load('The.')).toBe('The');
  });
});

describe('content folder loading', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('loads .txt and .md releases; front matter gives title, date, url and topics', async () => {
    t = await makeTestApp({ corpus: 'both' });
    const lib = t.app.library;
    expect(lib.count()).toBe(16);
    const md = lib.get('2021-07-14-afghanistan-contact-group')!;
    expect(md.title).toBe('Norov attends SCO-Afghanistan Contact Group ministerial meeting in Dushanbe');
    expect(md.date).toBe('2021-07-14');
    expect(md.url).toBe('http://eng.sectsco.org/20210714/768423.html');
    expect(md.body).not.toMatch(/^---|title:/);
    expect(md.topics).toEqual(expect.arrayContaining(['afghanistan', 'contact-group', 'tajikistan']));
    expect(lib.get(SEED_ID)!.title).toMatch(/Munich Security Conference$/);
  });

  it('reports a broken file with its path and reason while the others load', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const dir = join(t.contentDir, 'releases');
    writeFileSync(join(dir, 'good.md'), '---\ntitle: "Good one"\ndate: 2023-05-01\ntopics: [space]\n---\nThe SCO discussed lunar stations.\n');
    writeFileSync(join(dir, 'bad-yaml.md'), '---\ntitle: [unclosed\ndate: 2023-05-01\n---\nBody.\n');
    writeFileSync(join(dir, 'bad-date.md'), '---\ntitle: Dated\ndate: 2023-13-45\n---\nBody.\n');
    writeFileSync(join(dir, 'unterminated.md'), '---\ntitle: Never ends\nBody.\n');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'empty.txt'), '   \n\n');
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const report = await t.app.library.refresh();
    const reasons = Object.fromEntries(report.problems.map((p) => [p.path.split('/').pop(), p.reason]));
    expect(reasons['bad-yaml.md']).toMatch(/not valid YAML/);
    expect(reasons['bad-date.md']).toMatch(/date "2023-13-45"/);
    expect(reasons['unterminated.md']).toMatch(/never ends/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['empty.txt']).toMatch(/no text/);
    expect(reasons['notes.docx']).toMatch(/only .txt and .md/);
    expect(report.added).toEqual(['good']);
    expect(t.app.library.count()).toBe(2);
    const good = t.app.library.get('good')!;
    expect(good).toMatchObject({ title: 'Good one', date: '2023-05-01', topics: expect.arrayContaining(['space']) });
  });

  it('reports an unreadable file without failing the others', async () => {
    t = await makeTestApp({ corpus: 'seed' });
    const dangling = join(t.contentDir, 'releases', 'dangling.txt');
    symlinkSync(join(t.contentDir, 'nowhere.txt'), dangling);
    const report = await t.app.library.refresh();
    expect(report.problems).toContainEqual({ path: dangling, reason: 'cannot read: ENOENT' });
    expect(t.app.library.count()).toBe(1);
  });

  it('gives a clear problem for an empty or missing folder, not a crash', async () => {
    t = await makeTestApp({ corpus: 'none' });
    const report = await t.app.library.refresh();
    expect(report.total).toBe(0);
    expect(report.problems[0]?.reason).toMatch(/folder is empty/);
    expect(t.app.library.search('afghanistan').hits).toEqual([]);
    expect(noteSentences(t.app.library.search('afghanistan').notes).join(' ')).toMatch(/No releases are loaded yet/);
    expect(noteSentences(t.app.library.latest().notes).join(' ')).toMatch(/No releases are loaded yet/);
    rmSync(join(t.contentDir, 'releases'), { recursive: true });
    const missing = await t.app.library.refresh();
    expect(missing.problems[0]?.reason).toMatch(/does not exist/);
  });
});

describe('topics.yml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-topics-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the shipped file loads without problems and knows the acronyms and spellings', () => {
    const { taxonomy: tx, problems } = loadTaxonomy(join(ROOT, 'content/topics.yml'));
    expect(problems).toEqual([]);
    expect(tx.lookup('RATS')[0]?.id).toBe('rats');
    expect(tx.lookup('Regional Anti-Terrorist Structure')[0]?.id).toBe('rats');
    expect(tx.lookup('Kyrgyz Republic')[0]?.id).toBe('kyrgyzstan');
    expect(tx.lookup('Turkey')[0]?.id).toBe('turkey');
    expect(tx.lookup('Türkiye')[0]?.id).toBe('turkey');
    expect(tx.lookup('Ermekbaev')[0]?.id).toBe('yermekbayev');
    expect(tx.lookup('IBC')[0]?.id).toBe('interbank-consortium');
    expect(tx.lookup('MSC')[0]?.id).toBe('msc');
    expect(tx.tag('Delegates of the SCO RATS met.')).toContain('rats');
    expect(tx.tag('The rats left the ship.')).not.toContain('rats');
  });

  it('reports a broken file or entry clearly and keeps the rest', () => {
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'members:\n  - id: china\n    label: China\n  - id: Bad Id\n    label: X\nplanets:\n  - id: mars\n    label: Mars\n');
    const { taxonomy: tx, problems } = loadTaxonomy(bad);
    expect(tx.topics.map((x) => x.id)).toEqual(['china']);
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/members entry 2 \(id\): id must be lower-case/),
      expect.stringMatching(/unknown section "planets"/),
    ]);
    writeFileSync(bad, 'members: [\n');
    expect(loadTaxonomy(bad).problems[0]).toMatchObject({ path: bad, reason: expect.stringMatching(/not valid YAML/) });
    expect(loadTaxonomy(join(dir, 'none.yml')).problems[0]?.reason).toMatch(/not found/);
  });

  it('a broken topics.yml leaves the bot running and searching', async () => {
    const t = await makeTestApp({ corpus: 'seed' });
    try {
      writeFileSync(join(t.contentDir, 'topics.yml'), 'members: [\n');
      const report = await t.app.library.refresh();
      expect(report.problems[0]?.reason).toMatch(/not valid YAML/);
      expect(t.app.library.search('afghanistan').hits[0]?.release.id).toBe(SEED_ID);
    } finally {
      await t.cleanup();
    }
  });
});
