import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { renderMessages } from './render-blocks.ts';
import { classifySlackError } from './slack-errors.ts';
import { parseChannelKey } from './slack-ids.ts';
import { openThread } from './open-thread.ts';

/** Message metadata type the bot's scheduled posts carry. */
export const DELIVERY_EVENT_TYPE = 'sco_digest';

interface DeliveryPayload {
  delivery: string;
  part: number;
  parts: number;
}

export interface SlackTransportOptions {
  /** A client made with `rejectRateLimitedCalls: true`, so rate limits come back to us. */
  client: webApi.WebClient;
  logger: Logger;
  /** Rate limits up to this long are waited out here; longer ones go back to the scheduler. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

  constructor(private readonly options: SlackTransportOptions) {
    this.maxWaitMs = options.maxRateLimitWaitMs ?? 30_000;
    this.sleep = options.sleep ?? sleeper;
  }

  async post(channel: string, reply: Reply, { idempotencyKey }: { idempotencyKey: string }): Promise<PostResult> {
    const target = parseChannelKey(channel);
    if (!target) return { ok: false, kind: 'not_found', detail: `not a Slack channel key: ${channel}` };
    const messages = renderMessages(reply);
    let first: string | undefined;
    for (const [i, message] of messages.entries()) {
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
        return result;
      }
      first ??= result.messageId;
      if (i === 0 && reply.openThread) await openThread(this.options.client, target.channel, result.messageId, this.options.logger);
    }
    return { ok: true, messageId: first ?? '' };
  }

  /** Short rate limits are waited out (at most three tries); long ones are the scheduler's call. */
  private async postOne(args: webApi.ChatPostMessageArguments): Promise<PostResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.options.client.chat.postMessage(args);
        return { ok: true, messageId: res.ts ?? '' };
      } catch (error) {
        const failure = classifySlackError(error);
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
    try {
      const res = await this.options.client.conversations.history({ channel: target.channel, include_all_metadata: true, limit: 200 });
      const parts = new Map<number, string>();
      let expected = 0;
      for (const m of res.messages ?? []) {
        const meta = m.metadata as { event_type?: string; event_payload?: Partial<DeliveryPayload> } | undefined;
        if (meta?.event_type !== DELIVERY_EVENT_TYPE || meta.event_payload?.delivery !== idempotencyKey) continue;
        parts.set(meta.event_payload.part ?? 1, m.ts ?? '');
        expected = meta.event_payload.parts ?? 1;
      }
      if (parts.size === 0 || parts.size < expected) return null;
      return parts.get(1) ?? null;
    } catch (error) {
      this.options.logger.warn({ err: error, channel, detail: classifySlackError(error).detail }, 'could not read channel history');
      return null;
    }
  }
}
