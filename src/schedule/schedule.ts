import { lazyRequire } from '../util/lazy-require.ts';
import type { Schedule } from '../subscriptions/subscription.ts';
import { validTimezone } from '../util/timezone.ts';

/** Loaded on first use: describing a schedule or a lookup needs no cron parser. */
const nodeCron = lazyRequire<typeof import('node-cron').default>('node-cron');

/** One formatter per timezone: building one costs far more than using it (60% of a fan-out's CPU). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a timezone. */
function wall(ms: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number; wd: number } {
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { y: +get('year'), mo: +get('month'), d: +get('day'), h: +get('hour'), mi: +get('minute'), wd };
}

/** Offset of `tz` from UTC at instant `ms`, in ms (minute precision). */
function offset(ms: number, tz: string): number {
  const w = wall(ms, tz);
  const floored = Math.floor(ms / 60_000) * 60_000;
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - floored;
}

/**
 * The instant of a wall-clock time in `tz`. In a fall-back hour (the time occurs twice) the first
 * occurrence; in a spring-forward gap (the time does not exist) the time moved on by the gap,
 * so a 02:30 digest goes out at 03:30 that night rather than not at all.
 */
export function zonedTime(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const DAY = 86_400_000;
  const before = offset(guess - DAY, tz);
  const after = offset(guess + DAY, tz);
  const n = new Date(guess);
  const target = [n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate(), n.getUTCHours(), n.getUTCMinutes()].join();
  const matches = [guess - before, guess - after].filter((t) => {
    const w = wall(t, tz);
    return [w.y, w.mo, w.d, w.h, w.mi].join() === target;
  });
  if (matches.length > 0) return Math.min(...matches);
  return guess - before;
}

type Matcher = { getNextMatch(date: Date): Date };
const cronMatchers = new Map<string, Matcher>();

/** node-cron's own matcher for an expression, so cron subscriptions fire as node-cron would. */
function cronMatcher(expr: string, tz: string): Matcher {
  const key = `${tz} ${expr}`;
  let m = cronMatchers.get(key);
  if (!m) {
    const task = nodeCron().createTask(expr, () => undefined, { timezone: tz });
    m = (task as unknown as { timeMatcher: Matcher }).timeMatcher;
    // The task was only wanted for its matcher; keep node-cron's registry clean.
    void Promise.resolve(task.destroy()).catch(() => undefined);
    cronMatchers.set(key, m);
  }
  return m;
}

const parseAt = (at: string) => at.split(':').map(Number) as [number, number];

/** The first run strictly after `after`. */
export function nextRun(schedule: Schedule, after: Date): Date {
  const ms = after.getTime();
  if (schedule.kind === 'cron') {
    let next = cronMatcher(schedule.expr, schedule.tz).getNextMatch(after);
    // node-cron works to the second; make sure we move strictly forward.
    while (next.getTime() <= ms) next = cronMatcher(schedule.expr, schedule.tz).getNextMatch(new Date(next.getTime() + 1000));
    return next;
  }
  const w = wall(ms, schedule.tz);
  if (schedule.kind === 'hourly') {
    for (let k = 0; k < 50; k++) {
      const n = new Date(Date.UTC(w.y, w.mo - 1, w.d, w.h + k, schedule.minute));
      const t = zonedTime(n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate(), n.getUTCHours(), schedule.minute, schedule.tz);
      if (t > ms) return new Date(t);
    }
  } else {
    const [h, mi] = parseAt(schedule.at);
    for (let k = 0; k < 9; k++) {
      const n = new Date(Date.UTC(w.y, w.mo - 1, w.d + k));
      if (schedule.kind === 'weekly' && n.getUTCDay() !== schedule.day) continue;
      const t = zonedTime(n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate(), h, mi, schedule.tz);
      if (t > ms) return new Date(t);
    }
  }
  throw new Error(`no next run for ${JSON.stringify(schedule)}`);
}

/**
 * The latest run at or before `now` that comes after `last`, or null when none is due. Runs
 * missed while the bot was down collapse into one (the digest covers the whole gap).
 */
export function dueRun(schedule: Schedule, last: Date, now: Date): Date | null {
  let due: Date | null = null;
  let next = nextRun(schedule, last);
  for (let i = 0; i < 100_000 && next.getTime() <= now.getTime(); i++) {
    due = next;
    next = nextRun(schedule, next);
  }
  return due;
}

export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** How people read a schedule: "daily at 09:00 (Europe/Berlin)". */
export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'daily':
      return `daily at ${s.at} (${s.tz})`;
    case 'weekly':
      return `every ${DAYS[s.day]} at ${s.at} (${s.tz})`;
    case 'hourly':
      return `hourly at :${String(s.minute).padStart(2, '0')} (${s.tz})`;
    case 'cron':
      return `cron "${s.expr}" (${s.tz})`;
  }
}

/** A five-field cron expression node-cron accepts. */
export function validCron(expr: string): boolean {
  return expr.trim().split(/\s+/).length === 5 && nodeCron().validate(expr);
}

