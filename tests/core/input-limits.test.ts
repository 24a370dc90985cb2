import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { capQuestion, capWords, MAX_QUESTION_CHARS, MAX_SENTENCE_CHARS, MAX_WORD_CHARS } from '../../src/text/limits.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Generous limits: each of these took from 9 s to minutes before the caps, and a few
 * milliseconds to a few hundred after; the limits only have to tell the two apart on a busy machine.
 */
const LIMIT_MS = 5_000;

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ corpus: 'both' });
  const dir = join(t.contentDir, 'releases');
  // A 100,000-character word inside an ordinary release.
  writeFileSync(join(dir, 'long-word.txt'), `The SCO Secretariat received a wombat delegation in Beijing on 1 May 2020. ${'w'.repeat(100_000)} was its password.\n`);
  // One sentence of 2.2 MB: no full stop, no line break.
  writeFileSync(join(dir, 'one-sentence.txt'), `${'regional security cooperation against terrorism '.repeat(46_000)}\n`);
  await t.app.library.refresh();
}, 60_000);
afterAll(() => t.cleanup());

async function timed(kind: 'mention' | 'command', text: string): Promise<{ ms: number; reply: Reply }> {
  const t0 = performance.now();
  const reply = await t.app.bot.handle({ kind, text, user: { id: 'U1', canManage: false }, channel: 'console:local' });
  return { ms: performance.now() - t0, reply };
}

describe('long input through the front door', () => {
  it('a 40,000-character mention of one word is answered promptly (it froze the bot for a minute)', async () => {
    const { ms, reply } = await timed('mention', `where is ${'a'.repeat(40_000)}?`);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(JSON.stringify(reply).length).toBeLessThan(20_000);
  }, 120_000);

  it('a 40,000-character question of many words and a lookup of 100,000 characters are answered promptly', async () => {
    const question = await timed('mention', `${'where is RATS based '.repeat(2_000)}?`);
    expect(question.ms).toBeLessThan(LIMIT_MS);
    const lookup = await timed('command', `kabul ${'x'.repeat(100_000)}`);
    expect(lookup.ms).toBeLessThan(LIMIT_MS);
  }, 120_000);

  it('a release holding a 100,000-character word keeps its other words, and questions touching it stay fast', async () => {
    const release = t.app.library.get('long-word')!;
    expect(release.body).not.toContain('w'.repeat(MAX_WORD_CHARS + 1));
    expect(t.app.library.search('wombat').hits.map((h) => h.release.id)).toEqual(['long-word']);
    const { ms } = await timed('mention', 'who received the wombat delegation?');
    expect(ms).toBeLessThan(LIMIT_MS);
  }, 120_000);

  it('a release of one 2 MB sentence is cut into bounded sentences; a question over it neither overflows the stack nor stalls', async () => {
    const sentences = t.app.library.sentencesOf('one-sentence');
    expect(sentences.length).toBeGreaterThan(100);
    for (const s of sentences) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    const { ms, reply } = await timed('mention', 'what about regional security cooperation against terrorism?');
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(JSON.stringify(reply)).not.toMatch(/Maximum call stack|something went wrong/);
  }, 120_000);
});

describe('the caps themselves', () => {
  it('capQuestion cuts to MAX_QUESTION_CHARS without splitting an emoji, and caps every word', () => {
    const head = 'ab '.repeat(MAX_QUESTION_CHARS / 4).padEnd(MAX_QUESTION_CHARS - 1, ' x');
    expect(capQuestion(`${head}😀tail`)).toBe(head);
    expect(capQuestion(`x ${'b'.repeat(5000)} y`)).toBe(`x ${'b'.repeat(MAX_WORD_CHARS)}…`);
    expect(capWords('an ordinary sentence with http://eng.sectsco.org/20210714/768423.html in it')).toBe('an ordinary sentence with http://eng.sectsco.org/20210714/768423.html in it');
  });

  it('splitSentences stays linear on a long line with many full stops and caps every sentence', () => {
    const line = 'Delegates met in Kabul. '.repeat(40_000);
    const t0 = performance.now();
    const out = splitSentences(line);
    expect(performance.now() - t0).toBeLessThan(LIMIT_MS);
    expect(out).toHaveLength(40_000);
    const long = splitSentences('word '.repeat(10_000));
    expect(long.length).toBeGreaterThan(40);
    for (const s of long) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(long.join(' ')).toBe('word '.repeat(10_000).trim());
  });
});
