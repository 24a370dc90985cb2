import { NS, type Store } from '../ports/store.ts';

/** Store calls in flight at once: the SQLite store commits each write on its own. */
const CONCURRENCY = 16;

/**
 * The time the bot first saw each release, kept in the store so it survives index rebuilds and
 * is shared between instances: set only if absent; when it was present (another instance or an
 * earlier index set it first), the stored time is read back and wins.
 */
export async function recordFirstSeen(store: Store, ids: string[], now: string): Promise<Map<string, string>> {
  const ns = store.namespace<string>(NS.firstSeen);
  const out = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const set = await ns.add(id, now);
      out.set(id, set ? now : ((await ns.get(id)) ?? now));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return out;
}
