import type { Services } from '../services.ts';
import { NS } from '../ports/store.ts';

/** What a thread last asked, so "and when was that?" can lean on it. */
export interface ThreadContext {
  question: string;
  releaseIds: string[];
  at: string;
}

const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

export async function loadThread(services: Pick<Services, 'store'>, key: string): Promise<ThreadContext | null> {
  return (await services.store.namespace<ThreadContext>(NS.threads).get(key)) ?? null;
}

export async function saveThread(services: Pick<Services, 'store' | 'clock'>, key: string, context: Omit<ThreadContext, 'at'>): Promise<void> {
  await services.store.namespace<ThreadContext>(NS.threads).set(key, { ...context, at: services.clock().toISOString() }, THREAD_TTL_MS);
}
