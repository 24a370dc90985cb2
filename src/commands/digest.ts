import { replyOf, textReply, type Block } from '../bot/reply.ts';
import { BotError } from '../errors.ts';
import { describeSubscriptionSchedule, formatWhen } from '../subscriptions/describe.ts';
import type { CommandSpec } from './registry.ts';

const PREVIEW_LIMITS = { itemsPerMessage: 50, charsPerMessage: 40_000 };

export const digestCommand: CommandSpec = {
  id: 'digest',
  summary: 'See what the next digest holds (preview), or post it now (now)',
  usage: 'digest preview | digest now',
  examples: ['/sco digest preview', '/sco digest now'],
  options: [
    {
      name: 'action',
      description: 'preview (only you see it) or now (post it in the channel)',
      type: 'string',
      required: true,
      choices: [
        { name: 'preview', value: 'preview' },
        { name: 'now', value: 'now' },
      ],
    },
  ],
  async run({ services, request, args }) {
    const action = args.trim().toLowerCase() || 'preview';
    if (action !== 'preview' && action !== 'now') {
      throw new BotError('bad_input', 'Use `/sco digest preview` to see the next digest, or `/sco digest now` to post it now.');
    }
    if (action === 'now') {
      await services.digests.active(request.channel);
      if (!request.user.canManage) {
        throw new BotError('forbidden', 'Sorry, only people who can manage this channel can post a digest now. `/sco digest preview` shows you what it holds.');
      }
      const outcomes = await services.digests.postNow(request.channel);
      const posted = outcomes.filter((o) => o === 'posted').length;
      if (posted > 0) return textReply(`Posted ${posted === 1 ? 'the digest' : `${posted} digests`} in this channel.`);
      if (outcomes.every((o) => o === 'empty')) return textReply('Nothing new since the last digest, so nothing was posted.');
      if (outcomes.includes('busy')) return textReply('A digest for this channel is being posted right now; it will appear shortly.');
      return textReply('The digest could not be posted just now; I will try again at the next run. `/sco subscriptions` shows any problem.');
    }
    // Exactly what `digest now` would post at this moment: planned and rendered as delivery does.
    const now = services.clock();
    const blocks: Block[] = [];
    for (const { sub, replies, next } of await services.digests.preview(request.channel, PREVIEW_LIMITS)) {
      const when = next <= now ? 'due now' : formatWhen(next, sub.schedule.tz);
      const intro = `Preview of \`${sub.id}\` (${describeSubscriptionSchedule(sub)}), next digest ${when}:`;
      blocks.push({ type: 'context', text: [intro] });
      if (replies.length === 0) blocks.push({ type: 'text', text: ['Nothing new so far. The digest would post nothing.'] });
      for (const p of replies) blocks.push(...p.blocks);
    }
    return replyOf(blocks, 'private');
  },
};
