/**
 * Baseline: the same lookups through MiniSearch, the usual in-memory choice, configured for
 * the features the bot offers (typo tolerance via fuzzy 0.2, prefix matching, all words
 * required). Reload = deserialising the saved JSON index, MiniSearch's way to start warm.
 *
 *   node bin/run.js bench/baseline-minisearch.ts --size 10000 [--seed 42]
 */
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { flags } from './child.ts';
import { syntheticRelease } from './generate-corpus.ts';
import { LOOKUPS } from './queries.ts';
import { peakRssMb, percentile, round, timeEach } from './stats.ts';

const OPTIONS = { fields: ['title', 'body'], storeFields: ['title', 'date'] };
const SEARCH = { fuzzy: 0.2, prefix: true, combineWith: 'AND' as const, boost: { title: 2 } };

export async function miniSearchBaseline(size: number, seed: number, rounds = 20) {
  // Generation time is subtracted so the figure is the index's alone.
  let generating = 0;
  const t0 = performance.now();
  const index = new MiniSearch(OPTIONS);
  for (let i = 0; i < size; i++) {
    const g = performance.now();
    const release = syntheticRelease(seed, i);
    generating += performance.now() - g;
    index.add(release);
  }
  const buildS = (performance.now() - t0 - generating) / 1000;

  const json = JSON.stringify(index);
  const t1 = performance.now();
  const loaded = MiniSearch.loadJSON(json, OPTIONS);
  const readyS = (performance.now() - t1) / 1000;

  const samples = await timeEach(LOOKUPS, rounds, (q) => loaded.search(q, SEARCH).slice(0, 10));
  return {
    build_s: round(buildS, 3),
    ready_s: round(readyS, 3),
    p50_ms: round(percentile(samples, 0.5), 3),
    p99_ms: round(percentile(samples, 0.99), 3),
    peak_rss_mb: round(peakRssMb(), 1),
  };
}

if (process.argv[1]?.endsWith('baseline-minisearch.ts')) {
  const f = flags();
  const result = await miniSearchBaseline(Number(f.size ?? 1000), Number(f.seed ?? 42), Number(f.rounds ?? 20));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
