import { createHash } from 'node:crypto';
import type { Validators } from '../fetch/polite-fetcher.ts';
import { NS, type Namespace, type Store } from '../ports/store.ts';

export interface Pending {
  key: string;
  id: string;
  url: string;
  date?: string;
  /** Failed attempts so far (a page is given up after a few syncs). */
  attempts: number;
  lastError?: string;
}

export interface SeenItem {
  id: string;
  url?: string;
  hash?: string;
  /** Set when the page was given up after repeated failures. */
  gaveUp?: string;
}

/**
 * What a live source remembers between syncs, in the store's sync namespace: the validators of
 * each URL, the releases it has taken in, the pages still to fetch (a killed sync resumes from
 * them) and listing pages where a crawl stopped half way.
 */
export class SourceState {
  private readonly ns: Namespace<unknown>;

  constructor(store: Store, private readonly source: string) {
    this.ns = store.namespace<unknown>(NS.sync);
  }

  private k(kind: string, key: string): string {
    return `${this.source}|${kind}|${key}`;
  }

  async validators(url: string): Promise<Validators | undefined> {
    return (await this.ns.get(`http|${url}`)) as Validators | undefined;
  }

  async saveValidators(url: string, v: Validators): Promise<void> {
    if (v.etag || v.lastModified) await this.ns.set(`http|${url}`, v);
  }

  async seen(key: string): Promise<SeenItem | undefined> {
    return (await this.ns.get(this.k('seen', key))) as SeenItem | undefined;
  }

  async markSeen(key: string, item: SeenItem): Promise<void> {
    await this.ns.set(this.k('seen', key), item);
  }

  /** Queues a page; false when it is already queued (its attempts are kept). */
  async addPending(p: Pending): Promise<boolean> {
    return this.ns.add(this.k('pending', p.key), p);
  }

  async updatePending(p: Pending): Promise<void> {
    await this.ns.set(this.k('pending', p.key), p);
  }

  async removePending(key: string): Promise<void> {
    await this.ns.delete(this.k('pending', key));
  }

  async pending(): Promise<Pending[]> {
    return (await this.listValues('pending')) as Pending[];
  }

  async cursors(): Promise<string[]> {
    return (await this.listValues('cursor')) as string[];
  }

  async setCursor(url: string): Promise<void> {
    await this.ns.set(this.k('cursor', url), url);
  }

  async clearCursor(url: string): Promise<void> {
    await this.ns.delete(this.k('cursor', url));
  }

  private async listValues(kind: string): Promise<unknown[]> {
    const prefix = `${this.source}|${kind}|`;
    const keys = (await this.ns.keys()).filter((k) => k.startsWith(prefix));
    const values = await Promise.all(keys.map((k) => this.ns.get(k)));
    return values.filter((v) => v !== undefined);
  }
}

export function contentHash(...parts: Array<string | undefined>): string {
  return createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex').slice(0, 16);
}
