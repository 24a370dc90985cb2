import type { Services } from '../services.ts';
import { isBotError } from '../errors.ts';
import { parseSubscribe } from '../subscriptions/parse-subscribe.ts';

/** What a guided subscribe form asks for; every field as the person left it. */
export interface SubscribeForm {
  schedule: 'daily' | 'weekly' | 'hourly' | 'cron';
  /** weekly: monday ... sunday */
  day?: string;
  /** HH:MM */
  at?: string;
  cron?: string;
  tz?: string;
  backfill?: string;
  /** A topic or query. */
  filter?: string;
}

export type FormField = keyof SubscribeForm;

/** The form as `/sco subscribe ...` text, or the fields that are wrong with what is wrong with each. */
export type FormResult = { ok: true; text: string } | { ok: false; errors: Partial<Record<FormField, string>> };

/** The parser's sentence without its "Try for example" tail, which names typed syntax a form does not have. */
function reason(error: unknown): string {
  const message = isBotError(error) ? error.message : String(error);
  return message.replace(/\s*Try for example:.*$/s, '');
}

/**
 * Turns a filled-in form into the same text the typed command takes, checking each field with
 * the command's own parser so a problem is shown on the field it belongs to.
 */
export function subscribeFormText(form: SubscribeForm, defaultTimezone: string): FormResult {
  const errors: Partial<Record<FormField, string>> = {};
  const check = (field: FormField, text: string) => {
    try {
      parseSubscribe(text, defaultTimezone);
    } catch (error) {
      errors[field] = reason(error);
    }
  };
  const parts: string[] = [];
  if (form.schedule === 'weekly') {
    const day = form.day?.trim() ?? '';
    if (!day) errors.day = 'Pick the day of the week for a weekly digest.';
    else check('day', `weekly ${day}`);
    parts.push(`weekly ${day}`);
  } else if (form.schedule === 'cron') {
    const expr = form.cron?.trim().replace(/["“”]/g, '') ?? '';
    if (!expr) errors.cron = 'Type a cron expression, e.g. 0 9 * * 1-5 (minute hour day month weekday).';
    else check('cron', `cron "${expr}"`);
    parts.push(`cron "${expr}"`);
  } else parts.push(form.schedule);

  const at = form.at?.trim();
  // A cron expression carries its own time; the time picker is left out then.
  if (at && form.schedule !== 'cron') {
    check('at', `daily at ${at}`);
    parts.push(`at ${at}`);
  }
  const tz = form.tz?.trim();
  if (tz) {
    check('tz', `daily tz ${tz}`);
    parts.push(`tz ${tz}`);
  }
  const backfill = form.backfill?.trim();
  if (backfill && backfill !== '0') {
    check('backfill', `daily backfill ${backfill}`);
    parts.push(`backfill ${backfill}`);
  }
  const filter = form.filter?.trim();
  if (filter) parts.push(filter);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, text: `subscribe ${parts.join(' ')}` };
}

/** "12 releases match", for the form's live count beside the topic or query. */
export function matchingCount(services: Services, filter: string): string {
  const q = filter.trim();
  if (!q) return `All ${services.library.count().toLocaleString('en-GB')} releases (no topic or query).`;
  const outcome = services.library.search(q, { limit: 1 });
  const n = outcome.totalEstimated ? `About ${outcome.total.toLocaleString('en-GB')}` : outcome.total.toLocaleString('en-GB');
  if (outcome.total === 0) return 'No release matches that yet; the digest holds only new ones that do.';
  return `${n} release${outcome.total === 1 ? '' : 's'} match${outcome.total === 1 ? 'es' : ''} so far.`;
}
