import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { renderMessages } from './render/reply.ts';
import { classifyError } from './errors.ts';
import { parseChannelKey } from './channel-key.ts';
import { openThread } from './open-thread.ts';

/** Message metadata type the bot's scheduled posts carry. */
export const DELIVERY_EVENT_TYPE = 'sco_digest';

interface DeliveryPayload {
  delivery: string;
  part: number;
  parts: number;
}

export interface SlackTransportOptions {
  /**
   * A client made with `rejectRateLimitedCalls: true`, so rate limits come back to us, with a
   * `timeout`, and with `retryConfig: { retries: 0 }`: a retry inside the client would post again
   * after a 500 or a reset that came after Slack stored the message. The scheduler retries
   * instead, asking `findPosted` first.
   */
  client: webApi.WebClient;
  logger: Logger;
  /** Rate limits up to this long are waited out here; longer ones go back to the scheduler. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Deliveries whose first messages went out before a later one failed; bounded, oldest dropped. */
const MAX_PARTIAL = 1000;

/**
 * What the scheduler posts digests through. Each message carries message metadata with the
 * delivery's idempotency key, so after a crash `findPosted` can tell whether it went out.
 */
export class SlackTransport implements Transport {
  readonly platform = 'slack';
  // A digest item is one section block; what the digest builder counts as 9000 characters renders
  // (markup and block structure included) under the 12000 we allow one message, in 22 blocks or fewer.
  readonly limits = { itemsPerMessage: 20, charsPerMessage: 9000 };
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /**
   * The ts of each message of a reply that went out, by idempotency key, while a later message
   * of it failed: the retry goes on from the failed one instead of posting the first ones again.
   */
  private readonly partial = new Map<string, string[]>();

  constructor(private readonly options: SlackTransportOptions) {
    this.maxWaitMs = options.maxRateLimitWaitMs ?? 30_000;
    this.sleep = options.sleep ?? sleeper;
  }

  async post(channel: string, reply: Reply, { idempotencyKey }: { idempotencyKey: string }): Promise<PostResult> {
    const target = parseChannelKey(channel);
    if (!target) return { ok: false, kind: 'not_found', detail: `not a Slack channel key: ${channel}` };
    const messages = renderMessages(reply);
    const sent = this.partial.get(idempotencyKey) ?? [];
    if (sent.length > 0) {
      // The message that failed last time may have gone out after all: look before posting it.
      for (const [part, ts] of (await this.postedParts(target.channel, idempotencyKey))?.parts ?? []) sent[part - 1] ??= ts;
    }
    for (const [i, message] of messages.entries()) {
      if (sent[i]) continue;
      const payload: DeliveryPayload = { delivery: idempotencyKey, part: i + 1, parts: messages.length };
      const result = await this.postOne({
        channel: target.channel,
        text: message.text,
        ...(message.blocks.length ? { blocks: message.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { ...payload } },
      });
      if (!result.ok) {
        this.options.logger.warn({ channel, kind: result.kind, detail: result.detail, part: i + 1 }, 'Slack post failed');
        if (sent.length > 0) this.remember(idempotencyKey, sent);
        return result;
      }
      sent[i] = result.messageId;
      if (i === 0 && reply.openThread) await openThread(this.options.client, target.channel, result.messageId, this.options.logger);
    }
    this.partial.delete(idempotencyKey);
    return { ok: true, messageId: sent[0] ?? '' };
  }

  private remember(key: string, sent: string[]): void {
    this.partial.delete(key);
    this.partial.set(key, sent);
    if (this.partial.size > MAX_PARTIAL) this.partial.delete(this.partial.keys().next().value!);
  }

  /** Short rate limits are waited out (at most three tries); long ones are the scheduler's call. */
  private async postOne(args: webApi.ChatPostMessageArguments): Promise<PostResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.options.client.chat.postMessage(args);
        return { ok: true, messageId: res.ts ?? '' };
      } catch (error) {
        const failure = classifyError(error);
        if (failure.kind !== 'rate_limited' || failure.retryAfterMs > this.maxWaitMs || attempt >= 3) return failure;
        this.options.logger.info({ retryAfterMs: failure.retryAfterMs }, 'Slack rate limit; waiting it out');
        await this.sleep(failure.retryAfterMs);
      }
    }
  }

  /**
   * The ts of the first message of this delivery when every part of it is among the channel's
   * recent messages; a partly posted delivery counts as not posted, since a repeat beats a loss.
   */
  async findPosted(channel: string, idempotencyKey: string): Promise<string | null> {
    const target = parseChannelKey(channel);
    if (!target) return null;
    const found = await this.postedParts(target.channel, idempotencyKey);
    // Unread history is no answer: the scheduler keeps the delivery pending when this throws.
    if (!found) throw new Error('could not read the channel history');
    if (found.parts.size === 0 || found.parts.size < found.expected) return null;
    return found.parts.get(1) ?? null;
  }

  /** The ts of each message of the delivery among the channel's recent ones; null when history cannot be read. */
  private async postedParts(channel: string, idempotencyKey: string): Promise<{ parts: Map<number, string>; expected: number } | null> {
    try {
      const res = await this.options.client.conversations.history({ channel, include_all_metadata: true, limit: 200 });
      const parts = new Map<number, string>();
      let expected = 0;
      for (const m of res.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: Partial<DeliveryPayload> } | undefined;
        if (meta?.event_type !== DELIVERY_EVENT_TYPE || meta.event_payload?.delivery !== idempotencyKey) continue;
        parts.set(meta.event_payload.part ?? 1, m.ts ?? '');
        expected = meta.event_payload.parts ?? 1;
      }
      return { parts, expected };
    } catch (error) {
      this.options.logger.warn({ err: error, channel, detail: classifyError(error).detail }, 'could not read channel history');
      return null;
    }
  }
}
