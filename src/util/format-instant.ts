/** Formatters are costly to build and cheap to use: one per timezone and style. */
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as people read it in a timezone: "28 Nov 2026, 09:00", or with the weekday
 * "Sat, 28 Nov 2026, 09:00".
 */
export function formatInstant(date: Date, tz: string, options: { weekday?: boolean } = {}): string {
  const key = `${tz}|${options.weekday ? 'w' : ''}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      ...(options.weekday ? { weekday: 'short' as const } : {}),
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cache.set(key, f);
  }
  return f.format(date);
}
