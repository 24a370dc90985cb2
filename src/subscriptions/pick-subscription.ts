import { BotError } from '../errors.ts';
import type { Subscription } from './subscription.ts';

/**
 * The subscription a command means: the one named by `id` among this channel's, or the only
 * one the channel has. An id from another channel is as good as unknown here.
 */
export function pickSubscription(mine: Subscription[], typed: string, command: string): Subscription {
  const id = typed.trim().replace(/^`|`$/g, '');
  if (!id) {
    if (mine.length === 0) throw new BotError('not_found', 'This channel has no digest subscriptions.');
    if (mine.length > 1) {
      throw new BotError(
        'bad_input',
        `This channel has ${mine.length} subscriptions (${mine.map((s) => `\`${s.id}\``).join(', ')}); say which, e.g. \`/sco ${command} ${mine[0]!.id}\`.`,
      );
    }
  }
  const sub = id ? mine.find((s) => s.id === id) : mine[0];
  if (!sub) throw new BotError('not_found', `No subscription \`${id}\` in this channel. See \`/sco subscriptions\`.`);
  return sub;
}
