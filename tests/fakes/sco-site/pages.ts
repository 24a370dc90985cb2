/** HTML and feeds shaped like the SCO Secretariat's English site, for the fake server. */

export interface FakeRelease {
  /** Path in one of the real URL forms, e.g. `/20240704/1234567.html`. */
  path: string;
  /** Older pages show the title (and repeat it in the body); newer ones have none. */
  title?: string;
  paragraphs: string[];
  /** A Russian photo caption, as some English pages carry. */
  caption?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const chrome = (main: string, title = 'SCO Secretariat') => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About the SCO</a></nav></header>
<main>${main}</main>
<footer><p>Shanghai Cooperation Organisation Secretariat, Beijing. All rights reserved.</p><a href="/contacts/">Contacts</a></footer>
</body></html>`;

export function releasePage(r: FakeRelease): string {
  const head = r.title ? `<h1>${esc(r.title)}</h1><p>${esc(r.title)}</p>` : '';
  const caption = r.caption ? `<figure><img src="/upload/photo.jpg" alt=""><figcaption>${esc(r.caption)}</figcaption></figure><p>${esc(r.caption)}</p>` : '';
  const paras = r.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return chrome(`<div class="news-detail">${head}${caption}\n${paras}\n<div class="share"><a href="https://t.me/share">Share</a></div></div>`);
}

/** Listing page `n` (1-based) of `paths`, newest first; each page uses another pagination style. */
export function listingPage(paths: string[], n: number, pageSize: number): string {
  const pages = Math.max(1, Math.ceil(paths.length / pageSize));
  const items = paths
    .slice((n - 1) * pageSize, n * pageSize)
    .map((p, i) => `<div class="news-item"><a href="${p}">Release ${i + 1} of page ${n}</a><p>Teaser text of the release.</p></div>`)
    .join('\n');
  const href = (k: number) => (k === 1 ? '/news/' : `/news/?page=${k}`);
  let nav = '';
  if (n < pages) {
    const style = n % 3;
    if (style === 1) nav = `<a rel="next" href="${href(n + 1)}">More</a>`;
    else if (style === 2) nav = `<a href="${href(n + 1)}">Next ›</a>`;
    else nav = Array.from({ length: pages }, (_, k) => `<a href="${href(k + 1)}">${k + 1}</a>`).join(' ');
  }
  return chrome(`<h2>News</h2>${items}<div class="pagination">${nav}</div>`);
}

export function homePage(paths: string[]): string {
  const links = paths.map((p) => `<li><a href="${p}">Latest news</a></li>`).join('');
  return chrome(`<h2>Welcome</h2><ul>${links}</ul><a href="/news/">All news</a>`);
}

export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  date: string;
  /** Full text; without it the item has only `teaser`. */
  content?: string;
  teaser?: string;
}

export function rssFeed(base: string, items: FeedEntry[]): string {
  const body = items
    .map(
      (i) => `<item><title>${esc(i.title)}</title><link>${base}${i.link}</link><guid>${i.id}</guid>
<pubDate>${new Date(`${i.date}T09:00:00Z`).toUTCString()}</pubDate>
${i.teaser ? `<description>${esc(i.teaser)}</description>` : ''}
${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Partner news</title><link>${base}</link><description>News</description>
${body}</channel></rss>`;
}

export function atomFeed(base: string, items: FeedEntry[]): string {
  const body = items
    .map(
      (i) => `<entry><id>${i.id}</id><title>${esc(i.title)}</title><link rel="alternate" href="${base}${i.link}"/>
<published>${i.date}T09:00:00Z</published><updated>${i.date}T09:00:00Z</updated>
${i.teaser ? `<summary>${esc(i.teaser)}</summary>` : ''}
${i.content ? `<content type="html">${esc(i.content)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:test:atom</id><updated>2024-01-01T00:00:00Z</updated>
${body}</feed>`;
}
