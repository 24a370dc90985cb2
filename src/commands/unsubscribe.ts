import { textReply } from '../bot/reply.ts';
import { BotError } from '../errors.ts';
import { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { CommandSpec } from './registry.ts';

export const unsubscribeCommand: CommandSpec = {
  id: 'unsubscribe',
  aliases: ['unsub'],
  summary: 'Stop one of this channel’s digest subscriptions',
  usage: 'unsubscribe [id]',
  examples: ['/sco unsubscribe', '/sco unsubscribe k3m9x'],
  options: [{ name: 'id', description: 'The subscription id (see /sco subscriptions)', type: 'string' }],
  requiresManage: true,
  async run({ app, request, args }) {
    const store = new SubscriptionStore(app.store);
    const mine = await store.list(request.channel);
    const id = args.trim().replace(/^`|`$/g, '');
    if (!id) {
      if (mine.length === 0) throw new BotError('not_found', 'This channel has no digest subscriptions.');
      if (mine.length > 1) {
        throw new BotError(
          'bad_input',
          `This channel has ${mine.length} subscriptions (${mine.map((s) => `\`${s.id}\``).join(', ')}); say which, e.g. \`/sco unsubscribe ${mine[0]!.id}\`.`,
        );
      }
    }
    // Only this channel's subscriptions: an id from elsewhere is as good as unknown here.
    const sub = id ? mine.find((s) => s.id === id) : mine[0];
    if (!sub) throw new BotError('not_found', `No subscription \`${id}\` in this channel. See \`/sco subscriptions\`.`);
    await store.remove(sub.id);
    return textReply(`Unsubscribed \`${sub.id}\`: no more digests from it in this channel.`, 'channel');
  },
};
