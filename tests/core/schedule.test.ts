import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { dueRun, describeSchedule, nextRun } from '../../src/schedule/schedule.ts';
import { parseSubscribe } from '../../src/subscriptions/parse-subscribe.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseSubscribe', () => {
  it('defaults to daily at 09:00 in the default timezone, everything', () => {
    expect(parseSubscribe('', 'Asia/Tashkent')).toEqual({ schedule: { kind: 'daily', at: '09:00', tz: 'Asia/Tashkent' } });
  });

  it('reads schedule, time, timezone, backfill, verbosity and the remaining words as the filter', () => {
    expect(parseSubscribe('weekly Monday at 8:30 tz Europe/Berlin backfill 3 verbose drug trafficking', 'UTC')).toEqual({
      schedule: { kind: 'weekly', day: 1, at: '08:30', tz: 'Europe/Berlin' },
      filter: 'drug trafficking',
      backfill: 3,
      nothingNewLine: true,
    });
    expect(parseSubscribe('daily 07:05', 'UTC').schedule).toEqual({ kind: 'daily', at: '07:05', tz: 'UTC' });
    expect(parseSubscribe('hourly at 00:15 quiet', 'UTC')).toEqual({ schedule: { kind: 'hourly', minute: 15, tz: 'UTC' }, nothingNewLine: false });
    expect(parseSubscribe('cron "0 9 * * 1-5" tz America/New_York afghanistan', 'UTC')).toEqual({
      schedule: { kind: 'cron', expr: '0 9 * * 1-5', tz: 'America/New_York' },
      filter: 'afghanistan',
    });
    expect(parseSubscribe('cron “30 6 * * *”', 'UTC').schedule).toEqual({ kind: 'cron', expr: '30 6 * * *', tz: 'UTC' });
  });

  it.each([
    ['at 25:00', /not a time of day.*subscribe daily at 09:00/],
    ['at noonish', /not a time of day/],
    ['tz Mars/Olympus', /not a timezone.*tz Europe\/Berlin/],
    ['weekly funday', /day of the week.*weekly monday/],
    ['cron "61 * * * *"', /not a five-field cron.*cron "0 9 \* \* 1-5"/],
    ['cron 0 9 * * *', /double quotes/],
    ['cron "* * * * * *"', /five-field/],
    ['cron "0 9 * * *" at 10:00', /leave out "at"/],
    ['backfill 0', /1 to 50/],
    ['backfill lots', /1 to 50/],
  ])('refuses %s with an example of the right form', (text, message) => {
    let caught: unknown;
    try {
      parseSubscribe(text, 'UTC');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BotError);
    expect((caught as BotError).code).toBe('bad_input');
    expect((caught as BotError).message).toMatch(message);
    expect((caught as BotError).message).toContain('`/sco subscribe');
  });
});

describe('nextRun with timezones', () => {
  it('daily at 09:00 Berlin is 08:00Z in winter and 07:00Z in summer', () => {
    const s = { kind: 'daily' as const, at: '09:00', tz: 'Europe/Berlin' };
    expect(iso(nextRun(s, new Date('2026-01-10T12:00:00Z')))).toBe('2026-01-11T08:00:00.000Z');
    expect(iso(nextRun(s, new Date('2026-07-10T06:00:00Z')))).toBe('2026-07-10T07:00:00.000Z');
    // Strictly after: a run exactly at `after` is not next.
    expect(iso(nextRun(s, new Date('2026-07-10T07:00:00Z')))).toBe('2026-07-11T07:00:00.000Z');
  });

  it('keeps the wall-clock time across the spring and autumn changes', () => {
    const s = { kind: 'daily' as const, at: '09:00', tz: 'America/New_York' };
    // DST starts 8 March 2026 in the US.
    expect(iso(nextRun(s, new Date('2026-03-07T15:00:00Z')))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(nextRun(s, new Date('2026-03-06T15:00:00Z')))).toBe('2026-03-07T14:00:00.000Z');
    // DST ends 1 November 2026.
    expect(iso(nextRun(s, new Date('2026-10-31T14:00:00Z')))).toBe('2026-11-01T14:00:00.000Z');
  });

  it('a time skipped by spring-forward runs once, an hour later; a repeated one runs once', () => {
    const s = { kind: 'daily' as const, at: '02:30', tz: 'Europe/Berlin' };
    // 29 March 2026: 02:00 -> 03:00 in Berlin; 02:30 does not exist, so 03:30 CEST = 01:30Z.
    expect(iso(nextRun(s, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 02:30 happens twice; the first (CEST, 00:30Z) only.
    const first = nextRun(s, new Date('2026-10-24T12:00:00Z'));
    expect(iso(first)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextRun(s, first))).toBe('2026-10-26T01:30:00.000Z');
  });

  it('weekly picks the named day in the timezone, not in UTC', () => {
    const s = { kind: 'weekly' as const, day: 1, at: '08:00', tz: 'Asia/Tokyo' };
    // Friday 27 Nov 2026 -> Monday 30 Nov 08:00 JST = Sunday 29 Nov 23:00Z.
    expect(iso(nextRun(s, new Date('2026-11-27T12:00:00Z')))).toBe('2026-11-29T23:00:00.000Z');
  });

  it('hourly and cron schedules', () => {
    expect(iso(nextRun({ kind: 'hourly', minute: 15, tz: 'Asia/Kolkata' }, new Date('2026-11-27T10:50:00Z')))).toBe('2026-11-27T11:45:00.000Z');
    // (Kolkata is UTC+5:30: 10:50Z is 16:20 local, so the next :15 is 17:15 local.)
    expect(iso(nextRun({ kind: 'cron', expr: '0 9 * * 1-5', tz: 'Europe/London' }, new Date('2026-11-27T09:00:00Z')))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(nextRun({ kind: 'cron', expr: '*/30 * * * *', tz: 'UTC' }, new Date('2026-11-27T09:00:00Z')))).toBe('2026-11-27T09:30:00.000Z');
  });

  it('dueRun collapses runs missed while down into the latest one, and is null before the first', () => {
    const s = { kind: 'daily' as const, at: '09:00', tz: 'UTC' };
    const created = new Date('2026-11-20T10:00:00Z');
    expect(dueRun(s, created, new Date('2026-11-21T08:59:59Z'))).toBeNull();
    expect(iso(dueRun(s, created, new Date('2026-11-21T09:00:00Z')))).toBe('2026-11-21T09:00:00.000Z');
    expect(iso(dueRun(s, created, new Date('2026-11-27T12:00:00Z')))).toBe('2026-11-27T09:00:00.000Z');
  });

  it('describes schedules as people read them', () => {
    expect(describeSchedule({ kind: 'weekly', day: 1, at: '08:30', tz: 'Europe/Berlin' })).toBe('every Monday at 08:30 (Europe/Berlin)');
    expect(describeSchedule({ kind: 'hourly', minute: 5, tz: 'UTC' })).toBe('hourly at :05 (UTC)');
  });
});
