/** The bench's human-readable table, with our latency as a ratio to each baseline. */

export interface SizeRow {
  releases: number;
  build_s: number | null;
  ready_s: number | null;
  peak_rss_mb: number | null;
  lookup_p50_ms: number | null;
  lookup_p99_ms: number | null;
  ask_p50_ms: number | null;
  ask_p99_ms: number | null;
  digest_1k_s: number | null;
  fts5_p50_ms: number | null;
  fts5_p99_ms: number | null;
  fts5_build_s: number | null;
  minisearch_p50_ms: number | null;
  minisearch_p99_ms: number | null;
  minisearch_build_s: number | null;
  minisearch_ready_s: number | null;
  minisearch_peak_rss_mb: number | null;
  /** Queries and questions with the highest median latency (where to look first). */
  slowest_lookups: { q: string; p50_ms: number }[];
  slowest_asks: { q: string; p50_ms: number }[];
}

const show = (n: number | null, digits = 2) => (n === null ? '-' : n.toFixed(digits));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '-' : `${(a / b).toFixed(2)}x`);

export function formatTable(rows: SizeRow[]): string {
  const head = [
    'releases', 'build s', 'ready s', 'peak MB', 'lookup p50', 'lookup p99', 'ask p50', 'ask p99', 'digest 1k s',
    'fts5 p99', 'mini p99', 'p99 / fts5', 'p99 / mini',
  ];
  const body = rows.map((r) => [
    String(r.releases), show(r.build_s), show(r.ready_s, 3), show(r.peak_rss_mb, 0), show(r.lookup_p50_ms, 3),
    show(r.lookup_p99_ms, 3), show(r.ask_p50_ms, 3), show(r.ask_p99_ms, 3), show(r.digest_1k_s, 3),
    show(r.fts5_p99_ms, 3), show(r.minisearch_p99_ms, 3), ratio(r.lookup_p99_ms, r.fts5_p99_ms),
    ratio(r.lookup_p99_ms, r.minisearch_p99_ms),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const baselines = rows.map(
    (r) => `  ${r.releases}: MiniSearch build ${show(r.minisearch_build_s)} s, reload ${show(r.minisearch_ready_s, 3)} s, ` +
      `peak ${show(r.minisearch_peak_rss_mb, 0)} MB; bare FTS5 build ${show(r.fts5_build_s)} s`,
  );
  const slow = rows.flatMap((r) => [
    `  ${r.releases} lookups: ${r.slowest_lookups.map((s) => `"${s.q}" ${s.p50_ms}`).join(', ') || '-'}`,
    `  ${r.releases} asks: ${r.slowest_asks.map((s) => `"${s.q}" ${s.p50_ms}`).join(', ') || '-'}`,
  ]);
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    'Latencies in ms. "-" = not measured (module missing or failed; see stderr).',
    'Baselines:',
    ...baselines,
    'Slowest inputs (median ms):',
    ...slow,
    '',
  ].join('\n');
}
