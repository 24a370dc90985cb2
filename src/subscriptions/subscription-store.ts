import { randomBytes } from 'node:crypto';
import { NS, type Store } from '../ports/store.ts';
import type { CursorState, Subscription } from './subscription.ts';

/** Subscriptions (NS.subscriptions) and their delivery cursors (NS.cursors) in the Store. */
export class SubscriptionStore {
  private readonly subs;
  private readonly cursors;

  constructor(store: Store) {
    this.subs = store.namespace<Subscription>(NS.subscriptions);
    this.cursors = store.namespace<CursorState>(NS.cursors);
  }

  /** Saves a new subscription under a fresh short id; `extra` releases go into its first digest. */
  async create(input: Omit<Subscription, 'id'>, extra?: string[]): Promise<Subscription> {
    for (;;) {
      // Five base-32 characters: short enough to type, unlikely to collide (add() checks anyway).
      const id = [...randomBytes(5)].map((b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('');
      const sub: Subscription = { id, ...input };
      if (extra?.length) await this.cursors.set(id, { since: sub.cursor, slot: sub.createdAt, extra });
      if (await this.subs.add(id, sub)) return sub;
    }
  }

  get(id: string): Promise<Subscription | undefined> {
    return this.subs.get(id);
  }

  /** All subscriptions, or a channel's, oldest first. */
  async list(channel?: string): Promise<Subscription[]> {
    const all = await Promise.all((await this.subs.keys()).map((k) => this.subs.get(k)));
    return all
      .filter((s): s is Subscription => s !== undefined && (channel === undefined || s.channel === channel))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** Changes how a subscription reads (its mode); delivery's cursor is kept apart and untouched. */
  async update(id: string, patch: Pick<Subscription, 'nothingNewLine'>): Promise<Subscription | undefined> {
    const sub = await this.subs.get(id);
    if (!sub) return undefined;
    const next = { ...sub, ...patch };
    await this.subs.set(id, next);
    return next;
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.subs.delete(id);
    await this.cursors.delete(id);
    return removed;
  }

  async pause(id: string, reason: string, at: Date): Promise<void> {
    const sub = await this.subs.get(id);
    if (sub && !sub.paused) await this.subs.set(id, { ...sub, paused: { reason, at: at.toISOString() } });
  }

  /** Clears a pause; the cursor is where the last confirmed digest left it, so nothing is skipped. */
  async resume(id: string): Promise<boolean> {
    const sub = await this.subs.get(id);
    if (!sub?.paused) return false;
    const { paused: _paused, ...rest } = sub;
    await this.subs.set(id, rest);
    return true;
  }

  async cursor(sub: Subscription): Promise<CursorState> {
    return (await this.cursors.get(sub.id)) ?? { since: sub.cursor, slot: sub.createdAt };
  }

  async setCursor(id: string, state: CursorState): Promise<void> {
    // A subscription removed meanwhile must not leave a cursor behind.
    if (await this.subs.get(id)) await this.cursors.set(id, state);
  }
}
