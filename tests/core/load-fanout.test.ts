/**
 * The digest fan-out of `npm run load`, small: every subscription gets its digest of the new
 * releases exactly once, through a transport that answers 429 to a second post per channel
 * within the interval. (The figure `npm run load` prints is only worth something if this holds.)
 */
import { describe, expect, it } from 'vitest';
import { fanoutLoad } from '../../bench/load-fanout.ts';

describe('digest fan-out under per-channel rate limits', () => {
  it('delivers every subscription its ten new releases exactly once', async () => {
    const report = await fanoutLoad(120, 40, 200, { store: 'memory' });
    expect(report.delivered_once).toBe(true);
    expect(report.posts).toBe(240);
    expect(report.rate_limited_answers).toBeGreaterThan(0);
    expect(report.failed_deliveries).toBe(0);
  }, 60_000);
});
