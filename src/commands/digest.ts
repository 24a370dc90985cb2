import type { Block, Reply } from '../bot/reply.ts';
import { textReply } from '../bot/reply.ts';
import { buildDigest } from '../digest/build-digest.ts';
import { BotError } from '../errors.ts';
import type { Release } from '../releases/release.ts';
import { schedulerFor } from '../schedule/scheduler-registry.ts';
import { describeSchedule, nextRun } from '../schedule/schedule.ts';
import { formatWhen } from '../subscriptions/describe.ts';
import { SubscriptionStore } from '../subscriptions/subscription-store.ts';
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
  async run({ app, request, args }) {
    const action = args.trim().toLowerCase() || 'preview';
    if (action !== 'preview' && action !== 'now') {
      throw new BotError('bad_input', 'Use `/sco digest preview` to see the next digest, or `/sco digest now` to post it now.');
    }
    const store = new SubscriptionStore(app.store);
    const subs = (await store.list(request.channel)).filter((s) => !s.paused);
    if (subs.length === 0) {
      throw new BotError('not_found', 'This channel has no active digest subscription. Start one with `/sco subscribe`.');
    }
    if (action === 'now') {
      if (!request.user.canManage) {
        throw new BotError('forbidden', 'Sorry, only people who can manage this channel can post a digest now. `/sco digest preview` shows you what it holds.');
      }
      const scheduler = schedulerFor(app);
      if (!scheduler?.serves(request.channel)) {
        throw new BotError('unavailable', 'Digests are not being delivered from here right now; try `/sco digest preview`.');
      }
      const outcomes = await Promise.all(subs.map((s) => scheduler.deliverNow(s)));
      const posted = outcomes.filter((o) => o === 'posted').length;
      if (posted > 0) return textReply(`Posted ${posted === 1 ? 'the digest' : `${posted} digests`} in this channel.`);
      if (outcomes.every((o) => o === 'empty')) return textReply('Nothing new since the last digest, so nothing was posted.');
      if (outcomes.includes('busy')) return textReply('A digest for this channel is being posted right now; it will appear shortly.');
      return textReply('The digest could not be posted just now; I will try again at the next run. `/sco subscriptions` shows any problem.');
    }
    const now = app.clock();
    const blocks: Block[] = [];
    const texts: string[] = [];
    for (const sub of subs) {
      const cursor = await store.cursor(sub);
      const found = app.library.seenSince(cursor.since, { until: now.toISOString(), ...(sub.filter ? { filter: sub.filter } : {}) });
      const extra = (cursor.extra ?? []).map((id) => app.library.get(id)).filter((r): r is Release => r !== null);
      const releases = [...new Map([...extra, ...found].map((r) => [r.id, r])).values()];
      const next = nextRun(sub.schedule, new Date(cursor.slot));
      const when = next <= now ? 'due now' : formatWhen(next, sub.schedule.tz);
      const intro = `Preview of \`${sub.id}\` (${describeSchedule(sub.schedule)}), next digest ${when}:`;
      const parts: Reply[] = buildDigest({
        releases,
        period: { since: cursor.since, until: now.toISOString() },
        limits: PREVIEW_LIMITS,
        tz: sub.schedule.tz,
        ...(sub.filter ? { filter: sub.filter } : {}),
      });
      blocks.push({ type: 'context', text: [intro] });
      texts.push(intro);
      if (parts.length === 0) {
        blocks.push({ type: 'text', text: ['Nothing new so far: the digest would post nothing.'] });
        texts.push('Nothing new so far.');
      }
      for (const p of parts) {
        blocks.push(...p.blocks);
        texts.push(p.text);
      }
    }
    return { blocks, text: texts.join('\n'), visibility: 'private' };
  },
};
