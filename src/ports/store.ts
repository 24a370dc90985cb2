/**
 * Bot state, one namespace per concern (releases seen, subscriptions, digest cursors and
 * deliveries, feedback, thread context). Backed by keyv: SQLite file by default, Redis or
 * PostgreSQL when STATE_URL says so. Every backend passes the same contract tests.
 */
export interface Namespace<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  /** Sets only when the key is absent; true when this call set it. Atomic on shared backends. */
  add(key: string, value: T, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /** Every live key of this namespace, without the namespace prefix. */
  keys(): Promise<string[]>;
}

export interface Store {
  readonly kind: 'memory' | 'sqlite' | 'redis' | 'postgres';
  namespace<T>(name: string): Namespace<T>;
  /** True when the backend answers now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Namespaces in use, so nobody picks the same name for two concerns. */
export const NS = {
  firstSeen: 'seen',
  subscriptions: 'subs',
  cursors: 'cursors',
  deliveries: 'deliveries',
  feedback: 'feedback',
  threads: 'threads',
  sync: 'sync',
  pages: 'pages',
  locks: 'locks',
  /** Chat messages already answered (Slack retries events; several instances may receive one). */
  answered: 'answered',
  /** Discord button values too long for a custom_id (kept a week; the custom_id carries a key). */
  discordButtons: 'discord.buttons',
} as const;
