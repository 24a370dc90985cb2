/** When a subscription's digests go out; times are wall-clock in `tz`. */
export type Schedule =
  | { kind: 'daily'; at: string; tz: string }
  /** `day`: 0 = Sunday ... 6 = Saturday. */
  | { kind: 'weekly'; day: number; at: string; tz: string }
  /** Every hour at minute `minute`. */
  | { kind: 'hourly'; minute: number; tz: string }
  /** A five-field cron expression. */
  | { kind: 'cron'; expr: string; tz: string };

/** A channel's standing order for digests. */
export interface Subscription {
  /** Short id people type in `/sco unsubscribe <id>`. */
  id: string;
  /** Opaque channel key, e.g. `slack:T1:C2`. */
  channel: string;
  schedule: Schedule;
  /** A topic or query the releases must match; absent = everything. */
  filter?: string;
  createdBy: string;
  /** ISO instant; also the anchor of the first scheduled run. */
  createdAt: string;
  /** ISO instant: releases first seen at or after it go into the first digest. */
  cursor: string;
  /** Set when delivery failed for good (bot removed, channel gone); no digests until resubscribed. */
  paused?: { reason: string; at: string };
  /** Post a short "nothing new" line when a period has no releases. */
  nothingNewLine?: boolean;
  /** Each digest opens a thread (Discord), so answers and follow-ups about it stay together. */
  thread?: boolean;
}

/**
 * Where a subscription's delivery stands, kept apart from the subscription so delivery and
 * people editing subscriptions never overwrite each other.
 */
export interface CursorState {
  /** Releases first seen at or after this instant are not yet delivered. */
  since: string;
  /** The last schedule slot handled (ISO); the next run is the schedule's next match after it. */
  slot: string;
  /** Release ids to add to the next digest once (from `backfill N`). */
  extra?: string[];
}
