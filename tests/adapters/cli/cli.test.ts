import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSco, tempWorkspace } from '../../helpers/run-sco.ts';

// Each case starts a real process; a loaded 2-core machine can take seconds per start.
vi.setConfig({ testTimeout: 120_000 });
const ws = tempWorkspace('both');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

describe('the sco command', () => {
  it('search --json prints exactly one document in the documented shape', async () => {
    const run = await runSco(['search', 'afghanistan', '--json', '--limit', '3', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { query: string; results: Record<string, unknown>[] };
    expect(doc.query).toBe('afghanistan');
    expect(doc.results.length).toBeGreaterThan(0);
    expect(doc.results.length).toBeLessThanOrEqual(3);
    for (const r of doc.results) expect(Object.keys(r).sort()).toEqual(['date', 'id', 'score', 'snippet', 'title', 'url']);
    expect(doc.results.map((r) => r.id)).toContain('2021-07-14-afghanistan-contact-group');
  });

  it('latest --json lists releases newest first', async () => {
    const run = await runSco(['latest', '--json', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { results: { date: string | null }[] };
    const dates = doc.results.map((r) => r.date).filter((d): d is string => d !== null);
    expect(dates.length).toBeGreaterThan(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates[0]).toBe('2024-05-24');
  });

  it('finds a file dropped into the content folder on the next command', async () => {
    writeFileSync(
      join(ws.contentDir, 'releases', 'zz-new-release.md'),
      '---\ntitle: "SCO observers praise Mongolian yurt festival"\ndate: 2025-03-01\n---\nThe SCO Secretariat sent observers to a yurt festival in Ulaanbaatar.\n',
    );
    const run = await runSco(['search', 'yurt', '--json', ...ws.dirArgs]);
    const doc = JSON.parse(run.stdout) as { results: { id: string; title: string }[] };
    expect(doc.results[0]).toMatchObject({ id: 'zz-new-release', title: 'SCO observers praise Mongolian yurt festival' });
  });

  it('show prints a release and refuses an unknown id clearly', async () => {
    const ok = await runSco(['show', '000_9851d8e3c5c57f74', ...ws.dirArgs]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Munich');
    const bad = await runSco(['show', 'no-such-release', ...ws.dirArgs]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('No release with id');
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const run = await runSco(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: sco <command>');
  });

  it('a wrong setting stops with the variable name and how to fix it', async () => {
    const run = await runSco(['search', 'x', ...ws.dirArgs], { env: { DEFAULT_TIMEZONE: 'Mars/Olympus' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DEFAULT_TIMEZONE');
    expect(run.stderr).toContain('IANA timezone');
  });
});

describe('sco errors, usage and exit codes', () => {
  const errorDoc = (stdout: string) => JSON.parse(stdout) as { error: { code: string; message: string } };

  it.each([
    [['show', 'nope', '--json'], 1, 'not_found', /No release with id “nope”/],
    [['search', 'x', '--limit', '0', '--json'], 2, 'usage', /--limit takes a whole number from 1 to 100/],
    [['digest', '--since', 'bad', '--json'], 2, 'usage', /--since takes an ISO-8601 date/],
    [['digest', '--since', '2020-01-01T25:61:00Z', '--json'], 2, 'usage', /--since takes an ISO-8601 date/],
    [['ask', '--json'], 2, 'usage', /sco ask needs a question/],
    [['search', 'x', '--limt', '3', '--json'], 2, 'usage', /unknown option --limt/],
  ])('sco %j prints one {"error"} document and exits %i', async (args, code, kind, message) => {
    const run = await runSco([...args, ...ws.dirArgs]);
    expect(run.code).toBe(code);
    const doc = errorDoc(run.stdout);
    expect(Object.keys(doc)).toEqual(['error']);
    expect(doc.error.code).toBe(kind);
    expect(doc.error.message).toMatch(message);
  });

  it('sco search with no words and sco show with no id print their usage and exit 2', async () => {
    const search = await runSco(['search', ...ws.dirArgs]);
    expect(search.code).toBe(2);
    expect(search.stderr).toContain('usage: sco search <query...>');
    const show = await runSco(['show', ...ws.dirArgs]);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('usage: sco show <id>');
    expect(show.stdout).toBe('');
  });

  it('an unknown flag is refused with the known ones listed', async () => {
    const run = await runSco(['latest', '--topik', 'drugs', ...ws.dirArgs]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sco latest: unknown option --topik. Known options: --limit N, --content DIR, --data DIR, --json');
  });

  it('hints name sco commands, not /sco ones', async () => {
    const none = await runSco(['search', 'qqqzzzxxyy', ...ws.dirArgs]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('`sco topics`');
    expect(none.stdout).not.toContain('/sco');
    const unknownTopic = await runSco(['search', 'topic:atlantis', ...ws.dirArgs]);
    expect(unknownTopic.stdout).toContain('see sco topics for the list');
    expect(unknownTopic.stdout).not.toContain('/sco');
  });

  it('JSON results carry a real score (search) or none (latest, which ranks nothing)', async () => {
    const search = JSON.parse((await runSco(['search', 'afghanistan', '--json', ...ws.dirArgs])).stdout) as { results: { score: number }[] };
    expect(search.results.length).toBeGreaterThan(1);
    for (const r of search.results) expect(r.score).toBeGreaterThan(0);
    const scores = search.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const latest = JSON.parse((await runSco(['latest', '--json', ...ws.dirArgs])).stdout) as { results: Record<string, unknown>[] };
    for (const r of latest.results) expect(r).not.toHaveProperty('score');
  });

  it('control characters in a query are never written raw', async () => {
    // (A command line cannot carry NUL; the console test types one.)
    const run = await runSco(['search', 'afghan\x1b[2J\x07istan', ...ws.dirArgs]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/[\x07\x1b]/);
    expect(run.stdout).toContain('␛[2J␇');
  });

  it('a bad variable stops sco start at once with code 2, naming it', async () => {
    const started = Date.now();
    const run = await runSco(['start', ...ws.dirArgs], { env: { SYNC_CRON: 'bad' }, timeoutMs: 30_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SYNC_CRON: .*five-field cron expression/);
    expect(run.stderr).not.toMatch(/SQLITE_MISUSE/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('--help lists the exit codes; a command --help lists its options', async () => {
    const help = await runSco(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/exit codes: 0 done, 1 failed .*, 2 usage or configuration error/);
    const search = await runSco(['search', '--help']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('options: --limit N, --content DIR, --data DIR, --json');
  });
});
