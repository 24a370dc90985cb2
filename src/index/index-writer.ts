import type { Release } from '../releases/release.ts';
import { FILE_STAMP_SQL } from './content-sync.ts';
import type { Db } from './schema.ts';
import { wordsOf } from './words.ts';

/** The file a content release was read from, for cheap change detection. */
export interface FileRow {
  name: string;
  id: string;
  mtime: number;
  size: number;
  hash: string;
}

/**
 * Writes releases into the index: the row, its full-text entries, its sentences, its topics
 * and the vocabulary used for typo correction. Callers wrap batches in a transaction.
 */
export class IndexWriter {
  private readonly s;

  /** Document-count changes of the words table not yet written: one write per word per batch, not per release. */
  private readonly pendingWords = new Map<string, number>();
  /** Bumped on every flush, so caches over the vocabulary know it changed. */
  generation = 0;

  constructor(private readonly db: Db) {
    this.s = {
      find: db.prepare(`SELECT rid, first_seen AS firstSeen, title, body FROM releases WHERE id = ?`),
      insert: db.prepare(`INSERT INTO releases (id, title, date, url, source, body, topics, summary, hash, path, first_seen)
        VALUES (@id, @title, @date, @url, @source, @body, @topics, @summary, @hash, @path, @firstSeen)`),
      update: db.prepare(`UPDATE releases SET title = @title, date = @date, url = @url, source = @source, body = @body,
        topics = @topics, summary = @summary, hash = @hash, path = @path, first_seen = @firstSeen WHERE rid = @rid`),
      deleteRelease: db.prepare(`DELETE FROM releases WHERE rid = ?`),
      ftsInsert: db.prepare(`INSERT INTO releases_fts (rowid, title, body) VALUES (?, ?, ?)`),
      // External-content tables are told the old text to take out of the index.
      ftsDelete: db.prepare(`INSERT INTO releases_fts (releases_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)`),
      sentenceIds: db.prepare(`SELECT sid, text FROM sentences WHERE rid = ?`),
      sentenceInsert: db.prepare(`INSERT INTO sentences (rid, position, text) VALUES (?, ?, ?)`),
      sentenceFtsInsert: db.prepare(`INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)`),
      sentenceFtsDelete: db.prepare(`INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)`),
      sentencesDelete: db.prepare(`DELETE FROM sentences WHERE rid = ?`),
      topicInsert: db.prepare(`INSERT OR IGNORE INTO release_topics (topic, rid) VALUES (?, ?)`),
      topicsDelete: db.prepare(`DELETE FROM release_topics WHERE rid = ?`),
      wordsAdd: db.prepare(`INSERT INTO words (word, df) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET df = df + excluded.df`),
      wordsDrop: db.prepare(`DELETE FROM words WHERE word = ? AND df <= 0`),
      fileUpsert: db.prepare(`INSERT INTO files (name, id, mtime, size, hash) VALUES (@name, @id, @mtime, @size, @hash)
        ON CONFLICT (name) DO UPDATE SET id = excluded.id, mtime = excluded.mtime, size = excluded.size, hash = excluded.hash`),
      fileDelete: db.prepare(`DELETE FROM files WHERE name = ?`),
      fileStamps: db.prepare(`SELECT ${FILE_STAMP_SQL} FROM files`).pluck(),
      hash: db.prepare(`SELECT hash FROM releases WHERE id = ?`),
    };
  }

  hashOf(id: string): string | null {
    return (this.s.hash.get(id) as { hash: string } | undefined)?.hash ?? null;
  }

  /** Inserts or replaces a release; returns whether it was new to the index. */
  upsert(release: Release, sentences: string[], firstSeen: string | null): boolean {
    const old = this.s.find.get(release.id) as { rid: number; firstSeen: string | null; title: string; body: string } | undefined;
    const row = {
      id: release.id,
      title: release.title,
      date: release.date,
      url: release.url,
      source: release.source,
      body: release.body,
      topics: JSON.stringify(release.topics),
      summary: JSON.stringify(release.summary),
      hash: release.hash,
      path: release.path ?? null,
      firstSeen: firstSeen ?? old?.firstSeen ?? null,
    };
    let rid: number;
    if (old) {
      rid = old.rid;
      this.clearDerived(rid, old.title, old.body);
      this.countWords(old.title, old.body, -1);
      this.s.update.run({ ...row, rid });
    } else {
      rid = Number(this.s.insert.run(row).lastInsertRowid);
    }
    this.s.ftsInsert.run(rid, release.title, release.body);
    sentences.forEach((text, position) => {
      const sid = Number(this.s.sentenceInsert.run(rid, position, text).lastInsertRowid);
      this.s.sentenceFtsInsert.run(sid, text);
    });
    for (const t of release.topics) this.s.topicInsert.run(t, rid);
    this.countWords(release.title, release.body, 1);
    return !old;
  }

  /** Removes a release; returns whether it was there. */
  remove(id: string): boolean {
    const old = this.s.find.get(id) as { rid: number; title: string; body: string } | undefined;
    if (!old) return false;
    this.clearDerived(old.rid, old.title, old.body);
    this.countWords(old.title, old.body, -1);
    this.s.deleteRelease.run(old.rid);
    return true;
  }

  private clearDerived(rid: number, title: string, body: string): void {
    this.s.ftsDelete.run(rid, title, body);
    for (const { sid, text } of this.s.sentenceIds.all(rid) as { sid: number; text: string }[]) this.s.sentenceFtsDelete.run(sid, text);
    this.s.sentencesDelete.run(rid);
    this.s.topicsDelete.run(rid);
  }

  private countWords(title: string, body: string, delta: number): void {
    for (const word of new Set(wordsOf(`${title}\n${body}`))) this.pendingWords.set(word, (this.pendingWords.get(word) ?? 0) + delta);
  }

  /** Writes the word counts of the upserts and removals so far; call at the end of each write transaction. */
  flushWords(): void {
    if (!this.pendingWords.size) return;
    for (const [word, delta] of this.pendingWords) {
      if (delta === 0) continue;
      this.s.wordsAdd.run(word, delta);
      if (delta < 0) this.s.wordsDrop.run(word);
    }
    this.pendingWords.clear();
    this.generation++;
  }

  /** The stamp (see fileStamp) of every content file in the index, for diffContent. */
  files(): string[] {
    return this.s.fileStamps.all() as string[];
  }

  setFile(file: FileRow): void {
    this.s.fileUpsert.run(file);
  }

  removeFile(name: string): void {
    this.s.fileDelete.run(name);
  }
}
