import type { Services } from '../services.ts';
import type { RawRelease } from '../ports/source.ts';
import { NS } from '../ports/store.ts';
import { pushAll } from '../util/arrays.ts';

const PREFIX = 'raw|';

/**
 * Live releases are kept in the store as fetched, because the index is derived data: when it is
 * deleted, or another instance sharing the store fetched them, they are restored from here
 * instead of from the network (the sources remember them as done and would not fetch again).
 */
export async function archiveRaws(app: Services, raws: RawRelease[]): Promise<void> {
  const ns = app.store.namespace<RawRelease>(NS.sync);
  for (const raw of raws) await ns.set(`${PREFIX}${raw.id}`, raw);
}

/** Ingests archived releases the index lacks; returns their ids. First-seen times are kept. */
export async function restoreFromArchive(app: Services): Promise<string[]> {
  const ns = app.store.namespace<RawRelease>(NS.sync);
  const missing = (await ns.keys())
    .filter((k) => k.startsWith(PREFIX) && app.library.get(k.slice(PREFIX.length)) === null);
  const restored: string[] = [];
  for (let i = 0; i < missing.length; i += 50) {
    const raws = (await Promise.all(missing.slice(i, i + 50).map((k) => ns.get(k)))).filter((r): r is RawRelease => r !== undefined);
    const report = await app.library.ingest(raws);
    pushAll(pushAll(restored, report.added), report.changed);
  }
  if (restored.length) app.logger.info({ count: restored.length }, `restored ${restored.length} live releases from the store into the index`);
  return restored;
}
