import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { classifyError } from './errors.ts';
import { parseChannelKey } from './channel-key.ts';
import { LIMITS } from './limits.ts';
import { channelMessageBody } from './render/message-body.ts';
import { openThread } from './open-thread.ts';
import { renderReply, type DiscordMessage } from './render/reply.ts';

/**
 * The nonce for part `part` of the message posted under `key`: a hash, so it fits Discord's 25
 * characters and is the same after a restart. With `enforce_nonce`, Discord answers a repeat
 * within a few minutes with the message it already created instead of posting twice.
 */
export function nonceFor(key: string, part = 0): string {
  return createHash('sha256').update(`${key}#${part}`).digest('base64url').slice(0, LIMITS.nonce);
}

/**
 * The reference shown in the footer of each part of a scheduled message: `ref <nonce> i/n`.
 * Discord forgets nonces after a few minutes and never returns them on fetched messages, so the
 * reference is how a restarted bot finds out, much later, that a delivery already went out.
 */
function refOf(key: string): string {
  return `ref ${nonceFor(key, 0)}`;
}

function withRef(m: DiscordMessage, ref: string): DiscordMessage {
  const last = m.embeds.at(-1);
  if (!last) return { ...m, content: `${m.content ?? ''}\n-# ${ref}`.trim() };
  const text = last.footer?.text ? `${last.footer.text} · ${ref}` : ref;
  return { ...m, embeds: [...m.embeds.slice(0, -1), { ...last, footer: { ...last.footer, text } }] };
}

interface FetchedMessage {
  id: string;
  content?: string;
  embeds?: { footer?: { text?: string } }[];
}

export interface DiscordTransportOptions {
  /** The bot client's REST manager: its timeout, single retry and rate-limit rule apply to posts too. */
  rest: REST;
  logger: Logger;
}

/**
 * What the scheduler posts digests through, over Discord's REST API (no gateway needed). Each
 * part carries a nonce (Discord drops a repeat within minutes) and a footer reference, which
 * `findPosted` looks for after a restart.
 */
export class DiscordTransport implements Transport {
  readonly platform = 'discord';
  // One embed per item plus a heading embed: 9 items fit the 10 embeds of a message.
  readonly limits = { itemsPerMessage: LIMITS.embedsPerMessage - 1, charsPerMessage: LIMITS.embedCharsPerMessage - 500 };

  constructor(private readonly options: DiscordTransportOptions) {}

  async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
    const { rest, logger } = this.options;
    const channelId = parseChannelKey(channel)?.channel;
    if (!channelId) return { ok: false, kind: 'not_found', detail: `not a Discord channel key: ${channel}` };
    const rendered = renderReply(reply);
    let firstId: string | null = null;
    try {
      const parts = rendered.messages.length;
      for (const [part, m] of rendered.messages.entries()) {
        const ref = `${refOf(options.idempotencyKey)} ${part + 1}/${parts}`;
        const body = channelMessageBody(withRef(m, ref), { nonce: nonceFor(options.idempotencyKey, part), enforce_nonce: true });
        const created = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
        firstId ??= created.id;
        if (part === 0 && reply.openThread) await openThread(rest, channelId, created.id, reply, logger);
      }
    } catch (error) {
      const failure = classifyError(error);
      logger.warn({ channel, kind: failure.kind, detail: failure.detail }, 'discord post failed');
      return failure;
    }
    return { ok: true, messageId: firstId ?? '' };
  }

  /** Looks through the channel's last 100 messages for every part carrying the delivery's reference. */
  async findPosted(channel: string, idempotencyKey: string): Promise<string | null> {
    const channelId = parseChannelKey(channel)?.channel;
    if (!channelId) return null;
    const recent = (await this.options.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: '100' }) })) as FetchedMessage[];
    const ref = refOf(idempotencyKey);
    // Built once, not once per text of up to 100 messages.
    const partOf = new RegExp(`${ref.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')} (\\d+)/(\\d+)`);
    const parts = new Map<number, string>();
    let total = 0;
    for (const msg of recent) {
      const texts = [msg.content ?? '', ...(msg.embeds ?? []).map((e) => e.footer?.text ?? '')];
      for (const text of texts) {
        const m = partOf.exec(text);
        if (m) {
          parts.set(Number(m[1]), msg.id);
          total = Number(m[2]);
        }
      }
    }
    if (total === 0 || parts.size < total) return null;
    return parts.get(1) ?? null;
  }
}
