import { replyOf, textReply, type Block } from '../bot/reply.ts';
import { describeSubscription } from '../subscriptions/describe.ts';
import type { CommandSpec } from './registry.ts';

export const subscriptionsCommand: CommandSpec = {
  id: 'subscriptions',
  aliases: ['subs'],
  summary: 'This channel’s digest subscriptions, next run times and any problems',
  usage: 'subscriptions',
  examples: ['/sco subscriptions'],
  options: [],
  async run({ services, request }) {
    const store = services.subscriptions;
    const subs = await store.list(request.channel);
    if (subs.length === 0) {
      return textReply('This channel has no digest subscriptions. Start one with `/sco subscribe` (daily at 09:00); `/sco help` lists the options.');
    }
    const now = services.clock();
    const lines = await Promise.all(subs.map(async (s) => describeSubscription(s, await store.cursor(s), now)));
    const heading = `Digest subscriptions in this channel (${subs.length})`;
    const blocks: Block[] = [{ type: 'heading', text: heading }, ...lines.map((l): Block => ({ type: 'text', text: [l] }))];
    return replyOf(blocks, 'private');
  },
};
