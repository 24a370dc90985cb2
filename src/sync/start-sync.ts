import cron from 'node-cron';
import type { App } from '../app.ts';
import { BotError } from '../errors.ts';
import type { FetchTuning } from './build-sources.ts';
import { watchContent, type WatchOptions } from './content-watcher.ts';
import { runSync } from './run-sync.ts';

export interface StartSyncOptions {
  /** Run the live sources on SYNC_CRON (default true; SYNC_CRON "off" also disables it). */
  cron?: boolean;
  /** Watch the content folder (default true). */
  watch?: boolean | WatchOptions;
  fetch?: FetchTuning;
}

/**
 * Keeps a running bot current: syncs the live sources on SYNC_CRON and refreshes the index when
 * files in the content folder change. `stop()` ends both and waits for a sync in progress to halt.
 */
export function startSync(app: App, opts: StartSyncOptions = {}): { stop(): Promise<void> } {
  const log = app.logger.child({ component: 'sync' });
  const expr = app.config.syncCron.trim();
  const off = opts.cron === false || /^(off|none|never|disabled?)$/i.test(expr);
  if (!off && !cron.validate(expr)) {
    throw new BotError('config', `SYNC_CRON: "${expr}" is not a cron expression; use five fields such as */15 * * * * (or "off")`);
  }
  const ctrl = new AbortController();
  let inFlight: Promise<unknown> | null = null;
  const task = off
    ? null
    : cron.schedule(
        expr,
        async () => {
          if (inFlight) return;
          inFlight = runSync(app, { signal: ctrl.signal, fetch: opts.fetch })
            .catch((e: unknown) => log.error({ err: e }, 'scheduled sync failed'))
            .finally(() => {
              inFlight = null;
            });
          await inFlight;
        },
        { name: 'sco-sync', noOverlap: true, timezone: app.config.defaultTimezone },
      );
  if (task) log.info({ cron: expr }, `live sources sync on "${expr}"`);
  const watcher = opts.watch === false ? null : watchContent(app, typeof opts.watch === 'object' ? opts.watch : {});
  return {
    async stop() {
      await task?.destroy();
      ctrl.abort();
      await inFlight;
      await watcher?.stop();
    },
  };
}
