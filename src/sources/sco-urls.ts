/**
 * The URL forms of SCO Secretariat releases. One release can be linked under several of them;
 * they name the same release when date and number agree (numbers compared without leading zeros).
 */
export interface ScoReleaseRef {
  /** `YYYYMMDD-N`: what variants of one release share. */
  key: string;
  /** Stable release id, e.g. `sco-20240704-1234567`. */
  id: string;
  /** Publication date from the URL, YYYY-MM-DD. */
  date: string;
  url: string;
}

const FORMS: RegExp[] = [
  /^\/news\/(\d{8})\/(\d{5,8})\.html$/,
  /^\/(\d{8})\/(\d{5,8})\.html$/,
  /^\/archives\/(\d{8})\/(\d{5,8})\/[^/]+\.html$/,
  /^\/(\d{8})\/-[^/]*?-(\d{5,8})\.html$/,
];

function validDate(ymd: string): string | null {
  const iso = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * The release a URL points to, or null when it is not a release page of `siteHost`
 * (the configured site's host; `eng.sectsco.org` and its `www.` form always count).
 */
export function parseScoReleaseUrl(href: string, siteHost: string): ScoReleaseRef | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  // `www.` and a trailing dot (`eng.sectsco.org./...` occurs in the wild) name the same host.
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '').replace(/\.(?=:|$)/, '');
  const host = bare(u.host);
  if (host !== bare(siteHost) && host !== 'eng.sectsco.org') return null;
  const path = decodeURIComponent(u.pathname);
  for (const form of FORMS) {
    const m = form.exec(path);
    if (!m) continue;
    const date = validDate(m[1] as string);
    if (!date) return null;
    const number = String(Number(m[2]));
    const ymd = m[1] as string;
    u.hash = '';
    return { key: `${ymd}-${number}`, id: `sco-${ymd}-${number.padStart(7, '0')}`, date, url: u.href };
  }
  return null;
}
