import type { Namespace } from '../ports/store.ts';

/** A lock held in the shared store, renewed while its holder works. */
export interface Lease {
  /** False once a renewal found another holder: work that needs the lock should stop. */
  held(): boolean;
  /** Stops renewing and deletes the lock if this holder still has it. Safe to call twice. */
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** How long the lock outlives a holder that stopped renewing (a crashed process). */
  ttlMs: number;
  /** How often a live holder renews; a third of the TTL by default, so two renewals may fail. */
  renewEveryMs?: number;
}

/**
 * Takes `key` in `locks` for `owner` when nobody holds it (the store's atomic set-if-absent), and
 * keeps it while the work runs: a short TTL frees a crashed holder's lock soon, and renewals keep
 * a long but live one from lapsing. Null when another holder has it.
 *
 * The store has no compare-and-set, so a renewal reads and then writes; that can only go wrong if
 * our lease already ran out between two renewals, which the TTL/3 cadence makes a store outage.
 */
export async function acquireLease(locks: Namespace<string>, key: string, owner: string, options: LeaseOptions): Promise<Lease | null> {
  if (!(await locks.add(key, owner, options.ttlMs))) return null;
  let held = true;
  let stopped = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = async () => {
    try {
      if ((await locks.get(key)) !== owner) {
        held = false;
        stop();
        return;
      }
      // release() may have begun while we read: do not bring a released lock back.
      if (!stopped) await locks.set(key, owner, options.ttlMs);
    } catch {
      // A store blip: the lock still has most of its TTL; the next renewal tries again.
    }
  };
  const timer = setInterval(() => {
    renewing = renewing.then(renew);
  }, options.renewEveryMs ?? Math.max(1, Math.floor(options.ttlMs / 3)));
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  let released: Promise<void> | undefined;
  return {
    held: () => held,
    release() {
      released ??= (async () => {
        stop();
        await renewing;
        if (held && (await locks.get(key)) === owner) await locks.delete(key);
        held = false;
      })();
      return released;
    },
  };
}
