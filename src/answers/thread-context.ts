import type { App } from '../app.ts';
import { NS } from '../ports/store.ts';

/** What a thread last asked, so "and when was that?" can lean on it. */
export interface ThreadContext {
  question: string;
  releaseIds: string[];
  at: string;
}

const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

export async function loadThread(app: App, key: string): Promise<ThreadContext | null> {
  return (await app.store.namespace<ThreadContext>(NS.threads).get(key)) ?? null;
}

export async function saveThread(app: App, key: string, context: Omit<ThreadContext, 'at'>): Promise<void> {
  await app.store.namespace<ThreadContext>(NS.threads).set(key, { ...context, at: app.clock().toISOString() }, THREAD_TTL_MS);
}
