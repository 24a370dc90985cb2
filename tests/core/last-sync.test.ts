import { afterEach, beforeEach, expect, it } from 'vitest';
import { readLastSync } from '../../src/sync/last-sync.ts';
import { runSync } from '../../src/sync/run-sync.ts';
import { FakeScoSite, sampleReleases } from '../fakes/sco-site/fake-site.ts';
import { FAST } from '../fakes/sco-site/fast-fetch.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

let site: FakeScoSite;
let t: TestApp;
beforeEach(async () => {
  site = await new FakeScoSite().start();
  site.releases = sampleReleases();
  t = await makeTestApp({ corpus: 'none', config: { scoSiteUrl: site.url, feeds: [] }, clock: () => new Date('2026-12-03T10:15:00Z') });
});
afterEach(async () => {
  await t.cleanup();
  await site.close();
});

it('a finished sync records when it ran and what it found, for the Home tab', async () => {
  expect(await readLastSync(t.app)).toBeNull();
  const summary = await runSync(t.app, { fetch: FAST });
  expect(await readLastSync(t.app)).toEqual({ at: '2026-12-03T10:15:00.000Z', new: summary.new, failed: summary.failed });
  expect(summary.new).toBe(12);
});
