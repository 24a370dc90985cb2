import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '../../src/bot/request.ts';
import { MAX_TERMS, parseQuery } from '../../src/index/query-parse.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentences } from '../../src/commands/search-notes.ts';

/** Thousands of inputs, but a slow shared machine finishes with fewer rather than timing out. */
const BOUNDED = { interruptAfterTimeLimit: 15_000 } as const;

/** Pieces people (and attackers) type that mean something to FTS5, SQL or the parser. */
const HOSTILE = [
  '"', '""', "'", '*', '^', '(', ')', '{', '}', ':', '-', '+', 'AND', 'OR', 'NOT', 'NEAR(', 'NEAR/3', 'near', 'and',
  'topic:', 'since:', 'until:', 'topic:"', 'since:2020', 'until:2021-06', 'since:9999-99-99', 'topic:nowhere',
  "'; DROP TABLE releases; --", 'rowid', 'rank', 'MATCH', 'bm25(', '\u0000', '\\', '%', '_', '/', '@sco', '<@U123>',
  '🇺🇿', '上海合作组织', 'ШОС', 'Türkiye', 'afghanistan', 'norov', 'RATS', 'drug*', '-india', '"shanghai spirit"',
  'afghan', 'kazakstan', 'x'.repeat(300), ' ', '\t', '\n',
];

const queryText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((parts) => parts.join(' ')),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { maxLength: 10 }).map((p) => p.join('')),
);

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ corpus: 'both' });
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
});

describe('query parsing and search under any input', () => {
  it('parseQuery never throws and keeps its bounds', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        const q = parseQuery(text);
        expect(q.terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const note of noteSentences(q.notes)) expect(typeof note).toBe('string');
        if (q.since) expect(q.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 5000, ...BOUNDED },
    );
  });

  it('library.search returns results or notes for any string, never an exception', () => {
    fc.assert(
      fc.property(queryText, fc.integer({ min: 0, max: 30 }), (text, offset) => {
        const out = t.app.library.search(text, { limit: 5, offset });
        expect(out.query).toBe(text);
        expect(Array.isArray(out.notes)).toBe(true);
        expect(out.hits.length).toBeLessThanOrEqual(5);
        expect(out.total).toBeGreaterThanOrEqual(out.hits.length);
        for (const hit of out.hits) expect(typeof hit.release.id).toBe('string');
        if (out.hits.length === 0 && text.trim() === '') expect(out.notes.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000, ...BOUNDED },
    );
  }, 120_000);

  it('latest, sentence search and seenSince accept any topic or words', () => {
    fc.assert(
      fc.property(queryText, (text) => {
        expect(Array.isArray(t.app.library.latest({ topic: text, limit: 3 }).hits)).toBe(true);
        expect(Array.isArray(t.app.library.searchSentences(text, { limit: 3 }))).toBe(true);
        expect(Array.isArray(t.app.library.seenSince('1970-01-01T00:00:00Z', { filter: text }))).toBe(true);
      }),
      { numRuns: 1000, ...BOUNDED },
    );
  }, 120_000);

  it('a /sco command with any text gets a reply, never the internal-failure sentence', async () => {
    await fc.assert(
      fc.asyncProperty(queryText, fc.constantFrom<Request['kind']>('command', 'mention', 'message'), async (text, kind) => {
        const reply = await t.app.bot.handle({ kind, text, user: { id: 'U1', canManage: false }, channel: 'console:local' });
        expect(reply.text.length).toBeGreaterThan(0);
        expect(reply.text).not.toMatch(/^Sorry, something went wrong on my side/);
      }),
      { numRuns: 600, ...BOUNDED },
    );
  }, 180_000);
});
