import type { RefreshReport } from './types.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../ports/store.ts';
import type { RawRelease } from '../ports/source.ts';
import type { IndexWriter, FileRow } from '../index/index-writer.ts';
import type { Db } from '../index/schema.ts';
import { normalise, type Normalised } from '../releases/normalise.ts';
import type { LoadProblem } from '../releases/release.ts';
import { secretReason, type SecretGuard } from '../releases/secret-guard.ts';
import { capReleaseText, MAX_RELEASE_BYTES, megabytes } from '../text/limits.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { recordFirstSeen } from './first-seen.ts';

export interface UpdateDeps {
  db: Db;
  writer: IndexWriter;
  store: Store;
  logger: Logger;
  clock: () => Date;
  taxonomy: Taxonomy;
}

/** A release read and normalised, with the file it came from when it is content. */
export interface Prepared {
  item: Normalised;
  file?: FileRow;
}

export interface PrepareOptions {
  /** Secrets no release may hold; without it only the secret variables' names are looked for. */
  guard?: SecretGuard;
  /** The last plausible publication date; a later one loads with a warning. */
  latestDate?: string;
}

/**
 * Normalises raws; the ones that fail become problems with their path (or id) and reason, and
 * so do warnings about the ones that load (cut to the size cap, dated in the future). Text that
 * holds secrets is refused before anything of it is kept.
 */
export function prepare(raws: RawRelease[], taxonomy: Taxonomy, problems: LoadProblem[], options: PrepareOptions = {}): Normalised[] {
  const out: Normalised[] = [];
  const guard = options.guard ?? { values: [] };
  for (const source of raws) {
    const path = source.path ?? source.url ?? source.id;
    let raw = source;
    try {
      const refused = secretReason(`${raw.title ?? ''}\n${raw.text}`, guard);
      if (refused) throw new Error(refused);
      // Content files are cut as they are read; live pages are cut here.
      const capped = capReleaseText(raw.text);
      if (capped.cut) {
        raw = { ...raw, text: capped.text };
        problems.push({ path, reason: `over the ${megabytes(MAX_RELEASE_BYTES)} cap for one release; only its first ${megabytes(MAX_RELEASE_BYTES)} is indexed` });
      }
      const item = normalise(raw, taxonomy, options.latestDate ? { latestDate: options.latestDate } : {});
      for (const reason of item.warnings) problems.push({ path, reason });
      out.push(item);
    } catch (e) {
      problems.push({ path, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/**
 * Writes prepared releases and removals in one transaction, recording first-seen times in the
 * store for releases the index has not held before. Unchanged hashes are skipped unless forced.
 */
export async function applyUpdates(
  deps: UpdateDeps,
  prepared: Prepared[],
  removals: { ids: string[]; files: string[] },
  report: RefreshReport,
  force = false,
): Promise<void> {
  // One hash lookup per release: it says both whether it changed and whether it is new.
  const changes: Prepared[] = [];
  const touched: Prepared[] = [];
  const newIds: string[] = [];
  for (const p of prepared) {
    const stored = deps.writer.hashOf(p.item.release.id);
    if (stored === null) newIds.push(p.item.release.id);
    if (force || stored !== p.item.release.hash) changes.push(p);
    else if (p.file) touched.push(p);
  }
  const firstSeen = await recordFirstSeenSafely(deps, newIds);
  // Immediate: take the write lock up front, so two processes refreshing at once queue
  // instead of failing to upgrade a read lock.
  deps.db.transaction(() => {
    for (const id of removals.ids) if (deps.writer.remove(id)) report.removed.push(id);
    for (const name of removals.files) deps.writer.removeFile(name);
    for (const p of changes) {
      const { release, sentences } = p.item;
      const added = deps.writer.upsert(release, sentences, firstSeen.get(release.id) ?? null);
      (added ? report.added : report.changed).push(release.id);
      if (p.file) deps.writer.setFile(p.file);
    }
    for (const p of touched) deps.writer.setFile(p.file!);
    deps.writer.flushWords();
  }).immediate();
}

/**
 * First-seen times, or none when the store is down: the releases are still indexed and
 * searchable, and backfillFirstSeen records them on a later refresh.
 */
async function recordFirstSeenSafely(deps: UpdateDeps, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  try {
    return await recordFirstSeen(deps.store, ids, deps.clock().toISOString());
  } catch (e) {
    deps.logger.warn({ err: (e as Error).message, releases: ids.length }, 'store unavailable; first-seen times will be recorded later');
    return new Map();
  }
}

/** Records first-seen times the store could not take before. Cheap when there are none. */
export async function backfillFirstSeen(deps: UpdateDeps): Promise<void> {
  const ids = deps.db.prepare(`SELECT id FROM releases WHERE first_seen IS NULL`).pluck().all() as string[];
  const seen = await recordFirstSeenSafely(deps, ids);
  if (!seen.size) return;
  const set = deps.db.prepare(`UPDATE releases SET first_seen = ? WHERE id = ? AND first_seen IS NULL`);
  deps.db.transaction(() => {
    for (const [id, at] of seen) set.run(at, id);
  }).immediate();
}
