/**
 * Strict ISO-8601 dates and times. `Date.parse` rolls impossible values over (2020-02-30 is
 * 1 March, 24:00 is the next day) and reads free text ("March 5"); a date a person typed must
 * instead be a real day and time, or be refused.
 */

/** Whether year-month-day is a day of the calendar (2020-02-29 yes, 2021-02-29 and 2020-02-30 no). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * `2026-11-26`, `2026-11-26T09:00`, `2026-11-26T09:00:00Z`, `2026-11-26T09:00:00+01:00` as an
 * instant (a date alone, or a time without a zone, is UTC); null for anything else, including
 * hours past 23, minutes or seconds past 59 and days a month does not have.
 */
export function parseIsoInstant(text: string): Date | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(y, mo, d)) return null;
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const zh = Number(z[2]);
    const zm = Number(z[3]);
    if (zh > 14 || zm > 59) return null;
    offsetMin = (z[1] === '-' ? -1 : 1) * (zh * 60 + zm);
  }
  const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, Math.floor(ms)) - offsetMin * 60_000);
}
