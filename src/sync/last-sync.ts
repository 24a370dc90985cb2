import type { Services } from '../services.ts';
import { NS } from '../ports/store.ts';

/** When the live sources were last synced and with what result, for the Home tab's status line. */
export interface LastSync {
  at: string;
  new: number;
  failed: number;
}

const KEY = 'status|last-sync';

/** Records a finished sync; a store that is down only costs the status line, never the sync. */
export async function recordLastSync(app: Services, result: Omit<LastSync, 'at'>): Promise<void> {
  try {
    await app.store.namespace<LastSync>(NS.sync).set(KEY, { at: app.clock().toISOString(), ...result });
  } catch (error) {
    app.logger.warn({ err: error }, 'could not record the last sync');
  }
}

export async function readLastSync(app: Services): Promise<LastSync | null> {
  try {
    return (await app.store.namespace<LastSync>(NS.sync).get(KEY)) ?? null;
  } catch {
    return null;
  }
}
