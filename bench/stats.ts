/** Small measuring helpers shared by the bench workers. */
import { performance } from 'node:perf_hooks';

/** The q-quantile (0..1) of the samples by nearest rank; null when there are none. */
export function percentile(samples: readonly number[], q: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Runs `fn` over every input `rounds` times after one unmeasured warm-up round and returns
 * the per-call latencies in milliseconds.
 */
export async function timeEach<T>(inputs: readonly T[], rounds: number, fn: (input: T) => unknown): Promise<number[]> {
  for (const input of inputs) await fn(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      await fn(input);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const round = (n: number | null, digits = 2): number | null =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The inputs with the highest median latency, from samples taken by timeEach (input order
 * repeated each round): where to look first when a p99 is over target.
 */
export function slowest(inputs: readonly string[], samples: readonly number[], n = 5): { q: string; p50_ms: number }[] {
  const per = inputs.map((q, i) => ({
    q,
    p50_ms: round(percentile(samples.filter((_, k) => k % inputs.length === i), 0.5) ?? 0, 2)!,
  }));
  return per.sort((a, b) => b.p50_ms - a.p50_ms).slice(0, n);
}
