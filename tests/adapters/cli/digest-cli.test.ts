import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addRelease } from '../../fixtures/digest/releases.ts';
import { runSco, tempWorkspace } from '../../helpers/run-sco.ts';

vi.setConfig({ testTimeout: 120_000 });
const ws = tempWorkspace('seed');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

type Doc = { releases: { id: string; title: string; date: string | null; url: string | null; summary: string }[] };

describe('sco digest', () => {
  it('--json holds the releases first seen at or after --since, optionally on a topic', async () => {
    const first = await runSco(['digest', '--json', '--since', '2000-01-01', ...ws.dirArgs]);
    expect(first.code).toBe(0);
    const all = JSON.parse(first.stdout) as Doc;
    expect(all.releases.map((r) => r.id)).toEqual(['000_9851d8e3c5c57f74']);
    expect(Object.keys(all.releases[0]!).sort()).toEqual(['date', 'id', 'summary', 'title', 'url']);
    expect(all.releases[0]!.summary).toMatch(/^A delegation of the SCO Secretariat.*\.$/);

    const mid = new Date().toISOString();
    const id = addRelease(ws.contentDir, 7, { title: 'SCO Secretariat hosts a seminar on Afghanistan and drug trafficking' });
    const later = await runSco(['digest', '--since', mid, '--json', ...ws.dirArgs]);
    expect((JSON.parse(later.stdout) as Doc).releases).toEqual([
      {
        id,
        title: 'SCO Secretariat hosts a seminar on Afghanistan and drug trafficking',
        date: '2026-11-17',
        url: 'https://eng.sectsco.org/news/20261117/900007.html',
        summary: expect.stringMatching(/^The SCO Secretariat held digest test meeting number 7/) as unknown as string,
      },
    ]);

    const text = await runSco(['digest', '--since', mid, '--topic', 'yurt', ...ws.dirArgs]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/nothing new/);
    const bad = await runSco(['digest', '--since', 'yesterday-ish', ...ws.dirArgs]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since takes an ISO-8601 date');
  });
});
