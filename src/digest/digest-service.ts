import type { Reply } from '../bot/reply.ts';
import { BotError } from '../errors.ts';
import type { Store } from '../ports/store.ts';
import type { Release } from '../releases/release.ts';
import { nextRun } from '../schedule/schedule.ts';
import { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Schedule, Subscription } from '../subscriptions/subscription.ts';
import { digestMessages, planDigest, type DigestPlan, type LibraryView } from './plan-digest.ts';

/** What posting a digest now came to (the scheduler's delivery outcomes). */
export type PostNowOutcome = 'posted' | 'empty' | 'not_due' | 'busy' | 'paused' | 'failed';

/** The running delivery (the scheduler) that `digest now` posts through. */
export interface DigestPoster {
  deliverNow(sub: Subscription): Promise<PostNowOutcome>;
  /** Whether a platform connected in this process serves the channel. */
  serves(channel: string): boolean;
}

export interface DigestPreview {
  sub: Subscription;
  plan: DigestPlan;
  /** The messages `digest now` would post, split as the preview shows them. */
  replies: Reply[];
  /** The next scheduled run. */
  next: Date;
}

/**
 * Digests for commands and adapters: the preview, posting now and a digest over any period
 * (`sco digest`). Each plans with planDigest and renders with digestMessages, as scheduled
 * delivery does.
 */
export class DigestService {
  readonly subscriptions: SubscriptionStore;
  private poster: DigestPoster | undefined;

  constructor(private readonly deps: { store: Store; library: LibraryView; clock: () => Date }) {
    this.subscriptions = new SubscriptionStore(deps.store);
  }

  /** Connects (or, with undefined, disconnects) the scheduler that posts `digest now`. */
  attach(poster: DigestPoster | undefined): void {
    this.poster = poster;
  }

  /** The channel's active subscriptions; a clear refusal when it has none. */
  async active(channel: string): Promise<Subscription[]> {
    const subs = (await this.subscriptions.list(channel)).filter((s) => !s.paused);
    if (subs.length === 0) throw new BotError('not_found', 'This channel has no active digest subscription. Start one with `/sco subscribe`.');
    return subs;
  }

  /** What `digest now` would post for each of the channel's subscriptions, at this moment. */
  async preview(channel: string, limits: { itemsPerMessage: number; charsPerMessage: number }): Promise<DigestPreview[]> {
    const now = this.deps.clock();
    const out: DigestPreview[] = [];
    for (const sub of await this.active(channel)) {
      const cursor = await this.subscriptions.cursor(sub);
      const plan = planDigest(sub, cursor, this.deps.library, now, true)!;
      out.push({ sub, plan, replies: digestMessages(sub, plan, this.deps.library, limits), next: nextRun(sub.schedule, new Date(cursor.slot)) });
    }
    return out;
  }

  /** Posts each of the channel's digests now, through the running scheduler. */
  async postNow(channel: string): Promise<PostNowOutcome[]> {
    const subs = await this.active(channel);
    const poster = this.poster;
    if (!poster?.serves(channel)) {
      throw new BotError('unavailable', 'Digests are not being delivered from here right now; try `/sco digest preview`.');
    }
    return Promise.all(subs.map((s) => poster.deliverNow(s)));
  }

  /**
   * The digest of the releases first seen at or after `since` up to now, optionally on a topic:
   * what a subscription whose last digest was at `since` would post now.
   */
  since(
    since: string,
    options: { filter?: string; tz: string; nothingNewLine?: boolean },
    limits: { itemsPerMessage: number; charsPerMessage: number },
  ): { releases: Release[]; replies: Reply[] } {
    const schedule: Schedule = { kind: 'daily', at: '09:00', tz: options.tz };
    const sub = { schedule, ...(options.filter ? { filter: options.filter } : {}), ...(options.nothingNewLine ? { nothingNewLine: true } : {}) };
    const plan = planDigest(sub, { since, slot: since }, this.deps.library, this.deps.clock(), true)!;
    const releases = plan.releaseIds.map((id) => this.deps.library.get(id)).filter((r): r is Release => r !== null);
    return { releases, replies: digestMessages(sub, plan, this.deps.library, limits) };
  }
}
