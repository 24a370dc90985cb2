import type { App } from '../compose.ts';
import type { SyncProgress } from '../../src/sources/live-source.ts';
import type { FetchTuning } from '../../src/sync/build-sources.ts';
import type { SyncSummary } from '../../src/sync/run-sync.ts';
import { printJson, type CliCommand, type CliIO } from './cli-command.ts';

const BAR = 24;

/** Progress on standard error: a bar redrawn in place on a terminal, one line per page otherwise. */
function progressPrinter(io: CliIO): { onProgress(e: SyncProgress): void; end(): void } {
  let drawn = false;
  return {
    onProgress(e) {
      if (!io.isTTY) {
        io.err(`${e.ok ? 'fetched' : 'failed '} ${e.kind.padEnd(7)} ${e.url}\n`);
        return;
      }
      const total = Math.max(e.total, e.done);
      const filled = total ? Math.round((e.done / total) * BAR) : 0;
      const counts = total ? `${e.done}/${total} release pages` : `reading ${e.kind} pages`;
      io.err(`\r\x1b[2K${e.source.slice(0, 40)} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${counts}`);
      drawn = true;
    },
    end() {
      if (drawn) io.err('\n');
    },
  };
}

function printSummary(io: CliIO, s: SyncSummary): void {
  const lines = [
    `Pages fetched: ${s.pagesFetched}`,
    `New releases:  ${s.new}`,
    `Changed:       ${s.changed}`,
    `Failed:        ${s.failed}`,
  ];
  for (const f of s.failures) lines.push(`  ${f.url}: ${f.reason}`);
  if (s.failed) lines.push('Failed pages are tried again on the next sync.');
  if (s.interrupted) lines.push('Interrupted: the next sync resumes where this one stopped.');
  io.out(`${lines.join('\n')}\n`);
}

/** `sco sync`, with the HTTP client tuned as given (tests shorten pauses and timeouts). */
export function makeSyncCli(tuning: FetchTuning = {}): CliCommand {
  return {
    name: 'sync',
    usage: 'sco sync [--source NAME] [--list] [--json]',
    summary: 'Fetch new releases from the SCO website and feeds',
    valueFlags: { source: 'NAME' },
    booleanFlags: ['list'],
    noWords: true,
    async run(app: App, args, io) {
      if (args.flags.list) {
        // Loaded on use: the HTML and feed parsers cost most of a second that other commands need not pay.
        const { buildSources } = await import('../../src/sync/build-sources.ts');
        const sources = buildSources(app, tuning).map((s) => ({ name: s.name, kind: s.kind, url: s.url }));
        if (args.json) printJson(io, { sources });
        else if (sources.length === 0) io.out('No live sources configured (set SCO_SITE_URL or FEEDS).\n');
        else io.out(`${sources.map((s) => `${s.kind === 'sco-site' ? 'sco-site' : 'feed    '}  ${s.url}`).join('\n')}\n`);
        return 0;
      }
      const source = typeof args.flags.source === 'string' ? args.flags.source : undefined;
      const ctrl = new AbortController();
      const onSigint = () => ctrl.abort();
      process.once('SIGINT', onSigint);
      const progress = progressPrinter(io);
      try {
        const { runSync } = await import('../../src/sync/run-sync.ts');
        const summary = await runSync(app, { source, signal: ctrl.signal, fetch: tuning, onProgress: progress.onProgress });
        progress.end();
        if (args.json) printJson(io, summary);
        else printSummary(io, summary);
        if (summary.interrupted) return 130;
        return summary.failed > 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', onSigint);
      }
    },
  };
}

export const syncCli: CliCommand = makeSyncCli();
