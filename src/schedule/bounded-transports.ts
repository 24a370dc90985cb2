import { HostLimiter } from '../fetch/host-limiter.ts';
import type { Transport } from '../ports/transport.ts';

/**
 * The transports with at most `max` platform calls (posts and look-ups) in flight per platform.
 * The bound is on calls, not on deliveries: a delivery waiting out a rate limit or backing off
 * holds no slot, so a fan-out of thousands of subscriptions is not serialised behind the waits,
 * and a call that hangs holds one slot until the transport's own timeout ends it.
 */
export function boundTransports(transports: Transport[], max: number): Transport[] {
  // HostLimiter with no pause is a plain counting semaphore, one per platform.
  const limiter = new HostLimiter(Math.max(1, max), 0, async () => undefined);
  return transports.map((t) => {
    const bounded: Transport = {
      platform: t.platform,
      limits: t.limits,
      post: (channel, reply, options) => limiter.run(t.platform, () => t.post(channel, reply, options)),
    };
    if (t.findPosted) {
      const find = t.findPosted.bind(t);
      bounded.findPosted = (channel, key) => limiter.run(t.platform, () => find(channel, key));
    }
    return bounded;
  });
}
