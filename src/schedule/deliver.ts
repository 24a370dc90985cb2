import type { Services } from '../services.ts';
import { digestMessages, planDigest } from '../digest/plan-digest.ts';
import { NS, type Namespace } from '../ports/store.ts';
import type { PostResult, Transport } from '../ports/transport.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Subscription } from '../subscriptions/subscription.ts';
import { acquireLease, type Lease } from '../store/lease.ts';
import { dueRun } from './schedule.ts';

/**
 * A digest being delivered, written before the first post so a crash can be finished later
 * without posting twice. One per subscription: the current (or last) delivery.
 */
export interface DeliveryRecord {
  /** `<subscription id>@<period end>`; part n posts with idempotency key `<key>/<n>`. */
  key: string;
  channel: string;
  since: string;
  until: string;
  /** The schedule slot this delivery stands for; null for `/sco digest now`. */
  slot: string | null;
  releaseIds: string[];
  /** Releases asked for with `backfill N`: listed even when old. */
  backfill?: string[];
  /** Message id of each part once the platform confirmed it. */
  posted: (string | null)[];
  state: 'pending' | 'done' | 'failed';
  /** Resumptions in a row that could not learn from the platform what already went out. */
  unchecked?: number;
}

const MAX_WAIT_MS = 60_000;
/**
 * Resumptions in a row a pending delivery may fail to read the channel's history before its
 * subscription pauses with the reason: posting blind could post a part twice, and retrying
 * forever in silence would never deliver the digest nor tell anyone why.
 */
const MAX_UNCHECKED = 3;

export type DeliveryOutcome = 'posted' | 'empty' | 'not_due' | 'busy' | 'paused' | 'failed';

export interface DeliveryOptions {
  /**
   * How long a subscription's delivery lock outlives an instance that stopped renewing it (a
   * crash); a live instance renews it every third of this while it works.
   */
  leaseMs: number;
  rateLimitRetries: number;
  transientRetries: number;
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
  instanceId: string;
}

/** Posts one subscription's digests: claim, record, post, confirm, advance. */
export class Deliverer {
  private readonly deliveries: Namespace<DeliveryRecord>;
  private readonly locks: Namespace<string>;

  constructor(
    private readonly app: Services,
    private readonly subs: SubscriptionStore,
    private readonly options: DeliveryOptions,
  ) {
    this.deliveries = app.store.namespace<DeliveryRecord>(NS.deliveries);
    this.locks = app.store.namespace<string>(NS.locks);
  }

  /**
   * Finishes any interrupted delivery of `sub`, then posts the digest due at `now` (or, with
   * `immediate`, the digest of everything new up to now).
   */
  async run(sub: Subscription, transport: Transport, now: Date, immediate = false): Promise<DeliveryOutcome> {
    if (!immediate && !(await this.mayHaveWork(sub, now))) return 'not_due';
    // Per-subscription lock: one instance at a time, across processes on a shared store.
    const lease = await acquireLease(this.locks, `deliver:${sub.id}`, this.options.instanceId, { ttlMs: this.options.leaseMs });
    if (!lease) return 'busy';
    try {
      let cursor = await this.subs.cursor(sub);
      const last = await this.deliveries.get(sub.id);
      if (last?.state === 'pending') {
        const outcome = await this.complete(sub, last, transport, lease, true);
        if (outcome !== 'posted' && outcome !== 'empty') return outcome;
        cursor = await this.subs.cursor(sub);
      } else if (last?.state === 'done' && last.until > cursor.since) {
        // Crashed after the post was confirmed but before the cursor moved: move it now.
        cursor = this.advanced(cursor, last);
        await this.subs.setCursor(sub.id, cursor);
      }
      // What the digest holds is decided in one place, for delivery, preview and `sco digest` alike.
      const plan = planDigest(sub, cursor, this.app.library, now, immediate);
      if (!plan) return 'not_due';
      const record: DeliveryRecord = { key: `${sub.id}@${plan.until}`, channel: sub.channel, ...plan, posted: [], state: 'pending' };
      await this.deliveries.set(sub.id, record);
      return await this.complete(sub, record, transport, lease, false);
    } finally {
      // Only our own lock: after a lost lease another instance may hold it now.
      await lease.release().catch(() => undefined);
    }
  }

  /** A lock-free look first, so the every-minute tick costs two reads per idle subscription. */
  private async mayHaveWork(sub: Subscription, now: Date): Promise<boolean> {
    const [cursor, last] = await Promise.all([this.subs.cursor(sub), this.deliveries.get(sub.id)]);
    if (last?.state === 'pending' || (last?.state === 'done' && last.until > cursor.since)) return true;
    return dueRun(sub.schedule, new Date(cursor.slot), now) !== null;
  }

  private advanced(cursor: { since: string; slot: string }, record: DeliveryRecord) {
    return { since: record.until, slot: record.slot ?? cursor.slot };
  }

  private async complete(sub: Subscription, record: DeliveryRecord, transport: Transport, lease: Lease, resumed: boolean): Promise<DeliveryOutcome> {
    const log = this.app.logger.child({ subscription: sub.id, delivery: record.key });
    const replies = digestMessages(sub, record, this.app.library, transport.limits);
    for (const [i, reply] of replies.entries()) {
      if (record.posted[i]) continue;
      // Another instance took the subscription over (our renewals failed): it finishes the job.
      if (!lease.held()) {
        log.warn('delivery lock lost; leaving the rest to the instance that holds it');
        return 'busy';
      }
      const idempotencyKey = `${record.key}/${i + 1}`;
      if (resumed) {
        // We may have crashed after this part went out: ask the platform before posting again.
        const existing = await this.landed(transport, sub.channel, idempotencyKey);
        if (existing instanceof Error) return this.unchecked(sub, record, existing, log);
        if (record.unchecked) {
          delete record.unchecked;
          await this.deliveries.set(sub.id, record);
        }
        if (existing) {
          record.posted[i] = existing;
          await this.deliveries.set(sub.id, record);
          log.info({ part: i + 1 }, 'digest part was already posted; not posting again');
          continue;
        }
      }
      // `thread`: the digest's first message opens a thread for the follow-ups.
      const result = await this.post(transport, sub.channel, i === 0 && sub.thread ? { ...reply, openThread: true } : reply, idempotencyKey, log);
      if (!result.ok) {
        if (result.kind === 'forbidden' || result.kind === 'not_found') {
          const reason =
            result.kind === 'forbidden'
              ? `the bot may not post in this channel (${result.detail})`
              : `the channel was not found (${result.detail})`;
          record.state = 'failed';
          await this.deliveries.set(sub.id, record);
          await this.subs.pause(sub.id, reason, this.app.clock());
          log.warn({ kind: result.kind, detail: result.detail }, 'subscription paused');
          return 'paused';
        }
        // Still pending: the next tick resumes it, asking the platform what already went out.
        log.warn({ kind: result.kind, detail: result.detail }, 'digest not delivered; will retry');
        return 'failed';
      }
      record.posted[i] = result.messageId;
      await this.deliveries.set(sub.id, record);
    }
    record.state = 'done';
    await this.deliveries.set(sub.id, record);
    const cursor = await this.subs.cursor(sub);
    await this.subs.setCursor(sub.id, this.advanced(cursor, record));
    if (replies.length > 0) log.info({ releases: record.releaseIds.length, messages: replies.length }, 'digest posted');
    return replies.length > 0 ? 'posted' : 'empty';
  }

  /** The platform could not say what went out: retry at the next tick, and pause after a few. */
  private async unchecked(sub: Subscription, record: DeliveryRecord, error: Error, log: Services['logger']): Promise<DeliveryOutcome> {
    record.unchecked = (record.unchecked ?? 0) + 1;
    if (record.unchecked < MAX_UNCHECKED) {
      await this.deliveries.set(sub.id, record);
      log.warn({ err: error, attempts: record.unchecked }, 'could not check what the interrupted digest already posted; trying again at the next tick');
      return 'failed';
    }
    // The digest stays pending with its releases: resuming the subscription finishes it.
    delete record.unchecked;
    await this.deliveries.set(sub.id, record);
    const reason = `I could not read this channel's history to check what the interrupted digest already posted (${error.message}); let the bot read the channel's history, then resume it`;
    await this.subs.pause(sub.id, reason, this.app.clock());
    log.warn({ err: error }, 'subscription paused: cannot check what was posted');
    return 'paused';
  }

  /**
   * One post with the platform's retry-after and a bounded backoff for transient failures. A
   * transient failure is ambiguous (a 500, a reset or a timeout may come after the platform
   * stored the message), so before posting again the platform is asked, as after a crash.
   */
  private async post(
    transport: Transport,
    channel: string,
    reply: Parameters<Transport['post']>[1],
    idempotencyKey: string,
    log: Services['logger'],
  ): Promise<PostResult> {
    let rateLimited = 0;
    let transient = 0;
    for (;;) {
      let result: PostResult;
      try {
        result = await transport.post(channel, reply, { idempotencyKey });
      } catch (error) {
        // Transports should classify failures; a throw is treated as transient.
        result = { ok: false, kind: 'transient', detail: (error as Error).message };
      }
      if (result.ok || result.kind === 'forbidden' || result.kind === 'not_found') return result;
      // A long retry-after is not slept through while holding the lease: a later tick resumes.
      if (result.kind === 'rate_limited' && result.retryAfterMs <= MAX_WAIT_MS && rateLimited++ < this.options.rateLimitRetries) {
        log.info({ retryAfterMs: result.retryAfterMs }, 'rate limited; waiting as the platform asks');
        await this.options.sleep(Math.max(0, result.retryAfterMs));
        continue;
      }
      if (result.kind === 'transient' && transient < this.options.transientRetries) {
        await this.options.sleep(this.options.backoffMs * 2 ** transient++);
        const landed = await this.landed(transport, channel, idempotencyKey);
        if (landed instanceof Error) {
          log.warn({ err: landed }, 'could not check whether the failed post went out; trying again at the next tick');
          return result;
        }
        if (landed !== null) {
          log.info({ detail: result.detail }, 'the failed post reached the channel after all; not posting again');
          return { ok: true, messageId: landed };
        }
        continue;
      }
      return result;
    }
  }

  /**
   * Whether a message with this key went out: its id, null when it did not (or the platform
   * cannot tell), or the error when the platform could not say now. Then the record stays
   * pending and a later tick asks again, rather than risking a second copy.
   */
  private async landed(transport: Transport, channel: string, idempotencyKey: string): Promise<string | null | Error> {
    if (!transport.findPosted) return null;
    try {
      return await transport.findPosted(channel, idempotencyKey);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}
