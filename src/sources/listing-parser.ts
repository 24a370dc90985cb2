import { parseHTML } from 'linkedom';
import { parseScoReleaseUrl, type ScoReleaseRef } from './sco-urls.ts';

export interface Listing {
  /** Release links in page order (newest first on the SCO site), one per release. */
  releases: ScoReleaseRef[];
  /** The next (older) listing page, when the page links one. */
  next: string | null;
}

const NEXT_LABELS = /^(next|next page|older|older posts|›|»|>|next ›|next »|›+|»+)$/i;

/** Page number a listing URL shows: `?page=3`, `?PAGEN_1=3`, `/page/3/`, or 1. */
function pageNumber(u: URL): number {
  for (const [k, v] of u.searchParams) if (/^(page|p|pagen_\d+)$/i.test(k) && /^\d+$/.test(v)) return Number(v);
  const m = /\/page\/(\d+)\/?$/.exec(u.pathname) ?? /\/(\d+)\/?$/.exec(u.pathname);
  return m ? Number(m[1]) : 1;
}

/**
 * The release links and the next-page link of a listing page. Next is found by `rel="next"`,
 * then a link labelled next / › / », then a link whose label is the next page number.
 */
export function parseListing(html: string, pageUrl: string, siteHost: string): Listing {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const byKey = new Map<string, ScoReleaseRef>();
  const anchors = [...document.querySelectorAll('a[href]')];
  const abs = (href: string) => {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      return null;
    }
  };
  for (const a of anchors) {
    const href = abs(a.getAttribute('href') ?? '');
    const ref = href ? parseScoReleaseUrl(href, siteHost) : null;
    if (ref && !byKey.has(ref.key)) byKey.set(ref.key, ref);
  }
  return { releases: [...byKey.values()], next: findNext(document, anchors, pageUrl, abs) };
}

function findNext(
  document: ReturnType<typeof parseHTML>['document'],
  anchors: Element[],
  pageUrl: string,
  abs: (h: string) => string | null,
): string | null {
  const rel = document.querySelector('link[rel~="next"][href], a[rel~="next"][href]');
  const relHref = rel ? abs(rel.getAttribute('href') ?? '') : null;
  if (relHref && relHref !== pageUrl) return relHref;
  const label = (a: Element) => (a.textContent ?? '').replace(/\s+/g, ' ').trim() || (a.getAttribute('aria-label') ?? '').trim();
  for (const a of anchors) {
    const href = abs(a.getAttribute('href') ?? '');
    if (href && href !== pageUrl && NEXT_LABELS.test(label(a))) return href;
  }
  const want = String(pageNumber(new URL(pageUrl)) + 1);
  for (const a of anchors) {
    const href = abs(a.getAttribute('href') ?? '');
    if (href && href !== pageUrl && label(a) === want) return href;
  }
  return null;
}
