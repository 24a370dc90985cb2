import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.ts';
import { buildMatch, expandTerms } from '../../src/index/query-expand.ts';
import { parseQuery } from '../../src/index/query-parse.ts';
import { spellingVariants } from '../../src/index/query-spelling.ts';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.ts';
import { ROOT } from '../helpers/test-app.ts';
import { noteSentence } from '../../src/commands/search-notes.ts';

const taxonomy = loadTaxonomy(join(ROOT, 'content/topics.yml')).taxonomy;

describe('parseQuery', () => {
  it('reads words, phrases and filters', () => {
    const q = parseQuery('Norov "contact group" since:2020 until:2021-06 topic:afghanistan');
    expect(q.terms).toEqual([
      { words: ['norov'], quoted: false, negated: false, prefix: false },
      { words: ['contact', 'group'], quoted: true, negated: false, prefix: false },
    ]);
    expect(q).toMatchObject({ since: '2020-01-01', until: '2021-06-99', topics: ['afghanistan'], notes: [] });
  });

  it('until: a year or a day, since: a month or a day', () => {
    expect(parseQuery('until:2021').until).toBe('2021-99');
    expect(parseQuery('until:2021-6-5').until).toBe('2021-06-05');
    expect(parseQuery('since:2021-6').since).toBe('2021-06-01');
    expect(parseQuery('since:2021-06-15').since).toBe('2021-06-15');
    expect(noteSentence(parseQuery('since:2021-13').notes[0]!)).toMatch(/did not understand/);
  });

  it('a hyphenated word is a phrase; minus excludes; star is a prefix; operators are noted', () => {
    expect(parseQuery('Anti-Terrorist').terms[0]).toMatchObject({ words: ['anti', 'terrorist'], quoted: false });
    expect(parseQuery('munich -afghan').terms[1]).toMatchObject({ words: ['afghan'], negated: true });
    expect(parseQuery('afgh*').terms[0]).toMatchObject({ words: ['afgh'], prefix: true });
    const ops = parseQuery('india AND pakistan NEAR(x');
    expect(ops.terms.map((t) => t.words[0])).toEqual(['india', 'pakistan', 'x']);
    expect(noteSentence(ops.notes[0]!)).toMatch(/not needed/);
  });

  it('an unbalanced quote reads the rest as words; a topic value may be quoted', () => {
    expect(parseQuery('"contact group').terms.map((t) => t.quoted)).toEqual([false, false]);
    expect(parseQuery('topic:"central asia" x').topics).toEqual(['central asia']);
    expect(parseQuery('http://example.org').terms.map((t) => t.words.join(' '))).toContain('http');
  });
});

describe('expansion', () => {
  const alts = (q: string) => expandTerms(parseQuery(q).terms, taxonomy).map((g) => g.alternatives.map((a) => a.join(' ')));

  it('aliases both ways, multi-word aliases as phrases', () => {
    expect(alts('Afghan')[0]).toContain('afghanistan');
    expect(alts('Afghanistan')[0]).toContain('afghan');
    expect(alts('RATS')[0]).toContain('regional anti terrorist structure');
    expect(alts('MSC')[0]).toContain('munich security conference');
    expect(alts('Munich Security Conference')).toHaveLength(1);
    expect(alts('Munich Security Conference')[0]).toContain('msc');
    expect(alts('Kyrgyz Republic')[0]).toContain('kyrgyzstan');
    expect(alts('Turkey')[0]).toContain('turkiye');
  });

  it('mentions (capitals) do not widen a lookup', () => {
    expect(alts('Tashkent')).toEqual([['tashkent']]);
  });

  it('British and American spellings both ways', () => {
    expect(alts('militarization')[0]).toContain('militarisation');
    expect(alts('organisation')[0]).toContain('organization');
    expect(spellingVariants('centre')).toContain('center');
    expect(spellingVariants('center')).toContain('centre');
    expect(spellingVariants('analyse')).toContain('analyze');
    expect(spellingVariants('neighbours')).toContain('neighbors');
    expect(spellingVariants('defence')).toContain('defense');
    expect(spellingVariants('travelled')).toContain('traveled');
    expect(spellingVariants('dialog')).toContain('dialogue');
    expect(spellingVariants('dialogue')).toContain('dialog');
    expect(spellingVariants('four')).toEqual([]);
  });

  it('filler words are dropped unless nothing else is left', () => {
    expect(alts('the Kunming marathon').map((a) => a[0])).toEqual(['kunming', 'marathon']);
    expect(alts('the of').map((a) => a[0])).toEqual(['the', 'of']);
  });

  it('the MATCH text quotes every token', () => {
    const groups = expandTerms(parseQuery('munich -"x AND y" afgh* NEAR(').terms, taxonomy);
    const match = buildMatch(groups, 'all')!;
    expect(match).toBe('(("munich") AND ("afgh" *)) NOT (("x and y"))');
    expect(buildMatch([], 'all')).toBeNull();
  });
});

describe('editDistance', () => {
  it.each([
    ['afganistan', 'afghanistan', 1],
    ['tashkant', 'tashkent', 1],
    ['nroov', 'norov', 1],
    ['kitten', 'sitting', 3],
    ['same', 'same', 0],
  ])('%s %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
  it('stops early beyond the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});
