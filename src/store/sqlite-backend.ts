import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { likePrefix, type BackendOps } from './keyv-store.ts';

/**
 * The embedded default: one SQLite file (a `keyv` table). A busy timeout lets a CLI command and
 * the running bot share the file; INSERT ... ON CONFLICT makes `add` atomic.
 */
export function sqliteBackend(file: string, table = 'keyv'): BackendOps {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table, busyTimeout: 5000 });
  const t = adapter.opts.table as string;
  const query = (sql: string, ...params: unknown[]) => adapter.query(sql, ...params) as Promise<Record<string, unknown>[]>;
  // Write-ahead logging without a sync per commit: a commit costs microseconds instead of a
  // disk flush (20-30 ms each here), which matters when thousands of first-seen times are
  // recorded at once. A power cut may lose the last commits; the bot then re-records them.
  if (file !== ':memory:') {
    void query('PRAGMA journal_mode=WAL')
      .then(() => query('PRAGMA synchronous=NORMAL'))
      .catch(() => undefined);
  }
  return {
    kind: 'sqlite',
    adapter,
    async addRaw(key, raw, _ttlMs, nowMs) {
      // Takes over a row only when it has expired, so an expired claim can be re-claimed.
      const rows = await query(
        `INSERT INTO ${t} (key, value) VALUES (?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value
         WHERE json_valid(${t}.value) AND json_type(${t}.value, '$.expires') IN ('integer', 'real')
           AND json_extract(${t}.value, '$.expires') <= ?
         RETURNING key`,
        key,
        raw,
        nowMs,
      );
      return rows.length > 0;
    },
    async scan(prefix) {
      const rows = await query(`SELECT key, value FROM ${t} WHERE key LIKE ? ESCAPE '\\'`, likePrefix(prefix));
      return rows.map((r) => ({ key: String(r.key), raw: r.value === null ? null : String(r.value) }));
    },
    async ping() {
      await query('SELECT 1');
      return true;
    },
    async close() {
      await adapter.disconnect();
    },
  };
}
