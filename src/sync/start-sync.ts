import { hostname } from 'node:os';
import cron from 'node-cron';
import { BotError } from '../errors.ts';
import { NS } from '../ports/store.ts';
import { acquireLease } from '../store/lease.ts';
import type { FetchTuning } from './build-sources.ts';
import { watchContent, type WatchOptions } from './content-watcher.ts';
import { restoreFromArchive } from './release-archive.ts';
import { runSync, type SyncServices } from './run-sync.ts';

export interface StartSyncOptions {
  /** Run the live sources on SYNC_CRON (default true; SYNC_CRON "off" also disables it). */
  cron?: boolean;
  /** Watch the content folder (default true). */
  watch?: boolean | WatchOptions;
  fetch?: FetchTuning;
  /** How long the shared sync lock outlives a crashed holder (default 1 minute; renewed while syncing). */
  lockTtlMs?: number;
}

/** In the locks namespace beside the scheduler's `cron:` and `deliver:` locks. */
const LOCK_KEY = 'sync:scheduled';

/**
 * Keeps a running bot current: syncs the live sources on SYNC_CRON and refreshes the index when
 * files in the content folder change. `stop()` ends both and waits for a sync in progress to halt.
 */
export function startSync(app: SyncServices, opts: StartSyncOptions = {}): { stop(): Promise<void> } {
  const log = app.logger.child({ component: 'sync' });
  const expr = app.config.syncCron.trim();
  const off = opts.cron === false || /^(off|none|never|disabled?)$/i.test(expr);
  if (!off && !cron.validate(expr)) {
    throw new BotError('config', `SYNC_CRON: "${expr}" is not a cron expression; use five fields such as */15 * * * * (or "off")`);
  }
  const ctrl = new AbortController();
  let inFlight: Promise<unknown> | null = null;
  const locks = app.store.namespace<string>(NS.locks);
  const ttl = opts.lockTtlMs ?? 60_000;
  // Instances sharing a store take turns: one sync per fire. A long first sync keeps renewing the
  // lock; the TTL frees the lock of a crashed instance.
  const lockedSync = async () => {
    const holder = `${hostname()}:${process.pid}:${app.clock().toISOString()}`;
    const lease = await acquireLease(locks, LOCK_KEY, holder, { ttlMs: ttl });
    if (!lease) {
      log.info('another instance is syncing; taking in what it has stored so far');
      await restoreFromArchive(app).catch((e: unknown) => log.error({ err: e }, 'restoring live releases failed'));
      return;
    }
    try {
      await runSync(app, { signal: ctrl.signal, fetch: opts.fetch });
    } catch (e) {
      log.error({ err: e }, 'scheduled sync failed');
    } finally {
      await lease.release().catch((e: unknown) => log.warn({ err: e }, 'could not release the sync lock; it lapses by itself'));
    }
  };
  const task = off
    ? null
    : cron.schedule(
        expr,
        async () => {
          if (inFlight) return;
          inFlight = lockedSync().finally(() => {
            inFlight = null;
          });
          await inFlight;
        },
        { name: 'sco-sync', noOverlap: true, timezone: app.config.defaultTimezone },
      );
  if (task) log.info({ cron: expr }, `live sources sync on "${expr}"`);
  // A deleted index gets its live releases back at start, not at the next fire.
  const restoring = restoreFromArchive(app).catch((e: unknown) => log.error({ err: e }, 'restoring live releases failed'));
  const watcher = opts.watch === false ? null : watchContent(app, typeof opts.watch === 'object' ? opts.watch : {});
  return {
    async stop() {
      await task?.destroy();
      ctrl.abort();
      await inFlight;
      await restoring;
      await watcher?.stop();
    },
  };
}
