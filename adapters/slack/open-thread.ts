import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { classifyError } from './errors.ts';

/** The first reply under a digest whose subscription asked for a thread. */
export const THREAD_INVITE = 'Questions about this digest? Ask here, mentioning SCO Bot, and the answers stay in this thread.';

/**
 * Slack has no empty threads: a digest's thread starts with a first reply under it, inviting the
 * follow-ups. The digest is already posted, so a failure is logged and the delivery stands.
 */
export async function openThread(client: webApi.WebClient, channel: string, ts: string, logger: Logger): Promise<void> {
  try {
    await client.chat.postMessage({ channel, thread_ts: ts, text: THREAD_INVITE, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    logger.warn({ channel, detail: classifyError(error).detail }, 'digest posted, but its thread could not be opened');
  }
}
