/**
 * Baseline: the same lookups as a bare FTS5 `MATCH` over title and body (porter tokenizer,
 * BM25 order, top 10, no snippet, no aliases, no typo correction). The floor everything the
 * library adds sits on. Runs as a bench worker: prints one JSON line.
 *
 *   node bin/run.js bench/baseline-fts5.ts --size 10000 [--seed 42]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { flags } from './child.ts';
import { syntheticRelease } from './generate-corpus.ts';
import { LOOKUPS } from './queries.ts';
import { peakRssMb, percentile, round, timeEach } from './stats.ts';

/** Each word quoted, so nothing a person types is read as FTS5 syntax. */
export function escapeMatch(query: string): string {
  return query
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => `"${w}"`)
    .join(' ');
}

export async function fts5Baseline(size: number, seed: number, rounds = 20) {
  const dir = mkdtempSync(join(tmpdir(), 'sco-bench-fts5-'));
  try {
    const file = join(dir, 'fts.db');
    // Generation time is subtracted so the figure is the index's alone.
    let generating = 0;
    const t0 = performance.now();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
    const insert = db.prepare('INSERT INTO docs (id, title, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < size; i++) {
        const g = performance.now();
        const r = syntheticRelease(seed, i);
        generating += performance.now() - g;
        insert.run(r.id, r.title, r.body);
      }
    })();
    const buildS = (performance.now() - t0 - generating) / 1000;
    db.close();

    const t1 = performance.now();
    const reopened = new Database(file, { readonly: true });
    const query = reopened.prepare('SELECT id, title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10');
    query.all('"sco"');
    const readyS = (performance.now() - t1) / 1000;

    const samples = await timeEach(LOOKUPS, rounds, (q) => {
      const m = escapeMatch(q);
      return m ? query.all(m) : [];
    });
    reopened.close();
    return {
      build_s: round(buildS, 3),
      ready_s: round(readyS, 4),
      p50_ms: round(percentile(samples, 0.5), 3),
      p99_ms: round(percentile(samples, 0.99), 3),
      peak_rss_mb: round(peakRssMb(), 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('baseline-fts5.ts')) {
  const f = flags();
  const result = await fts5Baseline(Number(f.size ?? 1000), Number(f.seed ?? 42), Number(f.rounds ?? 20));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
