import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createApp } from '../../../adapters/compose.ts';
import { loadConfig } from '../../../src/config.ts';
import { silentLogger } from '../../../src/logger.ts';
import { NS } from '../../../src/ports/store.ts';
import { FakeScoSite, sampleReleases } from '../../fakes/sco-site/fake-site.ts';
import { tempWorkspace } from '../../helpers/run-sco.ts';
import { ROOT } from '../../helpers/test-app.ts';

const ws = tempWorkspace('seed');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

function sco(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sco.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { child, done };
}

test('a sync killed half way and run again records every release exactly once', async () => {
  const site = await new FakeScoSite().start();
  site.releases = sampleReleases().slice(0, 8);
  site.pageSize = 4;
  const env = { SCO_SITE_URL: site.url };
  const releasePaths = new Set(site.releases.map((r) => r.path));
  const served = () => site.requests.filter((r) => releasePaths.has(r.path));
  try {
    const first = sco(['sync', ...ws.dirArgs], env);
    const deadline = Date.now() + 25_000;
    while (served().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull(); // killed, not finished
    const beforeRestart = served().length;
    expect(beforeRestart).toBeGreaterThanOrEqual(4);
    expect(beforeRestart).toBeLessThan(8);

    const second = await sco(['sync', ...ws.dirArgs], env).done;
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/Failed:\s+0/);

    // Each release page was fetched once, bar the one or two in flight at the kill.
    const counts = new Map<string, number>();
    for (const r of served()) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...releasePaths].sort());
    expect(served().length).toBeLessThanOrEqual(8 + 2);

    const app = await createApp(loadConfig({}, { contentDir: ws.contentDir, dataDir: ws.dataDir, scoSiteUrl: site.url }), silentLogger());
    try {
      await app.library.refresh();
      const site8 = app.library.latest({ limit: 50 }).hits.filter((h) => h.release.source === 'sco-site');
      expect(site8).toHaveLength(8);
      expect(new Set(site8.map((h) => h.release.id)).size).toBe(8);
      const seen = (await app.store.namespace<string>(NS.firstSeen).keys()).filter((k) => k.startsWith('sco-'));
      expect(seen.sort()).toEqual(site8.map((h) => h.release.id).sort());
    } finally {
      await app.close();
    }
  } finally {
    await site.close();
  }
}, 60_000);
