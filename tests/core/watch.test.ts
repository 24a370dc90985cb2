import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/logger.ts';
import { afterEach, expect, test } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { startSync } from '../../src/sync/start-sync.ts';
import { FakeScoSite, sampleReleases } from '../fakes/sco-site/fake-site.ts';
import { FAST } from '../fakes/sco-site/fast-fetch.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function within(ms: number, check: () => boolean): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - t0;
}

async function app(config = {}): Promise<TestApp> {
  const t = await makeTestApp({ corpus: 'seed', config: { scoSiteUrl: '', ...config } });
  cleanups.push(() => t.cleanup());
  return t;
}

test('a file dropped into, changed in and removed from the content folder of a running bot shows in search within seconds', async () => {
  const t = await app();
  const running = startSync(t.app, { cron: false, watch: { debounceMs: 100, pollMs: 0 } });
  cleanups.push(() => running.stop());
  const ids = (q: string) => t.app.library.search(q).hits.map((h) => h.release.id);
  const file = join(t.contentDir, 'releases', 'zz-capybara.md');

  writeFileSync(file, '---\ntitle: SCO capybara exhibition\ndate: 2025-02-01\n---\nThe SCO Secretariat opened a capybara exhibition in Beijing for the diplomatic corps.\n');
  await within(10_000, () => ids('capybara').includes('zz-capybara'));

  writeFileSync(file, '---\ntitle: SCO axolotl exhibition\ndate: 2025-02-01\n---\nThe SCO Secretariat opened an axolotl exhibition in Beijing for the diplomatic corps.\n');
  await within(10_000, () => ids('axolotl').includes('zz-capybara') && !ids('capybara').includes('zz-capybara'));

  rmSync(file);
  await within(10_000, () => t.app.library.get('zz-capybara') === null);
});

test('a link to a file outside the content folder dropped in while the bot runs is never indexed, and the warning names it', async () => {
  const t = await app({ slackBotToken: 'xoxb-1111-2222-secretsecretsecret' });
  const lines: string[] = [];
  // The watcher logs through the app's logger: give it one that keeps its lines.
  const logged = { ...t.app, logger: createLogger('warn', { destination: { write: (l: string) => lines.push(l) } }) };
  const running = startSync(logged, { cron: false, watch: { debounceMs: 100, pollMs: 0 } });
  cleanups.push(() => running.stop());
  const secrets = mkdtempSync(join(tmpdir(), 'sco-environ-'));
  cleanups.push(async () => rmSync(secrets, { recursive: true, force: true }));
  writeFileSync(join(secrets, 'environ'), 'HOME=/root\0SLACK_BOT_TOKEN=xoxb-1111-2222-secretsecretsecret\0');
  const link = join(t.contentDir, 'releases', 'zz.txt');
  symlinkSync(join(secrets, 'environ'), link);
  // A release dropped in with it shows the refresh ran.
  writeFileSync(join(t.contentDir, 'releases', 'zz-okapi.md'), '---\ntitle: SCO okapi forum\ndate: 2025-02-01\n---\nThe SCO Secretariat held an okapi forum in Beijing.\n');
  await within(10_000, () => t.app.library.get('zz-okapi') !== null && lines.some((l) => l.includes(link)));
  expect(t.app.library.get('zz')).toBeNull();
  expect(t.app.library.search('SLACK_BOT_TOKEN').hits).toEqual([]);
  const warning = lines.find((l) => l.includes(link))!;
  expect(warning).toMatch(/outside the content folder/);
  expect(lines.join('\n')).not.toContain('secretsecretsecret');
});

test('the running bot syncs the live sources on SYNC_CRON', async () => {
  const site = await new FakeScoSite().start();
  cleanups.push(() => site.close());
  site.releases = sampleReleases().slice(0, 3);
  const t = await app({ scoSiteUrl: site.url, syncCron: '* * * * * *' });
  const running = startSync(t.app, { watch: false, fetch: FAST });
  cleanups.push(() => running.stop());
  await within(8000, () => t.app.library.get('sco-20240626-0001002') !== null);
  site.releases.unshift({ path: '/20240702/0003000.html', paragraphs: ['On 2 July 2024 the SCO Secretariat received the Wombat delegation for talks on education exchanges between universities.'] });
  await within(8000, () => t.app.library.search('wombat').hits.length === 1);
});

test('two instances on one store take turns: each page is fetched once and both indexes get every release', async () => {
  const site = await new FakeScoSite().start();
  cleanups.push(() => site.close());
  site.releases = sampleReleases().slice(0, 4);
  const store = new MemoryStore();
  const config = { scoSiteUrl: site.url, syncCron: '* * * * * *' };
  const a = await makeTestApp({ corpus: 'none', store, config });
  const b = await makeTestApp({ corpus: 'none', store, config });
  cleanups.push(() => a.cleanup(), () => b.cleanup());
  const runA = startSync(a.app, { watch: false, fetch: FAST });
  const runB = startSync(b.app, { watch: false, fetch: FAST });
  cleanups.push(() => runA.stop(), () => runB.stop());
  await within(10_000, () => a.app.library.count() === 4 && b.app.library.count() === 4);
  const pages = site.requests.map((r) => r.path).filter((p) => /\d{8}/.test(p));
  expect(pages.sort()).toEqual(site.releases.map((r) => r.path).sort());
});

test('a wrong SYNC_CRON stops the start with the variable and an example; "off" disables the schedule', async () => {
  const bad = await app({ syncCron: 'every 5 minutes' });
  expect(() => startSync(bad.app, { watch: false })).toThrow(/SYNC_CRON: "every 5 minutes" is not a cron expression; use five fields such as \*\/15 \* \* \* \*/);
  const off = await app({ syncCron: 'off' });
  const running = startSync(off.app, { watch: false });
  await running.stop();
});
