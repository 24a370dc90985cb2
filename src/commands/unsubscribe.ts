import { textReply } from '../bot/reply.ts';
import { pickSubscription } from '../subscriptions/pick-subscription.ts';
import type { CommandSpec } from './registry.ts';

export const unsubscribeCommand: CommandSpec = {
  id: 'unsubscribe',
  aliases: ['unsub'],
  summary: 'Stop one of this channel’s digest subscriptions',
  usage: 'unsubscribe [id]',
  examples: ['/sco unsubscribe', '/sco unsubscribe k3m9x'],
  options: [{ name: 'id', description: 'The subscription id (see /sco subscriptions)', type: 'string' }],
  requiresManage: true,
  async run({ services, request, args }) {
    const store = services.subscriptions;
    const sub = pickSubscription(await store.list(request.channel), args, 'unsubscribe');
    await store.remove(sub.id);
    return textReply(`Unsubscribed \`${sub.id}\`: no more digests from it in this channel.`, 'channel');
  },
};
