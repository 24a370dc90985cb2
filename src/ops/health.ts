import type { Services } from '../services.ts';

/** What GET /healthz reports. */
export interface Health {
  /** True when the index is open, the store answers and every adapter is connected. */
  ready: boolean;
  /** Releases in the index, or null when the library cannot say (closed, failing). */
  releases: number | null;
  store: { kind: string; reachable: boolean };
  /** Each adapter's connection state: `connected`, `connecting` or `down`. */
  adapters: Record<string, string>;
  uptime_s: number;
}

/** Adapter name -> its current connection state, e.g. `{ slack: () => slack.status() }`. */
export type StatusProviders = Record<string, () => string>;

/** A store that hangs (an unreachable Redis waits) must not hang the health check. */
async function pingWithin(ping: () => Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    return await Promise.race([ping().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(app: Services, adapters: StatusProviders = {}, options: { pingTimeoutMs?: number } = {}): Promise<Health> {
  let releases: number | null = null;
  try {
    releases = app.library.count();
  } catch {
    releases = null;
  }
  const reachable = await pingWithin(() => app.store.ping(), options.pingTimeoutMs ?? 1000);
  const states: Record<string, string> = {};
  for (const [name, status] of Object.entries(adapters)) {
    try {
      states[name] = status();
    } catch {
      states[name] = 'down';
    }
  }
  const adaptersUp = Object.values(states).every((s) => s === 'connected');
  return {
    ready: releases !== null && reachable && adaptersUp,
    releases,
    store: { kind: app.store.kind, reachable },
    adapters: states,
    uptime_s: Math.round(process.uptime()),
  };
}
