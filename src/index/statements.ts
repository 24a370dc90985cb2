import type { Statement } from 'better-sqlite3';
import type { Db } from './schema.ts';

/**
 * A rowid as SQLite must get it. better-sqlite3 binds a JavaScript number as REAL, and FTS5
 * treats a REAL rowid constraint as no constraint: it walks every match instead of seeking (a
 * range count at 100,000 releases: 24 ms instead of 3), and bm25() beside `rowid = ?` comes out
 * different. A BigInt binds as INTEGER.
 */
export function rowid(n: number): bigint {
  return BigInt(n);
}

/** Prepared statements by SQL text for one connection: preparing costs more than running on a small index. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  sql(text: string): Statement {
    let st = this.cache.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.cache.set(text, st);
    }
    return st;
  }

  releaseCount(): number {
    return this.sql(`SELECT count(*) FROM releases`).pluck().get() as number;
  }

  /** The highest release rowid (0 for an empty index). */
  maxRid(): number {
    return this.sql(`SELECT coalesce(max(rid), 0) FROM releases`).pluck().get() as number;
  }
}
