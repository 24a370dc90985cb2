import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/types.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

const SEED = '000_9851d8e3c5c57f74';
const FAILED = /could not run that lookup/;

describe('anything a person types gives results or a clear note, never an SQL error', () => {
  let t: TestApp;
  let lib: Library;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'seed' });
    lib = t.app.library;
  });
  afterAll(() => t.cleanup());

  const hostile = [
    '"', '""', '"munich', 'munich"', '"munich" "', '*', 'munich*', 'muni*', '* munich', '-', '--munich', '-munich', 'munich -',
    'AND', 'munich AND', 'AND munich', 'munich OR afghanistan', 'NOT munich', 'munich NOT', 'NEAR(', 'NEAR(munich afghanistan)',
    'NEAR(munich afghanistan, 3', 'munich NEAR/3 afghanistan', '(', ')', '(munich', 'munich)', '{body}: munich', 'title:munich',
    'body:munich', 'rank:1', '^munich', 'munich^', "'; DROP TABLE releases; --", "munich' OR '1'='1", '\\', '\u0000munich',
    '\u0002munich\u0003', '😀', '😀 munich 🚀', '🇺🇿', '%', '_', 'munich %', ':', 'topic:', 'since:', 'until:', 'topic:"',
    'since:2020-13', 'until:99999', 'since:2020-02-30', '+munich', 'munich:', '"munich" OR', 'münich', 'MUNICH', '   ', '',
    'a', 'the', 'the of and', '12345', '2020', 'x'.repeat(5000), 'munich '.repeat(1000), '"'.repeat(5000),
    'Мюнхен', '慕尼黑', 'ШОС', 'nul\u0000l', 'munich\nafghanistan', 'munich\tRATS',
  ];

  it.each(hostile.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s', (_label, q) => {
    const outcome = lib.search(q);
    expect(noteSentences(outcome.notes).join(' ')).not.toMatch(FAILED);
    expect(outcome.hits.length > 0 || outcome.notes.length > 0 || outcome.total === 0).toBe(true);
    if (outcome.hits.length === 0 && outcome.total === 0 && !/munich|muni|2020|rats|afghanistan/i.test(q)) expect(true).toBe(true);
    expect(lib.searchSentences(q).every((h) => typeof h.text === 'string')).toBe(true);
    expect(() => lib.latest({ topic: q })).not.toThrow();
    expect(() => lib.seenSince('1970-01-01T00:00:00.000Z', { filter: q })).not.toThrow();
  });

  it('still finds the seed through operator noise', () => {
    for (const q of ['munich AND afghanistan', 'NEAR(munich afghanistan)', '"munich', 'munich*', 'muni*', '+munich', '(munich)', 'MUNICH', 'title:munich', 'munich OR']) {
      expect(lib.search(q).hits.map((h) => h.release.id), q).toEqual([SEED]);
    }
    expect(noteSentences(lib.search('munich AND').notes).join(' ')).toMatch(/not needed/);
  });

  it('explains an empty or wordless query', () => {
    for (const q of ['', '   ', '😀', '*', '"', '-munich']) {
      const outcome = lib.search(q);
      expect(outcome.hits).toEqual([]);
      expect(outcome.notes.length, q).toBeGreaterThan(0);
    }
  });

  it('uses the first words of a very long query and says so', () => {
    const outcome = lib.search(`munich ${'security '.repeat(2000)}`);
    expect(outcome.hits.map((h) => h.release.id)).toEqual([SEED]);
    expect(noteSentences(outcome.notes).join(' ')).toMatch(/long query/);
  });

  it('random text never fails', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (q) => {
        const outcome = lib.search(q);
        expect(noteSentences(outcome.notes).join(' ')).not.toMatch(FAILED);
        lib.searchSentences(q);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('munich', '"', '*', '-', 'AND', 'OR', 'NOT', 'NEAR(', ')', ':', 'topic:', 'since:', '^', '😀', ' '), { maxLength: 20 }), (parts) => {
        const outcome = lib.search(parts.join(''));
        expect(noteSentences(outcome.notes).join(' ')).not.toMatch(FAILED);
      }),
      { numRuns: 300 },
    );
  });
});
