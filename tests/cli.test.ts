import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSco, tempWorkspace } from './helpers/run-sco.ts';

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
