import type { Transport } from '../ports/transport.ts';
import type { Metrics } from './metrics.ts';

/**
 * The same transport, counting each post by its classified result: posted, deferred (rate
 * limited or transient: the scheduler tries again) or failed (forbidden, not found), and the
 * platform answers that call for a retry.
 */
export function measuredTransport(transport: Transport, metrics: Metrics): Transport {
  const platform = transport.platform;
  const post: Transport['post'] = async (channel, reply, options) => {
    let result;
    try {
      result = await transport.post(channel, reply, options);
    } catch (error) {
      // Transports must not throw; count it as a transient failure all the same.
      metrics.digests.inc({ platform, outcome: 'deferred' });
      metrics.platformRetries.inc({ platform, kind: 'transient' });
      throw error;
    }
    if (result.ok) metrics.digests.inc({ platform, outcome: 'posted' });
    else if (result.kind === 'rate_limited' || result.kind === 'transient') {
      metrics.digests.inc({ platform, outcome: 'deferred' });
      metrics.platformRetries.inc({ platform, kind: result.kind });
    } else metrics.digests.inc({ platform, outcome: 'failed' });
    return result;
  };
  const out: Transport = { platform, limits: transport.limits, post };
  if (transport.findPosted) out.findPosted = transport.findPosted.bind(transport);
  return out;
}
