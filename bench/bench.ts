/**
 * The benchmark: for each corpus size, index build time and peak memory, start-to-ready over
 * an existing index, lookup and answer latency, digest build time, and the same lookups through
 * bare FTS5 and MiniSearch. Every measurement runs in a fresh process.
 *
 *   npm run bench [-- --size 1000 --size 10000 --seed 42 --rounds 10 --minisearch-max 20000 --json]
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runWorker } from './child.ts';
import { writeCorpus } from './generate-corpus.ts';
import { formatTable, type SizeRow } from './table.ts';

const ROOT = resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]) {
  const sizes: number[] = [];
  let json = false;
  let seed = 42;
  let rounds = 10;
  // MiniSearch holds everything in the heap (about 125 MB per 1,000 releases here): past this
  // size it would exhaust Node's default heap, so it is skipped unless asked for.
  let miniSearchMax = 20_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--size') sizes.push(Number(argv[++i]));
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--rounds') rounds = Number(argv[++i]);
    else if (a === '--minisearch-max') miniSearchMax = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}; usage: bench [--size N]... [--seed N] [--rounds N] [--minisearch-max N] [--json]`);
  }
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error('--size takes a positive whole number');
  return { sizes: sizes.length ? sizes : [1000, 10_000], json, seed, rounds, miniSearchMax };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A worker's result, or nulls and a line on stderr when it failed (e.g. a module not there yet). */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    log(`  ${what} failed: ${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n    ') : String(error)}`);
    return null;
  }
}

interface BuildOut { build_s: number; peak_rss_mb: number; releases: number }
interface RunOut {
  ready_s: number; lookup_p50_ms: number; lookup_p99_ms: number; ask_p50_ms: number | null; ask_p99_ms: number | null;
  digest_1k_s: number | null; run_peak_rss_mb: number;
  slowest_lookups: { q: string; p50_ms: number }[]; slowest_asks: { q: string; p50_ms: number }[];
}
interface BaselineOut { build_s: number; ready_s: number; p50_ms: number; p99_ms: number; peak_rss_mb: number }

async function measure(size: number, seed: number, rounds: number, miniSearchMax: number): Promise<SizeRow> {
  log(`size ${size}: generating corpus (seed ${seed})`);
  const dir = writeCorpus(size, seed);
  try {
    const topics = join(ROOT, 'content/topics.yml');
    if (existsSync(topics)) cpSync(topics, join(dir, 'topics.yml'));
    const common = ['--content', dir, '--data', join(dir, 'data'), '--seed', String(seed), '--rounds', String(rounds)];
    log(`size ${size}: building the index`);
    const build = await attempt('index build', () => runWorker<BuildOut>('bench/worker-library.ts', ['--mode', 'build', ...common]));
    log(`size ${size}: start to ready, lookups, answers, digest`);
    const run = build ? await attempt('run', () => runWorker<RunOut>('bench/worker-library.ts', ['--mode', 'run', ...common])) : null;
    const base = ['--size', String(size), '--seed', String(seed), '--rounds', String(rounds * 2)];
    log(`size ${size}: bare FTS5 baseline`);
    const fts5 = await attempt('fts5 baseline', () => runWorker<BaselineOut>('bench/baseline-fts5.ts', base));
    let mini: BaselineOut | null = null;
    if (size <= miniSearchMax) {
      log(`size ${size}: MiniSearch baseline`);
      mini = await attempt('minisearch baseline', () => runWorker<BaselineOut>('bench/baseline-minisearch.ts', base));
    } else log(`size ${size}: MiniSearch baseline skipped (over --minisearch-max ${miniSearchMax}; it needs ~125 MB per 1,000 releases)`);
    return {
      releases: size,
      build_s: build?.build_s ?? null,
      ready_s: run?.ready_s ?? null,
      peak_rss_mb: build && run ? Math.max(build.peak_rss_mb, run.run_peak_rss_mb) : build?.peak_rss_mb ?? null,
      lookup_p50_ms: run?.lookup_p50_ms ?? null,
      lookup_p99_ms: run?.lookup_p99_ms ?? null,
      ask_p50_ms: run?.ask_p50_ms ?? null,
      ask_p99_ms: run?.ask_p99_ms ?? null,
      digest_1k_s: run?.digest_1k_s ?? null,
      fts5_p50_ms: fts5?.p50_ms ?? null,
      fts5_p99_ms: fts5?.p99_ms ?? null,
      fts5_build_s: fts5?.build_s ?? null,
      minisearch_p50_ms: mini?.p50_ms ?? null,
      minisearch_p99_ms: mini?.p99_ms ?? null,
      minisearch_build_s: mini?.build_s ?? null,
      minisearch_ready_s: mini?.ready_s ?? null,
      minisearch_peak_rss_mb: mini?.peak_rss_mb ?? null,
      slowest_lookups: run?.slowest_lookups ?? [],
      slowest_asks: run?.slowest_asks ?? [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = parseArgs(process.argv.slice(2));
const rows: SizeRow[] = [];
for (const size of args.sizes) rows.push(await measure(size, args.seed, args.rounds, args.miniSearchMax));
if (args.json) process.stdout.write(`${JSON.stringify({ sizes: rows })}\n`);
else process.stdout.write(formatTable(rows));
