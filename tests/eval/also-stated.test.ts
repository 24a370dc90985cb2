import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/test-app.ts';
import { alsoStated, judge, loadLabelledSet } from './labelled-set.ts';

/** Every release the labelled set refers to, by id: seed, shared corpus and dev set. */
function releaseTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const dir of [join(ROOT, 'content/releases'), join(FIXTURES, 'corpus/releases'), join(FIXTURES, 'corpus/dev/releases')]) {
    for (const f of readdirSync(dir)) texts.set(f.replace(/\.(txt|md)$/, ''), readFileSync(join(dir, f), 'utf8'));
  }
  return texts;
}

describe('releases that also state a labelled answer', () => {
  it('quotes words each release holds, which give the expected answer to a labelled question', () => {
    const texts = releaseTexts();
    const qa = loadLabelledSet().qa;
    const entries = alsoStated();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const item = qa.find((q) => q.ask === entry.ask);
      expect(item, entry.ask).toBeDefined();
      expect(entry.release, entry.ask).not.toBe(item!.release);
      expect(texts.get(entry.release)?.replace(/\s+/g, ' '), entry.ask).toContain(entry.quote);
      expect(judge({ ...item!, type: 'fact' }, entry.quote), entry.ask).not.toBe('wrong');
      expect(item!.also, entry.ask).toContain(entry.release);
    }
  });
});
