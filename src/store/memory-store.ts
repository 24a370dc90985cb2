import type { Namespace, Store } from '../ports/store.ts';

/** A Store in process memory: for tests and the console when nothing must persist. */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly data = new Map<string, { value: unknown; expires: number | null }>();

  constructor(private readonly now: () => number = Date.now) {}

  namespace<T>(name: string): Namespace<T> {
    const full = (key: string) => `${name}:${key}`;
    const live = (key: string) => {
      const entry = this.data.get(full(key));
      if (!entry) return undefined;
      if (entry.expires !== null && entry.expires <= this.now()) {
        this.data.delete(full(key));
        return undefined;
      }
      return entry;
    };
    const put = (key: string, value: T, ttlMs?: number) => {
      this.data.set(full(key), { value: structuredClone(value), expires: ttlMs ? this.now() + ttlMs : null });
    };
    return {
      get: async (key) => structuredClone(live(key)?.value as T | undefined),
      set: async (key, value, ttlMs) => put(key, value, ttlMs),
      add: async (key, value, ttlMs) => {
        if (live(key)) return false;
        put(key, value, ttlMs);
        return true;
      },
      delete: async (key) => (live(key) ? this.data.delete(full(key)) : false),
      keys: async () =>
        [...this.data.keys()]
          .filter((k) => k.startsWith(`${name}:`))
          .map((k) => k.slice(name.length + 1))
          .filter((k) => live(k) !== undefined),
    };
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
