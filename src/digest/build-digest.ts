import { replyOf, type Block, type DigestItem, type Reply } from '../bot/reply.ts';
import type { Release } from '../releases/release.ts';
import { formatInstant } from '../util/format-instant.ts';
import { safeCut } from '../util/safe-cut.ts';

export interface DigestInput {
  releases: Release[];
  /** The period the releases were first seen in (ISO instants); `since` null = no lower bound. */
  period: { since: string | null; until: string };
  /** Where the digest goes: how much one message may hold. */
  limits: { itemsPerMessage: number; charsPerMessage: number };
  /** Timezone the period is shown in. */
  tz: string;
  /** The subscription's topic or query, shown in the heading. */
  filter?: string;
  /** Post a short line when there is nothing new. */
  nothingNewLine?: boolean;
  /** Ids asked for explicitly (`backfill N`): listed even when old. */
  backfill?: string[];
}

const SUMMARY_SENTENCES = 2;
/**
 * Flood guards. A digest lists at most MAX_ITEMS releases; releases first seen now but published
 * more than ARCHIVE_DAYS before the period began (a source's back catalogue found at once, such as
 * the first sync of the SCO site) are not listed one by one. Both are counted in a closing line
 * with where to find them, so nothing is missed silently and no channel is flooded.
 */
export const MAX_ITEMS = 30;
export const ARCHIVE_DAYS = 90;
/** Room each item needs besides its text (date, separators, link markup). */
const ITEM_OVERHEAD = 40;
const HEADING_ROOM = 200;

function when(iso: string, tz: string): string {
  return formatInstant(new Date(iso), tz);
}

export function describePeriod(period: DigestInput['period'], tz: string): string {
  const until = when(period.until, tz);
  return period.since ? `${when(period.since, tz)} – ${until}` : `up to ${until}`;
}

/** Newest publication first; undated releases last; ties by title so the order is stable. */
function byDate(a: Release, b: Release): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date);
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

function itemOf(release: Release, maxChars: number): DigestItem {
  let summary = release.summary.slice(0, SUMMARY_SENTENCES).join(' ');
  const room = maxChars - release.title.length - (release.url?.length ?? 0) - ITEM_OVERHEAD;
  // A release is never split across messages; an outsized summary is shortened instead.
  if (summary.length > room) summary = `${summary.slice(0, safeCut(summary, room - 1)).replace(/\s+\S*$/, '')}…`;
  return { id: release.id, title: release.title, date: release.date, url: release.url, summary };
}

const size = (item: DigestItem) => item.title.length + item.summary.length + (item.url?.length ?? 0) + ITEM_OVERHEAD;

/** Published more than ARCHIVE_DAYS before the period began: back catalogue, not news. */
function isArchive(release: Release, since: string | null): boolean {
  if (!since || !release.date) return false;
  const cutoff = new Date(Date.parse(since) - ARCHIVE_DAYS * 86_400_000).toISOString().slice(0, 10);
  return release.date < cutoff;
}

/** The closing line for what the digest does not list one by one; null when it lists everything. */
function notListed(archive: Release[], overflow: number): string | null {
  const parts: string[] = [];
  if (overflow > 0) parts.push(`${overflow} more new release${overflow === 1 ? '' : 's'} (see \`/sco latest\`)`);
  if (archive.length > 0) {
    const years = archive.map((r) => r.date!.slice(0, 4)).sort();
    const span = years[0] === years.at(-1) ? years[0] : `${years[0]}–${years.at(-1)}`;
    parts.push(
      `${archive.length} older release${archive.length === 1 ? '' : 's'} from ${span} added to the archive (look them up with \`/sco <words> until:${years.at(-1)}\`)`,
    );
  }
  return parts.length ? `Also first seen in this period: ${parts.join('; ')}.` : null;
}

/**
 * The messages of one digest: a heading with the count and period, then each release (title,
 * date, two-sentence summary, link), split into as many messages as the platform's limits need,
 * never cutting a release. No releases: no messages, or one "nothing new" line when asked for.
 * Pure: the same input always gives the same messages (retries post identical text).
 */
export function buildDigest(input: DigestInput): Reply[] {
  const period = describePeriod(input.period, input.tz);
  const on = input.filter ? ` on “${input.filter}”` : '';
  const asked = new Set(input.backfill ?? []);
  const old = (r: Release) => !asked.has(r.id) && isArchive(r, input.period.since);
  const archive = input.releases.filter(old);
  const fresh = input.releases.filter((r) => !old(r)).sort(byDate);
  const listed = fresh.slice(0, MAX_ITEMS);
  const closing = notListed(archive, fresh.length - listed.length);
  if (listed.length === 0 && closing) {
    const heading = `SCO digest${on}: ${archive.length} older release${archive.length === 1 ? '' : 's'} added`;
    const blocks: Block[] = [{ type: 'heading', text: heading }, { type: 'context', text: [closing] }];
    return [replyOf(blocks, 'channel')];
  }
  if (input.releases.length === 0) {
    if (!input.nothingNewLine) return [];
    const blocks: Block[] = [{ type: 'context', text: [`SCO digest${on}: nothing new (${period}).`] }];
    return [replyOf(blocks, 'channel')];
  }
  const budget = Math.max(200, input.limits.charsPerMessage - HEADING_ROOM - (closing?.length ?? 0));
  const perMessage = Math.max(1, input.limits.itemsPerMessage);
  const items = listed.map((r) => itemOf(r, budget));
  const pages: DigestItem[][] = [];
  let page: DigestItem[] = [];
  let used = 0;
  for (const item of items) {
    if (page.length > 0 && (page.length >= perMessage || used + size(item) > budget)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += size(item);
  }
  pages.push(page);
  const n = fresh.length;
  const title = `SCO digest${on}: ${n} new release${n === 1 ? '' : 's'}`;
  return pages.map((items, i) => {
    const last = i === pages.length - 1;
    const part = pages.length > 1 ? ` (${i + 1}/${pages.length})` : '';
    const heading = `${title}${part}`;
    const blocks: Block[] = [
      { type: 'heading', text: heading },
      { type: 'context', text: [`First seen ${period}`] },
      { type: 'digest', items },
    ];
    if (last && closing) blocks.push({ type: 'context', text: [closing] });
    return replyOf(blocks, 'channel');
  });
}
