import { afterEach, beforeEach, expect, test } from 'vitest';
import { runSync } from '../../src/sync/run-sync.ts';
import { FakeScoSite, sampleReleases } from '../fakes/sco-site/fake-site.ts';
import { releasePage } from '../fakes/sco-site/pages.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { FAST } from '../fakes/sco-site/fast-fetch.ts';

let site: FakeScoSite;
let t: TestApp;
const long = (w: string) =>
  `<p>The ${w} forum of the SCO member states opened in Bishkek on Tuesday with delegations from all member and observer states.</p><p>Participants discussed transport corridors and the digital economy.</p>`;

beforeEach(async () => {
  site = await new FakeScoSite().start();
  site.releases = sampleReleases().slice(0, 2);
  site.pages.set('/partners/teaser-story.html', releasePage({ path: '', paragraphs: ['The Pangolin conference on water security gathered experts from Central Asia in Dushanbe to compare river basin plans.', 'They agreed a joint work plan for the coming year.'] }));
  site.rss = [
    { id: 'rss-1', title: 'Walrus forum opens', link: '/partners/walrus.html', date: '2024-03-05', content: long('Walrus') },
    { id: 'rss-2', title: 'Pangolin conference', link: '/partners/teaser-story.html', date: '2024-03-06', teaser: 'Experts met in Dushanbe…' },
  ];
  site.atom = [
    { id: 'urn:a:1', title: 'Ocelot summit', link: '/partners/ocelot.html', date: '2024-04-01', content: long('Ocelot') },
    // The same release the site lists: merges with it instead of doubling.
    { id: 'urn:a:2', title: 'Amber consultations', link: site.releases[0]!.path, date: '2024-06-28', content: long('Amber') },
  ];
  t = await makeTestApp({
    corpus: 'none',
    config: { scoSiteUrl: site.url, feeds: [`${site.url}feeds/rss.xml`, `${site.url}feeds/atom.xml`] },
  });
});

afterEach(async () => {
  await t.cleanup();
  await site.close();
});

test('RSS and Atom items become releases; a teaser item takes its text from the linked page', async () => {
  const s = await runSync(t.app, { source: 'feeds', fetch: FAST });
  expect(s).toMatchObject({ new: 4, failed: 0 });
  const walrus = t.app.library.search('walrus').hits[0]?.release;
  expect(walrus).toMatchObject({ title: 'Walrus forum opens', date: '2024-03-05', url: `${site.url}partners/walrus.html`, source: `${site.url}feeds/rss.xml` });
  const pangolin = t.app.library.search('pangolin').hits[0]?.release;
  expect(pangolin?.title).toBe('Pangolin conference');
  expect(pangolin?.body).toContain('joint work plan');
  expect(site.requestsTo('/partners/teaser-story.html')).toHaveLength(1);
  expect(site.requestsTo('/partners/walrus.html')).toHaveLength(0);
  expect(t.app.library.get('sco-20240628-0001000')).toMatchObject({ title: 'Amber consultations' });
});

test('a feed item linking a site release merges with the site copy; unchanged feeds answer 304', async () => {
  const s = await runSync(t.app, { fetch: FAST });
  expect(s.failed).toBe(0);
  expect(t.app.library.latest({ limit: 50 }).hits.filter((h) => h.release.id === 'sco-20240628-0001000')).toHaveLength(1);
  expect(s.new).toBe(2 + 3); // two site releases, three feed-only items
  const before = site.requests.length;
  const again = await runSync(t.app, { fetch: FAST });
  expect(again).toMatchObject({ new: 0, changed: 0, failed: 0 });
  const feedHits = site.requests.slice(before).filter((r) => r.path.startsWith('/feeds/'));
  expect(feedHits).toHaveLength(2);
  expect(feedHits.every((r) => r.headers['if-none-match'])).toBe(true);
});

test('a changed feed item is counted as changed; a malformed feed is a failure, not a crash', async () => {
  await runSync(t.app, { source: 'feeds', fetch: FAST });
  site.rss[0] = { ...site.rss[0]!, title: 'Walrus forum opens in Bishkek' };
  site.override('/feeds/atom.xml', (_q, res) => res.end('<feed><entry><title>broken'));
  const s = await runSync(t.app, { source: 'feeds', fetch: FAST });
  expect(s).toMatchObject({ new: 0, changed: 1, failed: 1 });
  expect(s.failures[0]).toMatchObject({ url: `${site.url}feeds/atom.xml`, reason: expect.stringMatching(/^malformed XML/) });
  expect(t.app.library.search('walrus').hits[0]?.release.title).toBe('Walrus forum opens in Bishkek');
});

test('a teaser whose page fails is retried next sync; one whose page is gone is reported once', async () => {
  site.rss.push({ id: 'rss-3', title: 'Gone story', link: '/partners/gone.html', date: '2024-03-07', teaser: 'Removed…' });
  let calls = 0;
  site.override('/partners/teaser-story.html', (req, res) => (calls++ === 0 ? res.writeHead(500).end() : site.serveDefault(req, res)));
  const first = await runSync(t.app, { source: `${site.url}feeds/rss.xml`, fetch: { ...FAST, retries: 0 } });
  expect(first.failures.map((f) => [new URL(f.url).pathname, f.reason])).toEqual([
    ['/partners/teaser-story.html', 'linked page: HTTP 500 (gave up after 1 attempt)'],
    ['/partners/gone.html', 'linked page: HTTP 404'],
  ]);
  expect(first.new).toBe(1);
  const second = await runSync(t.app, { source: `${site.url}feeds/rss.xml`, fetch: { ...FAST, retries: 0 } });
  expect(second).toMatchObject({ new: 1, failed: 0 });
  expect(t.app.library.search('pangolin').hits).toHaveLength(1);
  const third = await runSync(t.app, { source: `${site.url}feeds/rss.xml`, fetch: FAST });
  expect(third).toMatchObject({ new: 0, failed: 0, pagesFetched: 1 });
});
