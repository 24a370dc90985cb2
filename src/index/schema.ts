import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { NORMALISER_VERSION } from '../releases/normalise.ts';

export type Db = Database.Database;

/** Bump on any change to the tables or to what goes into them: older files are rebuilt. */
export const SCHEMA_VERSION = `7.${NORMALISER_VERSION}`;

export const TOKENIZE = `tokenize = 'porter unicode61 remove_diacritics 2'`;

/** Title matches count this many times a body match in bm25 (the weights of releases_fts's two columns). */
export const TITLE_WEIGHT = 6;
/** `bm25(releases_fts, ...)` with the columns' weights; lower is better, as FTS5 ranks. */
export const RELEASE_BM25 = `bm25(releases_fts, ${TITLE_WEIGHT}, 1.0)`;

const CREATE = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE releases (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT,
  url TEXT,
  source TEXT NOT NULL,
  body TEXT NOT NULL,
  topics TEXT NOT NULL,
  summary TEXT NOT NULL,
  hash TEXT NOT NULL,
  path TEXT,
  first_seen TEXT
);
CREATE INDEX releases_date ON releases (date);
CREATE INDEX releases_seen ON releases (first_seen);
CREATE TABLE release_topics (topic TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (topic, rid)) WITHOUT ROWID;
CREATE TABLE files (name TEXT PRIMARY KEY, id TEXT NOT NULL, mtime INTEGER NOT NULL, size INTEGER NOT NULL, hash TEXT NOT NULL);
-- External content: the full-text tables index the rows' text without keeping a second copy
-- of it (snippet() and highlight() read it back from releases and sentences by rowid).
CREATE VIRTUAL TABLE releases_fts USING fts5 (title, body, content = 'releases', content_rowid = 'rid', ${TOKENIZE});
CREATE TABLE sentences (sid INTEGER PRIMARY KEY, rid INTEGER NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX sentences_rid ON sentences (rid, position);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'sid', ${TOKENIZE});
-- Words as written (no stemming) with the number of releases holding each, for typo
-- correction. A plain table: fts5vocab would count documents by walking every doclist on each
-- lookup, which grows with the library (7 ms per first letter at 10k releases).
CREATE TABLE words (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
-- The best releases of the phrases lookups expand to, written ahead for big libraries
-- (top-lists.ts); one generation is current, its state in meta under 'top-lists'.
CREATE TABLE top_lists (gen INTEGER NOT NULL, part TEXT NOT NULL, rids BLOB NOT NULL, scores BLOB NOT NULL,
  complete INTEGER NOT NULL, hits INTEGER NOT NULL, phrases TEXT NOT NULL, PRIMARY KEY (gen, part));
`;

export interface OpenedIndex {
  db: Db;
  /** True when the file was created or rebuilt empty now (everything must be indexed). */
  fresh: boolean;
}

/**
 * Opens the index file, creating it when missing and rebuilding it empty when it is corrupt or
 * of an older schema. The index is derived data: throwing it away loses nothing.
 */
export function openIndexDb(path: string, logger: Logger): OpenedIndex {
  try {
    return openOrRebuild(path, logger);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new BotError('config', `Cannot write the search index ${path} (${code}). Set DATA_DIR to a folder the bot may write to.`, { cause: e });
  }
}

function openOrRebuild(path: string, logger: Logger): OpenedIndex {
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path);
  if (existed) {
    try {
      const db = connect(path);
      const row = db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).get() as { value: string } | undefined;
      if (row?.value === SCHEMA_VERSION) return { db, fresh: false };
      logger.info({ path, found: row?.value ?? null, want: SCHEMA_VERSION }, 'search index is of an older version; rebuilding');
      db.close();
    } catch (e) {
      logger.warn({ path, err: (e as Error).message }, 'search index unreadable; rebuilding');
    }
    removeDbFiles(path);
  }
  const db = connect(path);
  db.exec('BEGIN');
  db.exec(CREATE);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
  db.exec('COMMIT');
  return { db, fresh: true };
}

function connect(path: string): Db {
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function removeDbFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true });
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}
