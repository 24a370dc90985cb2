import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import type { PostResult, Transport } from '../../src/ports/transport.ts';
import { classifyError } from './classify-error.ts';
import { channelIdOf } from './command-text.ts';
import { LIMITS } from './limits.ts';
import { channelMessageBody } from './message-body.ts';
import { renderReply } from './render-reply.ts';

/**
 * The nonce for part `part` of the message posted under `key`: a hash, so it fits Discord's 25
 * characters and is the same after a restart. With `enforce_nonce`, Discord answers a repeat
 * within a few minutes with the message it already created instead of posting twice.
 */
export function nonceFor(key: string, part = 0): string {
  return createHash('sha256').update(`${key}#${part}`).digest('base64url').slice(0, LIMITS.nonce);
}

/** Posts through Discord's REST API (no gateway needed): digests and other scheduled messages. */
export function createDiscordTransport(rest: REST, logger: Logger): Transport {
  return {
    platform: 'discord',
    // One embed per item plus a heading embed: 9 items fit the 10 embeds of a message.
    limits: { itemsPerMessage: LIMITS.embedsPerMessage - 1, charsPerMessage: LIMITS.embedCharsPerMessage - 500 },
    async post(channel: string, reply: Reply, options: { idempotencyKey: string }): Promise<PostResult> {
      const channelId = channelIdOf(channel);
      if (!channelId) return { ok: false, kind: 'not_found', detail: `not a Discord channel key: ${channel}` };
      const rendered = renderReply(reply);
      let firstId: string | null = null;
      try {
        for (const [part, m] of rendered.messages.entries()) {
          const body = channelMessageBody(m, { nonce: nonceFor(options.idempotencyKey, part), enforce_nonce: true });
          const created = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
          firstId ??= created.id;
        }
      } catch (error) {
        const failure = classifyError(error);
        logger.warn({ channel, kind: failure.kind, detail: failure.detail }, 'discord post failed');
        return failure;
      }
      return { ok: true, messageId: firstId ?? '' };
    },
  };
}
