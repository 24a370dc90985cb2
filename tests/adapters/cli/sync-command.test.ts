import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CliIO } from '../../../adapters/cli/cli-command.ts';
import { makeSyncCli } from '../../../adapters/cli/sync-command.ts';
import { FakeScoSite, sampleReleases } from '../../fakes/sco-site/fake-site.ts';
import { FAST } from '../../fakes/sco-site/fast-fetch.ts';
import { makeTestApp, type TestApp } from '../../helpers/test-app.ts';

let site: FakeScoSite;
let t: TestApp;
const cli = makeSyncCli(FAST);

beforeEach(async () => {
  site = await new FakeScoSite().start();
  site.releases = sampleReleases().slice(0, 4);
  site.rss = [{ id: 'r1', title: 'Narwhal meeting', link: '/p/narwhal.html', date: '2024-01-02', content: '<p>The Narwhal meeting of SCO experts on Arctic shipping routes took place in Moscow with many delegations present.</p>' }];
  t = await makeTestApp({ corpus: 'none', config: { scoSiteUrl: site.url, feeds: [`${site.url}feeds/rss.xml`] } });
});

afterEach(async () => {
  await t.cleanup();
  await site.close();
});

function io(isTTY: boolean): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', isTTY, out: (s: string) => void (o.stdout += s), err: (s: string) => void (o.stderr += s) };
  return o;
}

const run = (args: string[], flags: Record<string, string | true> = {}, tty = false, json = false) => {
  const out = io(tty);
  return cli.run(t.app, { positional: args, flags, json }, out).then((code) => ({ code, ...out }));
};

test('--list shows the configured sources', async () => {
  const r = await run([], { list: true });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(`sco-site  ${site.url}\nfeed      ${site.url}feeds/rss.xml\n`);
  expect(site.requests).toHaveLength(0);
});

test('a sync prints plain progress lines on stderr when not a terminal and a summary on stdout; exit 0', async () => {
  const r = await run([]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('Pages fetched: 7\nNew releases:  5\nChanged:       0\nFailed:        0\n');
  expect(r.stderr).toContain(`fetched release ${site.url}20240628/0001000.html`);
  expect(r.stderr).not.toContain('\r');
});

test('a terminal gets a progress bar redrawn in place', async () => {
  const r = await run([], { source: 'sco-site' }, true);
  expect(r.stderr).toMatch(/\r\x1b\[2Ksco-site \[#{24}\] 4\/4 release pages\n$/);
  expect(r.stdout).toContain('New releases:  4');
});

test('a failed page is listed, the rest ingested, and the exit code is 1', async () => {
  site.override(site.releases[1]!.path, (_q, res) => res.writeHead(404).end());
  const r = await run([], { source: 'sco-site' });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('New releases:  3');
  expect(r.stdout).toContain(`Failed:        1\n  ${site.url}${site.releases[1]!.path.slice(1)}: HTTP 404\nFailed pages are tried again on the next sync.`);
});

test('--json prints the summary as one document; an unknown source is refused', async () => {
  const r = await run([], { source: 'feeds' }, false, true);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(doc).toMatchObject({ pagesFetched: 1, new: 1, changed: 0, failed: 0, failures: [], sources: [`${site.url}feeds/rss.xml`] });
  await expect(run([], { source: 'nope' })).rejects.toThrow(/No source named "nope". Sources: sco-site, /);
});
