/** Exponential backoff with full jitter: base * 2^attempt, capped, times a random factor in [0.5, 1]. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exp * (0.5 + random() / 2));
}

/**
 * Retry-After as milliseconds from now: either delta-seconds or an HTTP date. Null when absent
 * or unreadable (the caller falls back to its own backoff).
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Statuses worth asking again for: the server said "later" or had a passing fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}
