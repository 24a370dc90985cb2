import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalise } from '../../src/releases/normalise.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { makeTestApp, ROOT, SEED_DIR } from '../helpers/test-app.ts';

const SEED_ID = '000_9851d8e3c5c57f74';
const { taxonomy } = loadTaxonomy(join(ROOT, 'content/topics.yml'));
const topicsOf = (text: string, path = '/tmp/x.txt') => normalise({ id: 'x', source: 'content', text, path }, taxonomy).release.topics;

describe('automatic topics need real evidence', () => {
  it('the shipped release is not tagged uzbekistan, environment or economy; what it is about stays', () => {
    const topics = topicsOf(readFileSync(join(SEED_DIR, `${SEED_ID}.txt`), 'utf8'));
    expect(topics).not.toContain('uzbekistan');
    expect(topics).not.toContain('environment');
    expect(topics).not.toContain('economy');
    expect(topics).toEqual(expect.arrayContaining(['afghanistan', 'india', 'pakistan', 'germany', 'rats', 'msc', 'security', 'space']));
  });

  it('a capital named in passing does not make its country; in the opening sentence it does', () => {
    expect(topicsOf('The SCO met in Beijing on 1 May 2020.\nIts anti-terrorist structure is based in Tashkent.')).not.toContain('uzbekistan');
    expect(topicsOf('The SCO met in Tashkent on 1 May 2020.\nDelegates discussed trade.')).toContain('uzbekistan');
    expect(topicsOf('SCO ministers meet in Tashkent\nDelegates from all member states met on 1 May 2020.', '/tmp/x.md')).toContain('uzbekistan');
    // Two places of one country, or the country's name, are enough anywhere.
    expect(topicsOf('The SCO met on 1 May 2020.\nDelegates went from Tashkent to Samarkand.')).toContain('uzbekistan');
    expect(topicsOf('The SCO met on 1 May 2020.\nAn Uzbek delegate spoke.')).toContain('uzbekistan');
  });

  it('a theme needs more than one of its weak words', () => {
    expect(topicsOf('The SCO met on 1 May 2020.\nThey spoke of the social and cultural environment of the region.')).not.toContain('environment');
    expect(topicsOf('The SCO met on 1 May 2020.\nThey spoke of economic ties.')).not.toContain('economy');
    expect(topicsOf('The SCO met on 1 May 2020.\nThey spoke of economic ties, trade and investment.')).toContain('economy');
    expect(topicsOf('The SCO met on 1 May 2020.\nThey discussed climate change and the environment.')).toContain('environment');
  });

  it('topics given in the front matter are kept as they are', () => {
    const topics = topicsOf('---\ntopics: [uzbekistan, environment]\n---\nThe SCO met on 1 May 2020.\nRATS is based in Tashkent.\n', '/tmp/x.md');
    expect(topics).toEqual(expect.arrayContaining(['uzbekistan', 'environment']));
  });

  it('a lookup by topic:uzbekistan does not list the shipped release', async () => {
    const t = await makeTestApp({ corpus: 'seed' });
    try {
      expect(t.app.library.get(SEED_ID)!.topics).not.toContain('uzbekistan');
      expect(t.app.library.search('topic:uzbekistan').hits.map((h) => h.release.id)).not.toContain(SEED_ID);
    } finally {
      await t.cleanup();
    }
  });
});

describe('topics.yml names that would match every release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sco-aliases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('"", "the", "a" and other common or one-letter aliases are refused with a warning naming topic and alias', () => {
    const file = join(dir, 'topics.yml');
    writeFileSync(file, 'themes:\n  - id: space\n    label: Outer space\n    aliases: ["", the, a, "of the", x, outer space]\n    mentions: [and, rocket]\n');
    const { taxonomy: tx, problems } = loadTaxonomy(file);
    expect(problems.map((p) => p.reason)).toEqual([
      'themes entry 1 (space): alias "" has no letters or digits; it is ignored',
      'themes entry 1 (space): alias "the" is a common word that nearly every release holds; it is ignored',
      'themes entry 1 (space): alias "a" is too short to mean anything on its own; it is ignored',
      'themes entry 1 (space): alias "of the" is a common word that nearly every release holds; it is ignored',
      'themes entry 1 (space): alias "x" is too short to mean anything on its own; it is ignored',
      'themes entry 1 (space): mention "and" is a common word that nearly every release holds; it is ignored',
    ]);
    expect(tx.tag('The SCO met on 1 May 2020.\nA delegate and the chair spoke of the plan.')).toEqual([]);
    expect(tx.tag('The SCO met on 1 May 2020.\nThey spoke of outer space.')).toEqual(['space']);
    expect(tx.lookup('the')).toEqual([]);
  });
});
