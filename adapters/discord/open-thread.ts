import { Routes, type REST } from 'discord.js';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import { classifyError } from './errors.ts';

/** Discord's limit on a thread name. */
const NAME_MAX = 100;
/** A day without messages archives the thread; a new digest opens the next one anyway. */
const AUTO_ARCHIVE_MINUTES = 1440;

/** The thread's name: the reply's heading (the digest's period), else its first line. */
export function threadName(reply: Reply): string {
  const heading = reply.blocks.find((b): b is Extract<Reply['blocks'][number], { type: 'heading' }> => b.type === 'heading')?.text;
  const name = (heading ?? reply.text.split('\n')[0] ?? '').replace(/\s+/g, ' ').trim() || 'SCO digest';
  return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1).trimEnd()}…`;
}

/**
 * Starts a thread from a digest message so answers and follow-ups about it stay together. The
 * digest is already posted when this runs, so a refusal (no Create Public Threads permission, a
 * channel that has no threads) is logged and the delivery still counts as done.
 */
export async function openThread(rest: REST, channelId: string, messageId: string, reply: Reply, logger: Logger): Promise<void> {
  try {
    await rest.post(Routes.threads(channelId, messageId), { body: { name: threadName(reply), auto_archive_duration: AUTO_ARCHIVE_MINUTES } });
  } catch (error) {
    const failure = classifyError(error);
    logger.warn({ channel: channelId, kind: failure.kind, detail: failure.detail }, 'digest posted, but its thread could not be opened');
  }
}
