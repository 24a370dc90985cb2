import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/summary/summarise.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { CORPUS_DIR, SEED_DIR } from '../helpers/test-app.ts';

function body(path: string): string {
  return readFileSync(path, 'utf8').replace(/^---[\s\S]*?---\n/, '');
}

const files = [join(SEED_DIR, '000_9851d8e3c5c57f74.txt'), ...readdirSync(CORPUS_DIR).map((f) => join(CORPUS_DIR, f))];

describe('summarise', () => {
  it('gives two or three sentences taken word for word from each release, in its order, without repeats', () => {
    for (const file of files) {
      const sentences = splitSentences(body(file));
      const summary = summarise('', sentences);
      expect(summary.length, file).toBeGreaterThanOrEqual(2);
      expect(summary.length, file).toBeLessThanOrEqual(3);
      const positions = summary.map((s) => sentences.indexOf(s));
      expect(positions.every((p) => p >= 0), file).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(summary).size).toBe(summary.length);
    }
  });

  it('opens with the release’s first sentence, which says who did what and when', () => {
    const sentences = splitSentences(body(files[0]!));
    const summary = summarise('SCO at the Munich Security Conference', sentences);
    expect(summary[0]).toBe(sentences[0]);
  });

  it('is the same on every run', () => {
    for (const file of files) {
      const sentences = splitSentences(body(file));
      expect(summarise('t', sentences)).toEqual(summarise('t', [...sentences]));
    }
  });

  it('leaves out a sentence that repeats one already chosen', () => {
    const sentences = [
      'The SCO Secretariat hosted a meeting on drug trafficking in Beijing on 5 May.',
      'The SCO Secretariat hosted a meeting on drug trafficking in Beijing on 5 May, officials said.',
      'Participants agreed to share information on trafficking routes across Central Asia.',
      'The next meeting will take place in Tashkent.',
    ];
    const summary = summarise('Drug trafficking meeting', sentences);
    expect(summary.filter((s) => s.startsWith('The SCO Secretariat hosted'))).toHaveLength(1);
  });

  it('keeps short releases whole and handles empty ones', () => {
    expect(summarise('x', [])).toEqual([]);
    expect(summarise('x', ['Only one sentence.'])).toEqual(['Only one sentence.']);
  });
});
