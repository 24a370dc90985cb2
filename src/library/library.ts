import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { IndexReader, RELEASE_COLUMNS, toRelease, type ReleaseRow } from '../index/index-reader.ts';
import { IndexWriter } from '../index/index-writer.ts';
import { diffContent } from '../index/content-sync.ts';
import { getMeta, openIndexDb, setMeta, type Db } from '../index/schema.ts';
import { Searcher } from '../index/searcher.ts';
import { TopLists, type ListSettings } from '../index/top-lists.ts';
import type { Logger } from '../logger.ts';
import type { RawRelease } from '../ports/source.ts';
import type { Store } from '../ports/store.ts';
import type { LoadProblem, Release, SeenRelease } from '../releases/release.ts';
import { describeReadError, readContentFile } from '../releases/read-content-file.ts';
import { scanContent } from '../releases/scan-content.ts';
import { loadTaxonomyCached } from '../taxonomy/cached-taxonomy.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import type { TaxonomyCache } from '../taxonomy/cached-taxonomy.ts';
import { pushAll } from '../util/arrays.ts';
import { NORMALISER_VERSION } from '../releases/normalise.ts';
import { secretGuardOf, type SecretGuard } from '../releases/secret-guard.ts';
import { applyUpdates, backfillFirstSeen, prepare, type Prepared, type PrepareOptions, type UpdateDeps } from './release-updates.ts';
import type { Library, RefreshReport, SearchOptions, SearchOutcome, SentenceHit, Topic } from './types.ts';

export interface LibraryDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: () => Date;
  /** Ranking lists' sizes; the defaults suit any real archive. */
  lists?: ListSettings;
}

/** Content files read, normalised and written per transaction during a refresh. */
const REFRESH_BATCH = 500;

/** The index file under the data folder. */
export const INDEX_FILE = 'index.sqlite';

/**
 * Opens the library over `<contentDir>/releases/`, `<contentDir>/topics.yml` and the index in
 * the data folder (created, or rebuilt when missing, corrupt or old). Call refresh() to bring
 * the index up to date with the folder.
 */
export async function openLibrary(deps: LibraryDeps): Promise<Library> {
  const log = deps.logger.child({ part: 'library' });
  const { db, fresh } = openIndexDb(join(deps.config.dataDir, INDEX_FILE), log);
  if (fresh) log.info('search index created; it fills on the first refresh');
  return new SqliteLibrary(deps, db, log);
}

class SqliteLibrary implements Library {
  private readonly releasesDir: string;
  private readonly topicsPath: string;
  private taxonomy: Taxonomy;
  private taxonomyProblems: LoadProblem[];
  private taxonomyStamp: string;
  private readonly taxonomyCache: TaxonomyCache;
  /** Hash of the loaded topics, compared with the one the index was tagged with. */
  private taxonomySignature: string | undefined;
  private readonly writer: IndexWriter;
  private readonly reader: IndexReader;
  private readonly searcher: Searcher;
  private readonly lists: TopLists;
  private readonly guard: SecretGuard;
  /** Refreshes and ingests run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: LibraryDeps,
    private readonly db: Db,
    private readonly log: Logger,
  ) {
    this.releasesDir = join(deps.config.contentDir, 'releases');
    this.topicsPath = join(deps.config.contentDir, 'topics.yml');
    this.taxonomyStamp = stamp(this.topicsPath);
    this.guard = secretGuardOf(deps.config);
    this.taxonomyCache = { get: () => getMeta(db, 'taxonomy-cache'), set: (v) => setMeta(db, 'taxonomy-cache', v) };
    ({ taxonomy: this.taxonomy, problems: this.taxonomyProblems } = loadTaxonomyCached(this.topicsPath, this.taxonomyCache));
    for (const p of this.taxonomyProblems) log.warn(p, 'topics file problem');
    this.writer = new IndexWriter(db);
    this.reader = new IndexReader(db);
    this.lists = new TopLists(db, log, deps.lists);
    this.searcher = new Searcher(db, () => this.taxonomy, log, () => this.writer.generation, this.lists);
  }

  refresh(): Promise<RefreshReport> {
    return this.serial(() => this.refreshNow());
  }

  ingest(raws: RawRelease[]): Promise<RefreshReport> {
    return this.serial(async () => {
      const report = emptyReport();
      const prepared = prepare(raws, this.taxonomy, report.problems, this.prepareOptions()).map((item): Prepared => ({ item }));
      await applyUpdates(this.updateDeps(), prepared, { ids: [], files: [] }, report);
      await backfillFirstSeen(this.updateDeps());
      await this.maintainLists(report);
      report.total = this.reader.count();
      return report;
    });
  }

  /** Keeps the ranking lists in step with the index. */
  private async maintainLists(report: RefreshReport): Promise<void> {
    const edits = report.changed.length + report.removed.length;
    if (edits || report.added.length) this.lists.forgetMade();
    this.lists.noteEdits(edits);
    // Lookups of a topic's names become groups of its alternatives: their lists are written ahead.
    await this.lists.maintain(() => this.searcher.partsOf([...new Set(this.taxonomy.topics.flatMap((t) => t.synonyms))]));
  }

  private async refreshNow(): Promise<RefreshReport> {
    const report = emptyReport();
    const taxonomyChanged = this.reloadTaxonomyIfChanged();
    pushAll(report.problems, this.taxonomyProblems);
    const scan = scanContent(this.releasesDir, this.deps.config.contentDir);
    pushAll(report.problems, scan.problems);
    const diff = diffContent(scan.files, this.writer.files(), taxonomyChanged);
    // In batches: a first build of a large folder holds one batch of texts at a time, not all
    // of them (100k releases would need gigabytes), and each batch is one write transaction.
    const keep = new Set<string>();
    const failed: typeof diff.toRead = [];
    const options = this.prepareOptions();
    for (let start = 0; start < diff.toRead.length; start += REFRESH_BATCH) {
      const prepared: Prepared[] = [];
      for (const file of diff.toRead.slice(start, start + REFRESH_BATCH)) {
        let raw: RawRelease;
        try {
          raw = readContentFile(file);
        } catch (e) {
          report.problems.push({ path: file.path, reason: describeReadError(e) });
          failed.push(file);
          continue;
        }
        const [item] = prepare([raw], this.taxonomy, report.problems, options);
        if (!item) {
          failed.push(file);
          continue;
        }
        prepared.push({ item, file: { name: file.name, id: file.id, mtime: file.mtimeMs, size: file.size, hash: item.release.hash } });
        keep.add(item.release.id);
      }
      if (prepared.length) await applyUpdates(this.updateDeps(), prepared, { ids: [], files: [] }, report, taxonomyChanged);
    }
    // Files gone, or now unreadable, take their release with them; a renamed file keeps its id.
    const goneIds = [...diff.gone.map((r) => r.id), ...failed.map((f) => f.id)].filter((id) => !keep.has(id));
    const goneFiles = [...diff.gone.map((r) => r.name), ...failed.map((f) => f.name)];
    if (goneIds.length || goneFiles.length) {
      await applyUpdates(this.updateDeps(), [], { ids: goneIds, files: goneFiles }, report, taxonomyChanged);
    }
    if (taxonomyChanged) this.retagOthers();
    await backfillFirstSeen(this.updateDeps());
    await this.maintainLists(report);
    report.total = this.reader.count();
    if (scan.files.length === 0 && !scan.problems.some((p) => p.path === this.releasesDir)) {
      report.problems.push({ path: this.releasesDir, reason: 'no releases: the folder is empty; add .txt or .md files to it' });
    }
    if (report.added.length || report.changed.length || report.removed.length) {
      this.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length, total: report.total }, 'index updated');
    }
    return report;
  }

  /** Reloads topics.yml when its size or time changed; true when its content differs from what the index was tagged with. */
  private reloadTaxonomyIfChanged(): boolean {
    const now = stamp(this.topicsPath);
    if (now !== this.taxonomyStamp) {
      this.taxonomyStamp = now;
      ({ taxonomy: this.taxonomy, problems: this.taxonomyProblems } = loadTaxonomyCached(this.topicsPath, this.taxonomyCache));
      for (const p of this.taxonomyProblems) this.log.warn(p, 'topics file problem');
      this.taxonomySignature = undefined;
    }
    // The normaliser's version is part of it: tagging and cleaning rules changed means re-reading every file.
    const signature = (this.taxonomySignature ??= createHash('sha256').update(JSON.stringify([NORMALISER_VERSION, this.taxonomy.topics])).digest('hex'));
    if (getMeta(this.db, 'taxonomy') === signature) return false;
    setMeta(this.db, 'taxonomy', signature);
    return true;
  }

  /** Releases from live sources get their topics again after topics.yml changed. */
  private retagOthers(): void {
    const rows = this.db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.source <> 'content'`).all() as ReleaseRow[];
    this.db.transaction(() => {
      for (const row of rows) {
        const release = toRelease(row);
        release.topics = this.taxonomy.tag(`${release.title}\n${release.body}`);
        this.writer.upsert(release, this.reader.sentencesOf(release.id), row.first_seen);
      }
      this.writer.flushWords();
    })();
  }

  search(query: string, options: SearchOptions = {}): SearchOutcome {
    return this.searcher.search(query, options);
  }

  latest(options: { topic?: string } & SearchOptions = {}): SearchOutcome {
    const topic = options.topic?.trim();
    const limit = options.limit ?? 10;
    const offset = options.offset ?? 0;
    if (!topic) {
      const outcome: SearchOutcome = { query: '', notes: [], total: 0, hits: [] };
      return this.searcher.listing(outcome, { sql: '', params: [] }, Math.max(1, limit), Math.max(0, offset));
    }
    const known = this.taxonomy.lookup(topic)[0];
    const outcome = this.searcher.search(known ? `topic:"${known.id}"` : topic, { limit, offset, order: 'date' });
    return { ...outcome, query: topic };
  }

  searchSentences(text: string, options?: { limit?: number; releaseIds?: string[]; ranked?: boolean }): SentenceHit[] {
    return this.searcher.searchSentences(text, options);
  }

  sentencesOf(id: string): string[] {
    return this.reader.sentencesOf(id);
  }

  get(id: string) {
    return this.reader.get(id);
  }

  onDate(date: string): Release[] {
    const rows = this.db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.date = ? ORDER BY r.id`).all(date) as ReleaseRow[];
    return rows.map(toRelease);
  }

  seenSince(since: string, options: { until?: string; filter?: string } = {}): SeenRelease[] {
    const rows = this.db
      .prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.first_seen >= ? ${options.until ? 'AND r.first_seen < ?' : ''}
        ORDER BY r.first_seen, r.id`)
      .all(...[since, ...(options.until ? [options.until] : [])]) as ReleaseRow[];
    const allowed = options.filter?.trim() ? this.searcher.matchingIds(options.filter) : null;
    return rows
      .filter((row) => !allowed || allowed.has(row.id))
      .map((row) => ({ ...toRelease(row), firstSeen: row.first_seen! }));
  }

  count(): number {
    return this.reader.count();
  }

  topics(): Topic[] {
    return this.taxonomy.topics.map(({ id, label, aliases, kind }) => ({ id, label, aliases, kind }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Secrets no release may hold, and the latest date that is not in the future (a day's slack for time zones). */
  private prepareOptions(): PrepareOptions {
    const latestDate = new Date(this.deps.clock().getTime() + 86_400_000).toISOString().slice(0, 10);
    return { guard: this.guard, latestDate };
  }

  private updateDeps(): UpdateDeps {
    const { store, clock } = this.deps;
    return { db: this.db, writer: this.writer, store, logger: this.log, clock, taxonomy: this.taxonomy };
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function emptyReport(): RefreshReport {
  return { total: 0, added: [], changed: [], removed: [], problems: [] };
}

function stamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
