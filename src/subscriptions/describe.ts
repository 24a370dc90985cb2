import { describeSchedule, nextRun } from '../schedule/schedule.ts';
import type { CursorState, Subscription } from './subscription.ts';
import { formatInstant } from '../util/format-instant.ts';

/** "Fri, 28 Nov 2026, 09:00" in the subscription's timezone. */
export function formatWhen(date: Date, tz: string): string {
  return formatInstant(date, tz, { weekday: true });
}

/** quiet (the default) posts nothing for an empty period; verbose posts a short line. */
export function describeMode(sub: Pick<Subscription, 'nothingNewLine'>): string {
  return sub.nothingNewLine ? 'verbose: says so when there is nothing new' : 'quiet: posts nothing when there is nothing new';
}

/** "daily at 09:00 (Europe/Berlin), quiet: ...": the schedule and the mode. */
export function describeSubscriptionSchedule(sub: Pick<Subscription, 'schedule' | 'nothingNewLine'>): string {
  return `${describeSchedule(sub.schedule)}, ${describeMode(sub)}`;
}

/** One line per subscription for `/sco subscriptions` and confirmations. */
export function describeSubscription(sub: Subscription, cursor: CursorState, now: Date): string {
  const what = sub.filter ? `releases matching “${sub.filter}”` : 'all new releases';
  const head = `\`${sub.id}\` ${describeSchedule(sub.schedule)}, ${what}`;
  if (sub.paused) {
    return `${head}. Paused since ${formatWhen(new Date(sub.paused.at), sub.schedule.tz)}: ${sub.paused.reason}. Fix that, then \`/sco resume ${sub.id}\`.`;
  }
  const next = nextRun(sub.schedule, new Date(cursor.slot));
  const when = next.getTime() <= now.getTime() ? 'due now' : formatWhen(next, sub.schedule.tz);
  const mode = sub.nothingNewLine ? 'Verbose: says so when there is nothing new.' : 'Quiet: posts nothing when there is nothing new.';
  const thread = sub.thread ? ' Each digest opens a thread.' : '';
  return `${head}. Next digest: ${when}. ${mode}${thread}`;
}
