import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { atomFeed, homePage, listingPage, releasePage, rssFeed, type FakeRelease, type FeedEntry } from './pages.ts';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export type Override = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A local stand-in for eng.sectsco.org on 127.0.0.1: news listing with pagination, release pages
 * in the real URL forms, RSS and Atom feeds, ETag/Last-Modified with 304s, and per-path overrides
 * for failures. Records every request so tests can see what the bot asked for.
 */
export class FakeScoSite {
  readonly requests: SeenRequest[] = [];
  /** Newest first, as the site lists them. */
  releases: FakeRelease[] = [];
  /** Extra listing links to other URL forms of releases already listed (variants). */
  variantLinks: string[] = [];
  /** Pages served as-is at a path (teaser targets, odd pages). */
  readonly pages = new Map<string, string>();
  rss: FeedEntry[] = [];
  atom: FeedEntry[] = [];
  pageSize = 5;
  private readonly overrides = new Map<string, Override>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  private readonly sockets = new Set<import('node:net').Socket>();
  url = '';

  constructor() {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Serve `path` with `fn` instead (a 500, a hang, a huge body...). */
  override(path: string, fn: Override | null): void {
    if (fn) this.overrides.set(path, fn);
    else this.overrides.delete(path);
  }

  requestsTo(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Paths of release pages requested (not listings or feeds). */
  releaseRequests(): string[] {
    return this.requests.map((r) => r.path).filter((p) => this.releases.some((x) => x.path === p) || this.pages.has(p));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    this.requests.push({ path, headers: req.headers });
    const o = this.overrides.get(path);
    if (o) return o(req, res);
    this.serveDefault(req, res);
  }

  /** What the site serves at a path without overrides (for overrides that fail only once). */
  serveDefault(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const u = new URL(path, 'http://x');
    const listed = [...this.releases.map((r) => r.path)];
    let body: string | null = null;
    let type = 'text/html; charset=utf-8';
    if (u.pathname === '/') body = homePage([...this.variantLinks, ...listed.slice(0, 3)]);
    else if (u.pathname === '/news/') {
      const n = Number(u.searchParams.get('page') ?? '1');
      body = listingPage([...listed, ...this.variantLinks], n, this.pageSize);
    } else if (u.pathname === '/feeds/rss.xml') {
      body = rssFeed(this.url.replace(/\/$/, ''), this.rss);
      type = 'application/rss+xml';
    } else if (u.pathname === '/feeds/atom.xml') {
      body = atomFeed(this.url.replace(/\/$/, ''), this.atom);
      type = 'application/atom+xml';
    } else if (this.pages.has(path)) body = this.pages.get(path) as string;
    else {
      // Like the real site, every URL form of a release (same date and number) serves it.
      const key = (p: string) => {
        const m = /^\/(?:news\/|archives\/)?(\d{8})\/(?:-.*-)?(\d{5,8})(?:\/[^/]+)?\.html$/.exec(p);
        return m ? `${m[1]}-${Number(m[2])}` : null;
      };
      const r = this.releases.find((x) => x.path === path) ?? this.releases.find((x) => key(x.path) !== null && key(x.path) === key(path));
      if (r) body = releasePage(r);
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>Not found</h1></body></html>');
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = 'Mon, 01 Jul 2024 10:00:00 GMT';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  }
}

/** Twelve releases across the four URL forms, old pages with titles, some with Russian captions. */
export function sampleReleases(): FakeRelease[] {
  const words = ['Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lantern'];
  return words.map((w, i) => {
    const day = String(28 - i).padStart(2, '0');
    const ymd = `2024${i < 6 ? '06' : '05'}${day}`;
    const num = String(1000 + i);
    const forms = [
      `/${ymd}/${num.padStart(7, '0')}.html`,
      `/${ymd}/-SCO-Secretary-General-meets-delegation-${num.padStart(7, '0')}.html`,
      `/archives/${ymd}/${num.padStart(7, '0')}/Meeting-on-${w}.html`,
      `/news/${ymd}/${num.padStart(6, '0')}.html`,
    ];
    const old = i >= 6;
    return {
      path: forms[i % 4] as string,
      title: old ? `SCO Secretary-General holds ${w} consultations` : undefined,
      caption: i % 3 === 0 ? 'Фото: пресс-служба Секретариата ШОС, встреча делегаций' : undefined,
      paragraphs: [
        `On ${day} ${i < 6 ? 'June' : 'May'} 2024, SCO Secretary-General Zhang Ming held the ${w} consultations with a delegation at the SCO Secretariat in Beijing.`,
        `The sides discussed cooperation within the Shanghai Cooperation Organisation in trade, culture and security, and the ${w.toLowerCase()} initiative of the member states.`,
        'The Secretary-General thanked the guests for their interest in the work of the Organisation.',
      ],
    };
  });
}
