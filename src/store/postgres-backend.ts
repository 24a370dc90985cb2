import KeyvPostgres from '@keyv/postgres';
import { likePrefix, type BackendOps } from './keyv-store.ts';

/**
 * PostgreSQL shared by several bots. Connection attempts time out so an unreachable server
 * fails the start instead of hanging it. Note: @keyv/postgres keeps one pool per URI in the
 * process, so close() ends the pool for every store on that URI.
 */
export function postgresBackend(uri: string, table = 'sco_state', connectTimeoutMs = 5000): BackendOps {
  const adapter = new KeyvPostgres({ uri, table, connectionTimeoutMillis: connectTimeoutMs, max: 5 });
  const t = `${adapter.opts.schema}.${adapter.opts.table}`;
  const query = (sql: string, values?: unknown[]) => adapter.query(sql, values) as Promise<Record<string, unknown>[]>;
  return {
    kind: 'postgres',
    adapter,
    async addRaw(key, raw, _ttlMs, nowMs) {
      const rows = await query(
        `INSERT INTO ${t} (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE (${t}.value::jsonb ->> 'expires') IS NOT NULL
           AND (${t}.value::jsonb ->> 'expires')::double precision <= $3
         RETURNING key`,
        [key, raw, nowMs],
      );
      return rows.length > 0;
    },
    async scan(prefix) {
      const rows = await query(`SELECT key, value FROM ${t} WHERE key LIKE $1`, [likePrefix(prefix)]);
      return rows.map((r) => ({ key: String(r.key), raw: r.value === null ? null : String(r.value) }));
    },
    async ping() {
      try {
        await query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await adapter.disconnect();
    },
  };
}
