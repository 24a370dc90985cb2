import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import { SEED_DIR } from '../helpers/test-app.ts';

describe('splitSentences', () => {
  it('keeps abbreviations, initials, dotted acronyms and decimals inside their sentence', () => {
    const text = 'Mr. Smith went to St. Petersburg on Monday. The U.N. said 44.5 percent agreed. Dr. Jones met Mr Alimov in Kunming.';
    expect(splitSentences(text)).toEqual([
      'Mr. Smith went to St. Petersburg on Monday.',
      'The U.N. said 44.5 percent agreed.',
      'Dr. Jones met Mr Alimov in Kunming.',
    ]);
  });

  it('does not cut inside a dotted name such as VEB.RF', () => {
    const text = "On 24 April, VEB.RF, Russia's state development corporation, chaired a videoconference. It went well.";
    expect(splitSentences(text)).toEqual([
      "On 24 April, VEB.RF, Russia's state development corporation, chaired a videoconference.",
      'It went well.',
    ]);
  });

  it('ends a sentence at every line break, headings without full stops included', () => {
    expect(splitSentences('A heading\n\nFirst sentence here. Second one!\nThird?')).toEqual(['A heading', 'First sentence here.', 'Second one!', 'Third?']);
  });

  it('splits the seed into its twenty sentences, each as written', () => {
    const seed = readFileSync(join(SEED_DIR, '000_9851d8e3c5c57f74.txt'), 'utf8');
    const sentences = splitSentences(seed);
    expect(sentences).toHaveLength(20);
    expect(sentences[0]).toBe(
      'A delegation of the SCO Secretariat led by SCO Secretary-General Vladimir Norov attended the 56th Munich Security Conference between 14 and 16 February 2020.',
    );
    expect(sentences[18]).toBe('It has been held annually in Munich, Germany since 1963.');
    for (const s of sentences) expect(seed.replace(/\s+/g, ' ')).toContain(s);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });

  it('is fast enough to run on every release at indexing', () => {
    const seed = readFileSync(join(SEED_DIR, '000_9851d8e3c5c57f74.txt'), 'utf8');
    splitSentences(seed);
    const started = performance.now();
    for (let i = 0; i < 200; i++) splitSentences(seed);
    // About 0.1 ms a release here; a generous bound for a loaded machine.
    expect((performance.now() - started) / 200).toBeLessThan(25);
  });
});
