import { Keyv, type KeyvStoreAdapter } from 'keyv';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Namespace, Store } from '../ports/store.ts';

/**
 * What keyv cannot do for us and each backend does with its own client: an atomic
 * set-if-absent, listing the keys under a prefix, and a health check.
 */
export interface BackendOps {
  kind: Exclude<Store['kind'], 'memory'>;
  adapter: KeyvStoreAdapter;
  /** Writes `raw` (already serialised) only if `key` is absent or expired; true when written. */
  addRaw(key: string, raw: string, ttlMs: number | undefined, nowMs: number): Promise<boolean>;
  /** Full keys that start with `prefix`, with their raw values (for expiry checks). */
  scan(prefix: string): Promise<{ key: string; raw: string | null }[]>;
  /** May reject when unreachable; KeyvStore.ping turns that into false. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** keyv's record shape, kept in plain JSON so `addRaw` can write what `get` reads. */
interface Envelope<V = unknown> {
  value?: V;
  expires?: number;
}

export const serialize = <V>(data: Envelope<V>): string => JSON.stringify(data);
const deserialize = <V>(raw: string): Envelope<V> | undefined => JSON.parse(raw) as Envelope<V>;

export function envelope(value: unknown, ttlMs: number | undefined, nowMs: number): string {
  return serialize(ttlMs ? { value, expires: nowMs + ttlMs } : { value });
}

/** True when a raw record is live; records we cannot read count as live (never overwritten). */
function live(raw: string | null, nowMs: number): boolean {
  if (raw === null) return true;
  try {
    const e = deserialize(raw);
    return !(typeof e?.expires === 'number' && e.expires <= nowMs);
  } catch {
    return true;
  }
}

/**
 * A Store over one keyv instance. Keys are `<prefix><namespace>:<key>` with the prefix chosen at
 * open (so tests and several bots can share one Redis or table); keyv's own namespace is off so
 * the backend ops see the same keys keyv writes.
 */
export class KeyvStore implements Store {
  readonly kind: BackendOps['kind'];
  private readonly keyv: Keyv;

  constructor(
    private readonly ops: BackendOps,
    private readonly prefix: string,
    logger: Logger,
    /** A server that stops answering (frozen, half-open socket) fails an operation after this. */
    private readonly opTimeoutMs = 10_000,
  ) {
    this.kind = ops.kind;
    this.keyv = new Keyv({
      store: ops.adapter,
      namespace: undefined,
      useKeyPrefix: false,
      serialize,
      deserialize,
      throwOnErrors: true,
    });
    this.keyv.on('error', (error: unknown) => logger.warn({ err: error, store: ops.kind }, 'state store error'));
  }

  namespace<T>(name: string): Namespace<T> {
    if (name.includes(':')) throw new Error(`namespace names may not contain ':' (${name})`);
    const base = `${this.prefix}${name}:`;
    const keyv = this.keyv;
    const ops = this.ops;
    const bounded = <R>(what: string, work: () => Promise<R>) => this.bounded(what, work);
    return {
      get: (key) => bounded('get', async () => (await keyv.get(base + key)) as T | undefined),
      set: (key, value, ttlMs) =>
        bounded('set', async () => {
          await keyv.set(base + key, value, ttlMs);
        }),
      add: (key, value, ttlMs) =>
        bounded('add', () => {
          const now = Date.now();
          return ops.addRaw(base + key, envelope(value, ttlMs, now), ttlMs, now);
        }),
      delete: (key) =>
        bounded('delete', async () => {
          // keyv reports true for a present-but-expired record; the port says "live" keys only.
          const present = (await keyv.get(base + key)) !== undefined;
          if (!present) return false;
          await keyv.delete(base + key);
          return true;
        }),
      keys: () =>
        bounded('keys', async () => {
          const now = Date.now();
          const rows = await ops.scan(base);
          return rows.filter((r) => live(r.raw, now)).map((r) => r.key.slice(base.length)).sort();
        }),
    };
  }

  private async bounded<R>(what: string, work: () => Promise<R>): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new BotError('unavailable', `The state store (${this.kind}) did not answer (${what}) within ${this.opTimeoutMs} ms.`)),
            this.opTimeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** False on any failure or timeout, so backends' ping may simply throw. */
  ping(): Promise<boolean> {
    return this.bounded('ping', () => this.ops.ping()).catch(() => false);
  }

  private closing: Promise<void> | undefined;

  /** Closes the backend once; later calls wait for the same close. */
  close(): Promise<void> {
    this.closing ??= this.ops.close();
    return this.closing;
  }
}

/** Escapes `%`, `_` and `\` for a SQL `LIKE ... ESCAPE '\'` prefix match. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}
