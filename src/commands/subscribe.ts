import { textReply } from '../bot/reply.ts';
import { BotError } from '../errors.ts';
import { describeSubscription } from '../subscriptions/describe.ts';
import { parseSubscribe, SUBSCRIBE_USAGE } from '../subscriptions/parse-subscribe.ts';
import type { CommandSpec } from './registry.ts';

export const subscribeCommand: CommandSpec = {
  id: 'subscribe',
  aliases: ['sub'],
  summary: 'Post a digest of new releases in this channel on a schedule',
  usage: SUBSCRIBE_USAGE,
  examples: [
    '/sco subscribe',
    '/sco subscribe weekly monday at 08:30 tz Europe/Berlin afghanistan',
    '/sco subscribe hourly verbose',
    '/sco subscribe daily quiet',
    '/sco subscribe cron "0 9 * * 1-5" tz Asia/Tashkent backfill 3',
  ],
  options: [
    { name: 'schedule', description: 'daily, weekly <day>, hourly or cron "<expr>" (default daily)', type: 'string' },
    { name: 'at', description: 'Time of day, HH:MM (default 09:00)', type: 'string', keyword: 'at' },
    { name: 'tz', description: 'Timezone, Area/City (default the bot’s)', type: 'string', keyword: 'tz' },
    { name: 'backfill', description: 'Include the N newest releases in the first digest', type: 'integer', keyword: 'backfill' },
    // Before the topic: the core reads options up to the first word that is none.
    { name: 'thread', description: 'Open a thread for each digest, for follow-ups', type: 'string', choices: [{ name: 'yes', value: 'thread' }] },
    { name: 'topic', description: 'Only releases on this topic or matching these words', type: 'string', autocomplete: 'topics' },
  ],
  requiresManage: true,
  formWhenBare: 'subscribe',
  async run({ services, request, args }) {
    const wanted = parseSubscribe(args, services.config.defaultTimezone);
    const store = services.subscriptions;
    const existing = (await store.list(request.channel)).find(
      (s) => !s.paused && JSON.stringify(s.schedule) === JSON.stringify(wanted.schedule) && (s.filter ?? '') === (wanted.filter ?? ''),
    );
    const name = request.user.name ?? 'Someone';
    const who = name.charAt(0).toUpperCase() + name.slice(1);
    if (existing) {
      // The same digest asked for again as quiet or verbose: a change of mode, not a duplicate.
      if (wanted.nothingNewLine !== undefined && Boolean(existing.nothingNewLine) !== wanted.nothingNewLine) {
        const changed = (await store.update(existing.id, { nothingNewLine: wanted.nothingNewLine })) ?? existing;
        const line = describeSubscription(changed, await store.cursor(changed), services.clock());
        return textReply(`${who} changed this channel’s subscription: ${line}`, 'channel');
      }
      throw new BotError('bad_input', `This channel already has that subscription (\`${existing.id}\`). See \`/sco subscriptions\`.`);
    }
    const now = services.clock().toISOString();
    const extra = wanted.backfill
      ? services.library.latest({ ...(wanted.filter ? { topic: wanted.filter } : {}), limit: wanted.backfill }).hits.map((h) => h.release.id)
      : undefined;
    const sub = await store.create(
      {
        channel: request.channel,
        schedule: wanted.schedule,
        ...(wanted.filter ? { filter: wanted.filter } : {}),
        createdBy: request.user.id,
        createdAt: now,
        // A new subscription starts from now: no back catalogue unless asked with backfill.
        cursor: now,
        ...(wanted.nothingNewLine !== undefined ? { nothingNewLine: wanted.nothingNewLine } : {}),
        ...(wanted.thread ? { thread: true } : {}),
      },
      extra,
    );
    const line = describeSubscription(sub, await store.cursor(sub), services.clock());
    const back = !extra?.length ? '' : extra.length === 1 ? ' The first digest also brings the newest release.' : ` The first digest also brings the ${extra.length} newest releases.`;
    return textReply(`${who} subscribed this channel: ${line}${back} Stop with \`/sco unsubscribe ${sub.id}\`.`, 'channel');
  },
};
