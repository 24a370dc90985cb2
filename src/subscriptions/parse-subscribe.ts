import { BotError } from '../errors.ts';
import { validCron } from '../schedule/schedule.ts';
import { editDistance } from '../text/edit-distance.ts';
import { shownZone, validTimezone } from '../util/timezone.ts';
import type { Schedule } from './subscription.ts';

/** What `/sco subscribe ...` asks for. */
export interface SubscribeRequest {
  schedule: Schedule;
  filter?: string;
  /** Include the N newest releases in the first digest. */
  backfill?: number;
  nothingNewLine?: boolean;
  /** `thread`: each digest opens a thread for follow-ups. */
  thread?: boolean;
}

export const SUBSCRIBE_USAGE =
  'subscribe [daily|weekly <day>|hourly|cron "<expr>"] [at HH:MM] [tz <Area/City>] [backfill N] [quiet|verbose] [thread] [topic or query]';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The schedules there are, as the refusal of a schedule-like word lists them. */
const SCHEDULES = 'daily, weekly <day>, hourly or cron "<expr>"';
/**
 * Words that read as a schedule but are none: taken as the start of the topic they would make a
 * daily digest of releases mentioning "monthly", which is never what was meant.
 */
const SCHEDULE_LIKE = new Set([
  'monthly', 'yearly', 'annually', 'annual', 'quarterly', 'fortnightly', 'biweekly', 'bi-weekly', 'semiweekly',
  'nightly', 'minutely', 'every', 'weekdays', 'weekends', 'weekday', 'weekend', 'once', 'twice',
]);
const FULL_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A refusal when `word` (the first word past the options) looks like a schedule; otherwise nothing. */
function refuseScheduleLike(word: string): void {
  const w = word.toLowerCase();
  if (FULL_DAYS.includes(w)) bad(`"${word}" alone is not a schedule; say \`weekly ${w}\`.`, `subscribe weekly ${w} at 09:00`);
  const typo = ['daily', 'weekly', 'hourly'].find((s) => w.length >= 4 && w !== s && editDistance(w, s, 2) <= 1);
  if (SCHEDULE_LIKE.has(w) || typo) {
    const hint = typo ? ` Did you mean "${typo}"?` : '';
    bad(`"${word}" is not a schedule I know; the schedules are ${SCHEDULES}.${hint}`, 'subscribe weekly monday at 09:00');
  }
}

/** Why a cron expression is refused: malformed, or well formed but naming a day that never comes. */
function cronProblem(expr: string): string {
  const fields = expr.trim().split(/\s+/);
  if (fields.length === 5) {
    const anyDay = [...fields.slice(0, 2), '*', fields[3]!, fields[4]!].join(' ');
    const anyMonth = [...fields.slice(0, 3), '*', fields[4]!].join(' ');
    if (validCron(anyDay) && validCron(anyMonth)) {
      return `cron "${expr}" never fires: no month in it has that day.`;
    }
  }
  return `"${expr}" is not a five-field cron expression (minute hour day month weekday).`;
}

function bad(what: string, example: string): never {
  throw new BotError('bad_input', `${what} Try for example: \`/sco ${example}\``);
}

/** Words, with "double quoted" or “curly quoted” runs kept whole (for cron expressions). */
function tokenize(text: string): { word: string; quoted: boolean }[] {
  const out: { word: string; quoted: boolean }[] = [];
  const re = /["“”]([^"“”]*)["“”]|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? { word: m[1], quoted: true } : { word: m[2] ?? '', quoted: false });
  return out;
}

function parseTime(value: string | undefined): string {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(value ?? '');
  const h = m ? Number(m[1]) : NaN;
  const mi = m?.[2] ? Number(m[2]) : 0;
  if (!m || h > 23 || mi > 59) bad(`"${value ?? ''}" is not a time of day (24-hour HH:MM).`, 'subscribe daily at 09:00');
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/**
 * Parses the text after `subscribe`. Options come first in any order; the first word that is
 * not an option starts the topic or query. Anything malformed is refused with an example.
 */
export function parseSubscribe(text: string, defaultTimezone: string): SubscribeRequest {
  const tokens = tokenize(text.trim());
  let kind: Schedule['kind'] = 'daily';
  let day: number | undefined;
  let expr: string | undefined;
  let at: string | undefined;
  let tz = defaultTimezone;
  let backfill: number | undefined;
  let nothingNewLine: boolean | undefined;
  let thread: boolean | undefined;
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) break;
    const w = t.word.toLowerCase();
    if (w === 'daily' || w === 'hourly') kind = w;
    else if (w === 'weekly') {
      kind = 'weekly';
      const next = tokens[i + 1]?.word.toLowerCase() ?? '';
      const d = DAY_NAMES.indexOf(next.slice(0, 3));
      if (d < 0 || !/^[a-z]+$/.test(next)) bad('A weekly digest needs a day of the week.', 'subscribe weekly monday at 09:00');
      day = d;
      i++;
    } else if (w === 'cron') {
      const next = tokens[i + 1];
      if (!next?.quoted) bad('Put the cron expression in double quotes.', 'subscribe cron "0 9 * * 1-5"');
      if (!validCron(next.word)) bad(cronProblem(next.word), 'subscribe cron "0 9 * * 1-5"');
      kind = 'cron';
      expr = next.word.trim().replace(/\s+/g, ' ');
      i++;
    } else if (w === 'at') {
      at = parseTime(tokens[i + 1]?.word);
      i++;
    } else if (/^\d{1,2}:\d{2}$/.test(w)) at = parseTime(w);
    else if (w === 'tz') {
      const zone = tokens[i + 1]?.word ?? '';
      if (!zone) bad('tz needs a timezone after it, such as Europe/Berlin.', 'subscribe daily at 09:00 tz Europe/Berlin');
      if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) || !validTimezone(zone)) {
        bad(`"${zone}" is not a timezone I know (use Area/City).`, 'subscribe daily at 09:00 tz Europe/Berlin');
      }
      tz = shownZone(zone);
      i++;
    } else if (w === 'backfill') {
      const n = Number(tokens[i + 1]?.word);
      if (!Number.isInteger(n) || n < 1 || n > 50) bad('backfill takes a number of releases from 1 to 50.', 'subscribe daily backfill 5');
      backfill = n;
      i++;
    } else if (w === 'quiet') nothingNewLine = false;
    else if (w === 'verbose') nothingNewLine = true;
    else if (w === 'thread') thread = true;
    else {
      refuseScheduleLike(t.word);
      break;
    }
  }
  const rest = tokens.slice(i).map((t) => (t.quoted ? `"${t.word}"` : t.word)).join(' ').trim();
  let schedule: Schedule;
  if (kind === 'cron') {
    if (at) bad('A cron expression carries its own time; leave out "at".', 'subscribe cron "30 8 * * 1-5" tz Asia/Tashkent');
    schedule = { kind, expr: expr!, tz };
  } else if (kind === 'hourly') schedule = { kind, minute: at ? Number(at.slice(3)) : 0, tz };
  else if (kind === 'weekly') schedule = { kind, day: day!, at: at ?? '09:00', tz };
  else schedule = { kind, at: at ?? '09:00', tz };
  return {
    schedule,
    ...(rest ? { filter: rest } : {}),
    ...(backfill ? { backfill } : {}),
    ...(nothingNewLine !== undefined ? { nothingNewLine } : {}),
    ...(thread ? { thread } : {}),
  };
}
