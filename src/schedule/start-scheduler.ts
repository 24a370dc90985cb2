import { randomUUID } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { Services } from '../services.ts';
import { NS } from '../ports/store.ts';
import type { Transport } from '../ports/transport.ts';
import { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Subscription } from '../subscriptions/subscription.ts';
import { boundTransports } from './bounded-transports.ts';
import { Deliverer, type DeliveryOptions, type DeliveryOutcome } from './deliver.ts';

export interface SchedulerOptions extends Partial<DeliveryOptions> {
  /** node-cron expression of the tick that looks for due digests; every minute by default. */
  tick?: string;
  /** Start the node-cron tick (false in tests that call runDue themselves). */
  autoStart?: boolean;
  /** Platform calls in flight at once per platform (default 16): a hung call takes one slot, not the tick. */
  concurrency?: number;
}

/** A crashed instance's subscriptions are picked up by another start after about this long. */
export const DEFAULT_LEASE_MS = 60_000;

export interface Scheduler {
  stop(): Promise<void>;
  /** Delivers every digest due at `now` (default: the app's clock); finishes interrupted ones. */
  runDue(now?: Date): Promise<void>;
  /** Posts a subscription's digest of everything new up to now (`/sco digest now`). */
  deliverNow(sub: Subscription): Promise<DeliveryOutcome>;
  /** Whether some transport serves this channel key in this process. */
  serves(channel: string): boolean;
}

/**
 * A run coordinator for node-cron over the shared store: the first instance to `add` the fire's
 * key (Redis SET NX PX, PostgreSQL INSERT ... ON CONFLICT) runs it, the others skip.
 */
export function storeRunCoordinator(app: Services, instanceId: string): RunCoordinator {
  const locks = app.store.namespace<string>(NS.locks);
  return { shouldRun: (key, ttlMs) => locks.add(`cron:${key}`, instanceId, ttlMs) };
}

/**
 * Starts the digest scheduler: a node-cron tick every minute finds the subscriptions whose
 * schedule has a run due and posts their digests through the transport whose `platform` is
 * the channel key's prefix. With a shared store (Redis, PostgreSQL) only one instance runs each
 * tick, and per-subscription locks and delivery records keep every digest to one post.
 */
export function startScheduler(app: Services, transports: Transport[], opts: SchedulerOptions = {}): Scheduler {
  const instanceId = opts.instanceId ?? randomUUID();
  const subs = new SubscriptionStore(app.store);
  const deliverer = new Deliverer(app, subs, {
    leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS,
    rateLimitRetries: opts.rateLimitRetries ?? 5,
    transientRetries: opts.transientRetries ?? 3,
    backoffMs: opts.backoffMs ?? 2000,
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    instanceId,
  });
  const log = app.logger.child({ component: 'scheduler' });
  const bounded = boundTransports(transports, opts.concurrency ?? 16);
  const transportFor = (channel: string) => bounded.find((t) => channel.startsWith(`${t.platform}:`));

  // Subscriptions being delivered by this process: a later tick does not start them again.
  const active = new Set<string>();

  const deliver = async (sub: Subscription, now: Date, immediate: boolean): Promise<DeliveryOutcome> => {
    const transport = transportFor(sub.channel);
    if (!transport) return 'not_due';
    try {
      return await deliverer.run(sub, transport, now, immediate);
    } catch (error) {
      // A store or library failure for one subscription must not stop the others.
      log.error({ err: error, subscription: sub.id }, 'digest delivery failed');
      return 'failed';
    }
  };

  let stopping = false;
  const deliverDue = async (sub: Subscription, now: Date): Promise<void> => {
    if (stopping || active.has(sub.id)) return;
    active.add(sub.id);
    try {
      await deliver(sub, now, false);
    } finally {
      active.delete(sub.id);
    }
  };

  const runDue = async (now: Date = app.clock()): Promise<void> => {
    let all: Subscription[];
    try {
      all = await subs.list();
    } catch (error) {
      log.warn({ err: error }, 'cannot read subscriptions; trying again at the next tick');
      return;
    }
    await Promise.all(all.filter((s) => !s.paused).map((s) => deliverDue(s, now)));
  };

  // Runs still going when stop() is called; awaited so the App is not closed under them.
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  };

  let task: ScheduledTask | undefined;
  if (opts.autoStart !== false) {
    const shared = app.store.kind === 'redis' || app.store.kind === 'postgres';
    // The tick does not wait for its deliveries: a channel whose post hangs keeps its own slot
    // (until the platform call times out) while the next ticks serve the other channels.
    task = cron.schedule(opts.tick ?? '* * * * *', () => void track(runDue()), {
      name: 'sco-digests',
      timezone: 'UTC',
      noOverlap: true,
      ...(shared ? { distributed: true, runCoordinator: storeRunCoordinator(app, instanceId), distributedLease: 50_000 } : {}),
    });
  }

  const scheduler: Scheduler = {
    runDue: (now) => track(runDue(now)),
    deliverNow: (sub) => track(deliver(sub, app.clock(), true)),
    serves: (channel) => transportFor(channel) !== undefined,
    async stop() {
      app.digests.attach(undefined);
      // No new deliveries; the ones under way finish and release their leases.
      stopping = true;
      if (task) await task.destroy();
      await Promise.allSettled([...inflight]);
    },
  };
  // `/sco digest now` posts through this scheduler (the App's digest service, not a global map).
  app.digests.attach(scheduler);
  return scheduler;
}
