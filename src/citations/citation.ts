import type { Button, Reply } from '../bot/reply.ts';

/** What a citation needs of a release; results, answers and the index all have it. */
export interface Citable {
  id: string;
  title: string;
  /** YYYY-MM-DD or null when unknown. */
  date: string | null;
  url: string | null;
}

export const CITE_ACTION = 'release.cite';
export const PUBLISHER = 'Secretariat of the Shanghai Cooperation Organisation';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-02-16` as `16 February 2020`, the long form style guides ask for in citations. */
export function longDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Today's calendar date in `tz` as YYYY-MM-DD: the accessed date is the reader's day, not UTC's. */
export function dayIn(now: Date, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * A ready-to-paste citation in the form journalists and researchers quote a press release:
 * publisher, title in quotes, date, URL and the day it was read. `n.d.` when the date is unknown.
 */
export function formatCitation(release: Citable, accessed: Date, tz: string): string {
  const title = release.title.trim().replace(/[.\s]+$/, '') || release.id;
  const date = release.date ? longDate(release.date) : 'n.d.';
  const where = release.url ? ` ${release.url}` : '';
  return `${PUBLISHER}. “${title}.” Press release, ${date}.${where} (accessed ${longDate(dayIn(accessed, tz))}).`;
}

/** The Cite button for one release; its value is the release id alone (short enough for Discord). */
export function citeButton(release: Pick<Citable, 'id' | 'title'>, label = 'Cite'): Button {
  return { action: CITE_ACTION, label, value: release.id };
}

/** Cite buttons for numbered citations, `Cite [1]`, `Cite [2]` ..., so each names its source. */
export function citeButtons(citations: { n: number; id: string; title: string }[]): Button[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.id) && seen.add(c.id)).map((c) => citeButton(c, `Cite [${c.n}]`));
}

/** The reply with a row of Cite buttons for its citations, after its other buttons; unchanged when it cites nothing. */
export function withCiteButtons(reply: Reply, citations: { n: number; id: string; title: string }[]): Reply {
  const buttons = citeButtons(citations);
  return buttons.length ? { ...reply, blocks: [...reply.blocks, { type: 'buttons', buttons }] } : reply;
}
