/**
 * Array helpers safe on any length. `Math.min(...xs)` and `push(...xs)` pass every element as
 * an argument on the stack, which overflows at a few hundred thousand (a 2 MB sentence's tokens,
 * a first build's release ids).
 */

/** The smallest number of a non-empty list (Infinity for an empty one, as Math.min()). */
export function minOf(xs: readonly number[]): number {
  let min = Infinity;
  for (const x of xs) if (x < min) min = x;
  return min;
}

/** The largest number of a non-empty list (-Infinity for an empty one, as Math.max()). */
export function maxOf(xs: readonly number[]): number {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  return max;
}

/** Appends every item of `items` to `target`, one at a time. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
