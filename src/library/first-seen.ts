import { NS, type Store } from '../ports/store.ts';

/**
 * The time the bot first saw each release, kept in the store so it survives index rebuilds and
 * is shared between instances: set only if absent, then read back, since another instance may
 * have set it first.
 */
export async function recordFirstSeen(store: Store, ids: string[], now: string): Promise<Map<string, string>> {
  const ns = store.namespace<string>(NS.firstSeen);
  const out = new Map<string, string>();
  for (const id of ids) {
    await ns.add(id, now);
    out.set(id, (await ns.get(id)) ?? now);
  }
  return out;
}
