import type { Release } from '../releases/release.ts';
import type { Db } from './schema.ts';

/** A releases row as stored. */
export interface ReleaseRow {
  rid: number;
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  source: string;
  body: string;
  topics: string;
  summary: string;
  hash: string;
  path: string | null;
  first_seen: string | null;
}

export const RELEASE_COLUMNS = 'r.rid, r.id, r.title, r.date, r.url, r.source, r.body, r.topics, r.summary, r.hash, r.path, r.first_seen';

export function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    url: row.url,
    source: row.source,
    body: row.body,
    topics: JSON.parse(row.topics) as string[],
    summary: JSON.parse(row.summary) as string[],
    hash: row.hash,
    ...(row.path ? { path: row.path } : {}),
  };
}

/** Single-release reads. */
export class IndexReader {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.id = ?`),
      sentences: db.prepare(`SELECT s.text FROM sentences s JOIN releases r ON r.rid = s.rid WHERE r.id = ? ORDER BY s.position`).pluck(),
      count: db.prepare(`SELECT count(*) FROM releases`).pluck(),
    };
  }

  row(id: string): ReleaseRow | null {
    return (this.s.get.get(id) as ReleaseRow | undefined) ?? null;
  }

  get(id: string): Release | null {
    const row = this.row(id);
    return row ? toRelease(row) : null;
  }

  sentencesOf(id: string): string[] {
    return this.s.sentences.all(id) as string[];
  }

  count(): number {
    return this.s.count.get() as number;
  }
}
