import type { Reply } from '../bot/reply.ts';
import type { Library } from '../library/types.ts';
import type { Release } from '../releases/release.ts';
import { dueRun } from '../schedule/schedule.ts';
import type { CursorState, Subscription } from '../subscriptions/subscription.ts';
import { buildDigest } from './build-digest.ts';

/** What a digest reads of the library: releases by first-seen time, and by id. */
export type LibraryView = Pick<Library, 'seenSince' | 'get'>;

/** What the next digest of a subscription holds: the period and the releases in it. */
export interface DigestPlan {
  /** Releases first seen at or after this instant (the cursor) ... */
  since: string;
  /** ... and before this one: the due schedule slot, or now for `digest now` and the preview. */
  until: string;
  /** The schedule slot this digest stands for; null when it is posted out of schedule. */
  slot: string | null;
  /** Every release the digest holds: those asked for with `backfill N` first, then the new ones. */
  releaseIds: string[];
  /** Releases asked for with `backfill N`: listed even when old. */
  backfill?: string[];
}

/**
 * The one place that decides what a digest holds; scheduled delivery, `digest now`, the
 * preview and `sco digest` all come here, so they cannot disagree. Pure but for reading the
 * library: the same subscription, cursor, library and time give the same plan.
 * `immediate` plans the digest of everything up to `now`; otherwise the one due at `now`, or
 * null when no run is due.
 */
export function planDigest(
  sub: Pick<Subscription, 'schedule' | 'filter'>,
  cursor: CursorState,
  library: LibraryView,
  now: Date,
  immediate = false,
): DigestPlan | null {
  const slot = immediate ? now : dueRun(sub.schedule, new Date(cursor.slot), now);
  if (!slot) return null;
  const until = slot.toISOString();
  const found = library.seenSince(cursor.since, { until, ...(sub.filter ? { filter: sub.filter } : {}) });
  const extra = cursor.extra ?? [];
  return {
    since: cursor.since,
    until,
    slot: immediate ? null : until,
    releaseIds: [...new Set([...extra, ...found.map((r) => r.id)])],
    ...(extra.length ? { backfill: extra } : {}),
  };
}

/**
 * The messages of a planned digest within a platform's limits. A release removed since the plan
 * was made is left out (a delivery resumed after a crash plans nothing anew).
 */
export function digestMessages(
  sub: Pick<Subscription, 'schedule' | 'filter' | 'nothingNewLine'>,
  plan: Pick<DigestPlan, 'since' | 'until' | 'releaseIds' | 'backfill'>,
  library: LibraryView,
  limits: { itemsPerMessage: number; charsPerMessage: number },
): Reply[] {
  const releases = plan.releaseIds.map((id) => library.get(id)).filter((r): r is Release => r !== null);
  return buildDigest({
    releases,
    period: { since: plan.since, until: plan.until },
    limits,
    tz: sub.schedule.tz,
    ...(sub.filter ? { filter: sub.filter } : {}),
    ...(sub.nothingNewLine ? { nothingNewLine: true } : {}),
    ...(plan.backfill?.length ? { backfill: plan.backfill } : {}),
  });
}
