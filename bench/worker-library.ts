/**
 * Bench worker over the bot's own App (store, library, answers, digests), run in a fresh
 * process by bench.ts. Prints one JSON line.
 *
 *   --mode build : index build from an empty data folder (time and peak memory)
 *   --mode run   : start to ready over the existing index, then lookups, answers and a digest
 *                  of 1,000 newly ingested releases
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createApp, type App } from '../adapters/compose.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import type { RawRelease } from '../src/ports/source.ts';
import { flags } from './child.ts';
import { syntheticRelease, toMarkdown } from './generate-corpus.ts';
import { LOOKUPS, QUESTIONS } from './queries.ts';
import { peakRssMb, percentile, round, slowest, timeEach } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '..');
const f = flags();
const config = loadConfig({}, { contentDir: f.content!, dataDir: f.data!, logLevel: 'silent' });
const rounds = Number(f.rounds ?? 10);

async function open(): Promise<{ app: App; seconds: number }> {
  const t0 = performance.now();
  const app = await createApp(config, silentLogger());
  await app.library.refresh();
  return { app, seconds: (performance.now() - t0) / 1000 };
}

/** Imports an optional module of another engineer; null while it does not exist yet. */
async function optional(path: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(pathToFileURL(resolve(ROOT, path)).href)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

type AskFn = (app: App, question: string) => Promise<unknown>;

async function askLatencies(app: App): Promise<number[] | null> {
  const mod = await optional('src/answers/answer.ts') ?? await optional('src/answers/index.ts');
  const ask = mod?.answerQuestion as AskFn | undefined;
  if (typeof ask !== 'function') return null;
  return timeEach(QUESTIONS, rounds, (q) => ask(app, q));
}

/** Ingests 1,000 releases the index has not seen and times building one digest of them. */
async function digestSeconds(app: App, size: number, seed: number): Promise<number | null> {
  const mod = await optional('src/digest/build-digest.ts');
  const build = mod?.buildDigest as ((...args: unknown[]) => unknown) | undefined;
  if (typeof build !== 'function') return null;
  const since = app.clock().toISOString();
  const raws: RawRelease[] = [];
  for (let i = size; i < size + 1000; i++) {
    const r = syntheticRelease(seed, i);
    raws.push({ id: `bench-${r.id}`, source: 'bench', text: toMarkdown(r), title: r.title, date: r.date, url: r.url });
  }
  await app.library.ingest(raws);
  // Timed: finding the releases first seen in the period plus building every message of the digest.
  const t0 = performance.now();
  const releases = app.library.seenSince(since);
  const messages = build({
    releases,
    period: { since, until: app.clock().toISOString() },
    limits: { itemsPerMessage: 10, charsPerMessage: 3500 },
    tz: 'UTC',
  }) as unknown[];
  const seconds = (performance.now() - t0) / 1000;
  if (releases.length < 1000 || messages.length === 0) throw new Error(`digest saw ${releases.length} new releases, built ${messages.length} messages`);
  return seconds;
}

if (f.mode === 'build') {
  const { app, seconds } = await open();
  const releases = app.library.count();
  await app.close();
  process.stdout.write(`${JSON.stringify({ build_s: round(seconds, 3), peak_rss_mb: round(peakRssMb(), 1), releases })}\n`);
} else {
  const { app, seconds } = await open();
  const lookups = await timeEach(LOOKUPS, rounds, (q) => app.library.search(q, { limit: 10 }));
  const asks = await askLatencies(app);
  const digest = await digestSeconds(app, app.library.count(), Number(f.seed ?? 42));
  await app.close();
  process.stdout.write(
    `${JSON.stringify({
      ready_s: round(seconds, 3),
      lookup_p50_ms: round(percentile(lookups, 0.5), 3),
      lookup_p99_ms: round(percentile(lookups, 0.99), 3),
      ask_p50_ms: asks ? round(percentile(asks, 0.5), 3) : null,
      ask_p99_ms: asks ? round(percentile(asks, 0.99), 3) : null,
      digest_1k_s: digest === null ? null : round(digest, 3),
      run_peak_rss_mb: round(peakRssMb(), 1),
      slowest_lookups: slowest(LOOKUPS, lookups),
      slowest_asks: asks ? slowest(QUESTIONS, asks) : [],
    })}\n`,
  );
}
