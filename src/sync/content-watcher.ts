import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../services.ts';

export interface WatchOptions {
  /** Quiet time after the last file event before the index is refreshed. */
  debounceMs?: number;
  /** A refresh this often anyway, in case the platform drops file events (0 = never). */
  pollMs?: number;
}

/**
 * Watches the content folder (and its releases/ folder) and refreshes the library shortly after
 * files are added, changed or removed, so they are searchable within seconds without a restart.
 */
export function watchContent(app: Services, opts: WatchOptions = {}): { stop(): Promise<void> } {
  const log = app.logger.child({ component: 'watch' });
  const debounceMs = opts.debounceMs ?? 300;
  const dirs = [app.config.contentDir, join(app.config.contentDir, 'releases')].filter((d) => existsSync(d));
  let timer: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const refresh = async (): Promise<void> => {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          const r = await app.library.refresh();
          if (r.added.length || r.changed.length || r.removed.length) {
            log.info(
              { added: r.added, changed: r.changed, removed: r.removed },
              `content folder changed: ${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed`,
            );
          }
          for (const p of r.problems) log.warn({ path: p.path, reason: p.reason }, `cannot load ${p.path}: ${p.reason}`);
        } catch (e) {
          log.error({ err: e }, 'refreshing the content folder failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      const w = watch(dir, { persistent: false }, schedule);
      w.on('error', (e) => log.warn({ err: e, dir }, `stopped watching ${dir}; periodic refresh continues`));
      watchers.push(w);
    } catch (e) {
      log.warn({ err: e, dir }, `cannot watch ${dir}`);
    }
  }
  const poll = opts.pollMs === 0 ? undefined : setInterval(() => void refresh(), opts.pollMs ?? 60_000);
  poll?.unref();
  log.info({ dirs }, 'watching the content folder');

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const w of watchers) w.close();
      await refreshing;
    },
  };
}
