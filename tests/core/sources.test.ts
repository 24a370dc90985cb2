import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/sources/article-extractor.ts';
import { parseFeed } from '../../src/sources/feed-parser.ts';
import { parseListing } from '../../src/sources/listing-parser.ts';
import { parseScoReleaseUrl } from '../../src/sources/sco-urls.ts';
import { atomFeed, listingPage, releasePage, rssFeed } from '../fakes/sco-site/pages.ts';

const HOST = 'eng.sectsco.org';
const para = (w: string) =>
  `On 3 March 2023 the SCO Secretariat hosted a ${w} round table on regional connectivity, attended by the permanent representatives of the member states.`;

describe('SCO release URLs', () => {
  test('the four URL forms of one release share an id; the URL gives the date', () => {
    const urls = [
      'https://eng.sectsco.org/news/20230303/123456.html',
      'https://eng.sectsco.org/20230303/0123456.html',
      'https://eng.sectsco.org/archives/20230303/0123456/Round-table-on-connectivity.html',
      'https://eng.sectsco.org/20230303/-Round-table-on-connectivity-0123456.html',
    ];
    const refs = urls.map((u) => parseScoReleaseUrl(u, HOST));
    expect(new Set(refs.map((r) => r?.id))).toEqual(new Set(['sco-20230303-0123456']));
    expect(refs.every((r) => r?.date === '2023-03-03')).toBe(true);
  });

  test('URLs as they occur in the corpus, old and new, http and https', () => {
    expect(parseScoReleaseUrl('http://eng.sectsco.org/news/20170608/288646.html', HOST)).toMatchObject({ id: 'sco-20170608-0288646', date: '2017-06-08' });
    expect(parseScoReleaseUrl('http://eng.sectsco.org/20210714/768423.html', HOST)?.id).toBe('sco-20210714-0768423');
    expect(parseScoReleaseUrl('http://eng.sectsco.org/archives/20221227/926567/SCO-interbank-cooperation.html', HOST)?.id).toBe('sco-20221227-0926567');
    expect(parseScoReleaseUrl('https://eng.sectsco.org./20240524/1361904.html', HOST)?.id).toBe('sco-20240524-1361904');
    expect(parseScoReleaseUrl('https://www.eng.sectsco.org/20240524/1361904.html#top', HOST)?.url).toBe('https://www.eng.sectsco.org/20240524/1361904.html');
  });

  test('other pages, other hosts and impossible dates are not releases', () => {
    expect(parseScoReleaseUrl('https://eng.sectsco.org/about/', HOST)).toBeNull();
    expect(parseScoReleaseUrl('https://example.org/20230303/0123456.html', HOST)).toBeNull();
    expect(parseScoReleaseUrl('https://eng.sectsco.org/20231345/0123456.html', HOST)).toBeNull();
    expect(parseScoReleaseUrl('http://127.0.0.1:8080/20230303/0123456.html', '127.0.0.1:8080')?.id).toBe('sco-20230303-0123456');
  });
});

describe('listing pages', () => {
  const paths = Array.from({ length: 12 }, (_, i) => `/202401${String(20 - i).padStart(2, '0')}/${String(100 + i).padStart(7, '0')}.html`);
  test('finds release links in order and the next page by rel=next, by label and by number', () => {
    const base = 'http://127.0.0.1:9/news/';
    const p1 = parseListing(listingPage(paths, 1, 4), base, '127.0.0.1:9');
    expect(p1.releases.map((r) => r.url)).toEqual(paths.slice(0, 4).map((p) => `http://127.0.0.1:9${p}`));
    expect(p1.next).toBe('http://127.0.0.1:9/news/?page=2');
    const p2 = parseListing(listingPage(paths, 2, 4), `${base}?page=2`, '127.0.0.1:9');
    expect(p2.next).toBe('http://127.0.0.1:9/news/?page=3');
    const p3 = parseListing(listingPage(paths, 3, 4), `${base}?page=3`, '127.0.0.1:9');
    expect(p3.next).toBeNull();
    const numbered = parseListing('<a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=3">3</a>', `${base}?page=2`, '127.0.0.1:9');
    expect(numbered.next).toBe('http://127.0.0.1:9/news/?page=3');
  });

  test('two URL forms of one release on a page count once', () => {
    const html = '<a href="/20230303/0123456.html">a</a><a href="/archives/20230303/0123456/Slug.html">b</a>';
    expect(parseListing(html, 'https://eng.sectsco.org/news/', HOST).releases).toHaveLength(1);
  });
});

describe('release pages', () => {
  test('an older page gives its title once, the text without menus, footer or Russian captions', () => {
    const html = releasePage({
      path: '/x',
      title: 'SCO hosts round table',
      caption: 'Фото: пресс-служба Секретариата ШОС',
      paragraphs: [para('first'), 'The participants agreed to meet again in Tashkent next year to continue the talks.'],
    });
    const r = extractArticle(html);
    expect(r).toMatchObject({ ok: true, title: 'SCO hosts round table' });
    if (!r.ok) return;
    expect(r.text).toBe(`${para('first')}\n\nThe participants agreed to meet again in Tashkent next year to continue the talks.`);
    expect(r.text).not.toMatch(/[А-я]|All rights reserved|About the SCO|Share/);
  });

  test('a newer page has no title line: none is made up', () => {
    const r = extractArticle(releasePage({ path: '/x', paragraphs: [para('second'), para('third')] }));
    expect(r.ok && r.title).toBeUndefined();
    expect(r.ok && r.text.startsWith('On 3 March 2023')).toBe(true);
  });

  test('a Russian page, an empty page and non-HTML are reasons, not crashes', () => {
    const ru = releasePage({ path: '/x', paragraphs: ['Генеральный секретарь ШОС провёл встречу с делегацией в штаб-квартире Организации в Пекине.', 'Стороны обсудили сотрудничество.'] });
    expect(extractArticle(ru)).toMatchObject({ ok: false, reason: 'page is not in English' });
    expect(extractArticle(ru.replace('lang="en"', 'lang="ru"'))).toMatchObject({ ok: false, reason: 'page language is "ru", not English' });
    expect(extractArticle('<html><body></body></html>')).toMatchObject({ ok: false });
    expect(extractArticle('%PDF-1.4 binary')).toMatchObject({ ok: false, reason: 'not an HTML page' });
    expect(extractArticle('<html><body><div><p>Unclosed <b>tags <i>everywhere<p>and <table><tr><td>cells')).toMatchObject({ ok: false });
  });
});

describe('feeds', () => {
  const items = [
    { id: 'one', title: 'Full item', link: '/a.html', date: '2024-02-01', content: `<p>${para('feed')}</p>` },
    { id: 'two', title: 'Teaser item', link: '/b.html', date: '2024-02-02', teaser: 'Short teaser…' },
  ];
  test('RSS 2.0 items with title, link, date and content or teaser', () => {
    const f = parseFeed(rssFeed('http://h', items));
    expect(f).toMatchObject({ ok: true, title: 'Partner news' });
    if (!f.ok) return;
    expect(f.items[0]).toMatchObject({ guid: 'one', title: 'Full item', link: 'http://h/a.html', date: '2024-02-01' });
    expect(f.items[0]?.content).toContain('round table');
    expect(f.items[1]).toMatchObject({ summary: 'Short teaser…', content: undefined });
  });

  test('Atom entries with the alternate link', () => {
    const f = parseFeed(atomFeed('http://h', items));
    expect(f.ok && f.items.map((i) => [i.guid, i.link, i.date])).toEqual([
      ['one', 'http://h/a.html', '2024-02-01'],
      ['two', 'http://h/b.html', '2024-02-02'],
    ]);
  });

  test('malformed XML and other documents are reasons', () => {
    expect(parseFeed('<rss><channel><item></channel>')).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed XML/) });
    expect(parseFeed('<html><body>hi</body></html>')).toMatchObject({ ok: false, reason: 'not an RSS or Atom feed' });
  });
});
