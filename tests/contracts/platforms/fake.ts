import { FakeTransport } from '../../fakes/fake-transport.ts';
import type { TransportSetup } from '../transport-contract.ts';

/**
 * The fake transport the digest tests use: it must keep the contract too, or those tests prove
 * nothing about the real ones. Its "platform" answers are the results queued with failNext.
 */
const NO_WIRE = 'the fake has no wire: it hands back queued results';

/** Every string of a recorded reply: what the fake's channel shows. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textsOf);
}

export const fakeTransport: TransportSetup = {
  cannot: {
    reset: NO_WIRE,
    hang: NO_WIRE,
    lost_response: NO_WIRE,
    history_down: NO_WIRE,
    repeatShowsOnce: 'the fake records every post; the scheduler asks findPosted before a repeat',
    refusesForeignKeys: 'the fake records posts to any key, so digest tests can use any channel',
  },
  async open() {
    const fake = new FakeTransport('test');
    let n = 0;
    const channel = () => `test:C${++n}`;
    const queued = (result: Parameters<FakeTransport['failNext']>[0]) => {
      fake.failNext(result);
      return channel();
    };
    return {
      transport: fake,
      channel,
      visible: (key) => fake.posts.filter((p) => p.channel === key).map((p) => textsOf(p.reply.blocks).join('\n')),
      missing: () => queued({ ok: false, kind: 'not_found', detail: 'channel_not_found' }),
      forbidden: () => queued({ ok: false, kind: 'forbidden', detail: 'not_in_channel' }),
      fault: {
        rate_limited: () => queued({ ok: false, kind: 'rate_limited', retryAfterMs: 120_000, detail: 'HTTP 429' }),
        server_error: () => queued({ ok: false, kind: 'transient', detail: 'HTTP 503' }),
      },
      close: async () => undefined,
    };
  },
};
