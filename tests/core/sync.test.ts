import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { runSync } from '../../src/sync/run-sync.ts';
import { FakeScoSite, sampleReleases } from '../fakes/sco-site/fake-site.ts';
import { FAST } from '../fakes/sco-site/fast-fetch.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

let site: FakeScoSite;
let t: TestApp;

beforeEach(async () => {
  site = await new FakeScoSite().start();
  site.releases = sampleReleases();
  t = await makeTestApp({ corpus: 'none', config: { scoSiteUrl: site.url, feeds: [] } });
});

afterEach(async () => {
  await t.cleanup();
  await site.close();
});

const sync = () => runSync(t.app, { fetch: FAST });
const ids = () => t.app.library.latest({ limit: 100 }).hits.map((h) => h.release.id).sort();

describe('syncing the SCO website', () => {
  test('the first sync finds every release, with clean text, URL dates and titles where pages have them', async () => {
    const s = await sync();
    expect(s).toMatchObject({ new: 12, changed: 0, failed: 0, interrupted: false });
    expect(ids()).toHaveLength(12);
    const amber = t.app.library.get('sco-20240628-0001000');
    expect(amber).toMatchObject({ date: '2024-06-28', url: `${site.url}20240628/0001000.html`, source: 'sco-site' });
    expect(amber?.body).not.toMatch(/[\u0400-\u04ff]/);
    expect(amber?.body).not.toMatch(/All rights reserved|About the SCO/);
    const kestrel = t.app.library.get('sco-20240518-0001010');
    expect(kestrel?.title).toBe('SCO Secretary-General holds Kestrel consultations');
    expect(kestrel?.body.startsWith('On 18 May 2024')).toBe(true);
    expect(t.app.library.search('juniper').hits[0]?.release.id).toBe('sco-20240519-0001009');
  });

  test('a second sync finds nothing new, asks conditionally and fetches no release page again', async () => {
    await sync();
    const before = site.requests.length;
    const s = await sync();
    expect(s).toMatchObject({ new: 0, changed: 0, failed: 0 });
    const second = site.requests.slice(before);
    expect(second.map((r) => r.path).sort()).toEqual(['/', '/news/']);
    expect(second.every((r) => r.headers['if-none-match'] && r.headers['if-modified-since'])).toBe(true);
  });

  test('a new release on the site is the only page fetched next time', async () => {
    await sync();
    const before = site.requests.length;
    site.releases.unshift({ path: '/20240701/0002000.html', paragraphs: ['On 1 July 2024 the SCO Secretariat welcomed the Quokka delegation from the member states for talks on tourism and culture.'] });
    const s = await sync();
    expect(s).toMatchObject({ new: 1, failed: 0, newIds: ['sco-20240701-0002000'] });
    const fetchedReleases = site.requests.slice(before).map((r) => r.path).filter((p) => /\d{8}/.test(p));
    expect(fetchedReleases).toEqual(['/20240701/0002000.html']);
    expect(t.app.library.search('quokka').hits.map((h) => h.release.id)).toEqual(['sco-20240701-0002000']);
  });

  test('URL variants of one release merge into one', async () => {
    site.variantLinks = ['/archives/20240628/0001000/Amber-talks.html', '/20240627/0001001.html'];
    const s = await sync();
    expect(s.new).toBe(12);
    expect(ids()).toHaveLength(12);
    const fetched = site.requests.map((r) => r.path).filter((p) => /\d{8}/.test(p));
    expect(fetched).toHaveLength(12);
  });

  test('404, 500, a hang, malformed HTML and an oversized body fail alone; 429 waits and succeeds; failures retry next sync', async () => {
    const [r404, r500, r429, rHang, rBad, rHuge] = site.releases.map((r) => r.path);
    site.override(r404!, (_q, res) => res.writeHead(404).end('<html><body>Not found</body></html>'));
    site.override(r500!, (_q, res) => res.writeHead(500).end());
    let limited = 0;
    site.override(r429!, (req, res) => {
      if (limited++ === 0) return res.writeHead(429, { 'retry-after': '1' }).end();
      site.serveDefault(req, res);
    });
    site.override(rHang!, () => undefined);
    site.override(rBad!, (_q, res) => res.end('<html><body><div><p>Broken <b><i>markup<p><table><tr><td>'));
    site.override(rHuge!, (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.on('error', () => undefined);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let i = 0; i < 800; i++) res.write(chunk); // 50 MB
      res.end();
    });
    const s = await sync();
    expect(s.new).toBe(7);
    expect(s.failed).toBe(5);
    const reasons = Object.fromEntries(s.failures.map((f) => [new URL(f.url).pathname, f.reason]));
    expect(reasons[r404!]).toBe('HTTP 404');
    expect(reasons[r500!]).toMatch(/HTTP 500/);
    expect(reasons[rHang!]).toMatch(/no response within/);
    expect(reasons[rBad!]).toMatch(/text/);
    expect(reasons[rHuge!]).toMatch(/over the 256 KB limit/);
    expect(t.app.library.get('sco-20240626-0001002')).not.toBeNull(); // the 429 page, after waiting

    for (const p of [r404, r500, rHang, rBad, rHuge]) site.override(p!, null);
    const before = site.requests.length;
    const again = await sync();
    expect(again).toMatchObject({ new: 5, failed: 0 });
    expect(ids()).toHaveLength(12);
    const refetched = site.requests.slice(before).map((r) => r.path).filter((p) => /\d{8}/.test(p)).sort();
    expect(refetched).toEqual([r404, r500, rHang, rBad, rHuge].sort());
  });

  test('a page in another language is reported, not ingested', async () => {
    site.releases[0] = { path: site.releases[0]!.path, paragraphs: ['Генеральный секретарь ШОС провёл встречу с делегацией в штаб-квартире Организации в Пекине.'] };
    const s = await sync();
    expect(s.new).toBe(11);
    expect(s.failures).toEqual([expect.objectContaining({ reason: 'page is not in English' })]);
  });

  test('an index deleted, or a second instance on the same store, gets the live releases back without fetching them', async () => {
    const store = new MemoryStore();
    const a = await makeTestApp({ corpus: 'none', store, config: { scoSiteUrl: site.url, feeds: [] } });
    const b = await makeTestApp({ corpus: 'none', store, config: { scoSiteUrl: site.url, feeds: [] } });
    try {
      expect((await runSync(a.app, { fetch: FAST })).new).toBe(12);
      const before = site.requests.length;
      const s = await runSync(b.app, { fetch: FAST });
      expect(s).toMatchObject({ new: 0, failed: 0 });
      expect(b.app.library.count()).toBe(12);
      expect(b.app.library.get('sco-20240519-0001009')?.body).toBe(a.app.library.get('sco-20240519-0001009')?.body);
      expect(site.requests.slice(before).map((r) => r.path).filter((p) => /\d{8}/.test(p))).toEqual([]);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });

  test('a failing listing page is reported and the crawl resumes from it next sync', async () => {
    site.override('/news/?page=2', (_q, res) => res.writeHead(404).end());
    const s = await sync();
    expect(s.failures.map((f) => f.url)).toEqual([`${site.url}news/?page=2`]);
    expect(s.new).toBe(5); // the first page, front page links among them
    site.override('/news/?page=2', null);
    const again = await sync();
    expect(again).toMatchObject({ new: 7, failed: 0 });
    expect(ids()).toHaveLength(12);
  });
});
