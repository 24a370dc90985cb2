import KeyvPostgres from '@keyv/postgres';
import { likePrefix, type BackendOps } from './keyv-store.ts';

/**
 * @keyv/postgres keeps one pool per process (for the last URI opened) and its disconnect() ends
 * it for every store, so stores count themselves and the last one to close ends the pool.
 */
const openStores = new Map<string, number>();

/**
 * PostgreSQL shared by several bots. Connection attempts time out so an unreachable server
 * fails the start instead of hanging it.
 */
export function postgresBackend(uri: string, table = 'sco_state', connectTimeoutMs = 5000): BackendOps {
  const adapter = new KeyvPostgres({ uri, table, connectionTimeoutMillis: connectTimeoutMs, max: 5 });
  openStores.set(uri, (openStores.get(uri) ?? 0) + 1);
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
      await query('SELECT 1');
      return true;
    },
    async close() {
      const left = (openStores.get(uri) ?? 1) - 1;
      if (left > 0) openStores.set(uri, left);
      else {
        openStores.delete(uri);
        await adapter.disconnect();
      }
    },
  };
}
