import type { Transport } from '../src/ports/transport.ts';

/** A connection's state as /healthz reports it. */
export type AdapterStatus = 'connected' | 'connecting' | 'down';

/**
 * One place people talk to the bot: Slack, Discord or the console. Made (not yet connected)
 * by its folder's `start.ts`; adapters/main.ts starts every one it made the same way, hands
 * their transports to the scheduler and stops them again.
 */
export interface PlatformAdapter {
  /** `slack`, `discord`, `console`: the name /healthz and the logs use. */
  readonly name: string;
  /** What the scheduler posts digests through; usable once `start` has resolved. */
  readonly transport: Transport;
  status(): AdapterStatus;
  /** Connects, or rejects with a BotError that says what to fix (a refused token, a busy port). */
  start(): Promise<void>;
  /**
   * Serves until the adapter is done by itself: the console when its input ends. A chat
   * platform is never done by itself, so it has no `run`; the bot then runs until SIGINT/SIGTERM.
   */
  run?(): Promise<void>;
  stop(): Promise<void>;
}
