import type { Reply } from '../bot/reply.ts';

/** The outcome of posting; failures are classified so the scheduler knows what to do. */
export type PostResult =
  | { ok: true; messageId: string }
  | { ok: false; kind: 'rate_limited'; retryAfterMs: number; detail: string }
  | { ok: false; kind: 'forbidden'; detail: string }
  | { ok: false; kind: 'not_found'; detail: string }
  | { ok: false; kind: 'transient'; detail: string };

/**
 * What the scheduler posts through. One per platform; `channel` is the opaque channel key.
 * Implementations must not throw for platform failures: they return a classified failure.
 */
export interface Transport {
  /** Platform prefix of the channel keys this transport serves (`slack`, `discord`, `console`). */
  readonly platform: string;
  /** How much one message may hold, so digests split before the platform would reject them. */
  readonly limits: { itemsPerMessage: number; charsPerMessage: number };
  post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult>;
  /**
   * Whether a message carrying this idempotency key was already posted to the channel, and its
   * id; used after a crash between posting and recording. Undefined when the platform cannot tell.
   */
  findPosted?(channel: string, idempotencyKey: string): Promise<string | null>;
}
