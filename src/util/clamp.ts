/** A whole number within [lo, hi]; anything not a finite number becomes lo. */
export function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
