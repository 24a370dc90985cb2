import { channelKey, isDirectChannel, parseChannelKey } from '../../../adapters/slack/channel-key.ts';
import type { ApiCall, StoredMessage } from '../../fakes/slack/fake-slack.ts';
import { startHarness } from '../../fakes/slack/slack-harness.ts';
import type { ChannelKeySetup } from '../channel-key-contract.ts';
import type { TransportSetup } from '../transport-contract.ts';

/** The bot's own Slack wiring (startSlack) against the fake Slack; every channel id is fresh. */

/** Every string a person reads in Block Kit blocks (header, section, context texts). */
function textsOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : textsOf(v)));
}

/** The blocks of a stored message: the call that stored it carried this very metadata object. */
function shownText(message: StoredMessage, calls: ApiCall[]): string {
  const call = calls.find((c) => c.args.metadata !== undefined && c.args.metadata === message.metadata);
  const blocks = call?.args.blocks;
  return Array.isArray(blocks) && blocks.length > 0 ? textsOf(blocks).join('\n') : message.text;
}

export const slackTransport: TransportSetup = {
  cannot: { repeatShowsOnce: 'chat.postMessage has no idempotency key; the scheduler asks findPosted before a repeat' },
  async open() {
    // Short API timeout so a hung Slack fails the case within seconds.
    const h = await startHarness({ mode: 'http', corpus: 'none', slack: { apiTimeoutMs: 400 } });
    let n = 0;
    const fresh = () => `C${String(++n).padStart(6, '0')}`;
    const channel = () => channelKey('T1', fresh());
    return {
      transport: h.slack.transport,
      channel,
      visible: (key) => h.fake.messagesIn(key.split(':')[2] ?? '').map((m) => shownText(m, h.fake.callsOf('chat.postMessage'))),
      missing() {
        h.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
        return channel();
      },
      forbidden() {
        h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
        return channel();
      },
      fault: {
        rate_limited() {
          h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
          return channel();
        },
        server_error() {
          h.fake.failNext('chat.postMessage', { status: 503 });
          return channel();
        },
        reset() {
          h.fake.failNext('chat.postMessage', { applied: true, reset: true });
          return channel();
        },
        hang() {
          const id = fresh();
          h.fake.hang('chat.postMessage', (args) => args.channel === id);
          return channelKey('T1', id);
        },
        lost_response() {
          h.fake.failNext('chat.postMessage', { applied: true, status: 500 });
          return channel();
        },
        history_down() {
          h.fake.failNext('conversations.history', { status: 500 });
          return channel();
        },
      },
      settle: () => h.fake.unhang(),
      close: () => h.cleanup(),
    };
  },
};

interface SlackChannel {
  team: string;
  channel: string;
}

export const slackKeys: ChannelKeySetup<SlackChannel> = {
  platform: 'slack',
  make: (c) => channelKey(c.team, c.channel),
  parse: parseChannelKey,
  readBack: (c) => ({ team: c.team, channel: c.channel }),
  channels: [
    { name: 'a channel', channel: { team: 'T0123ABCD', channel: 'C0123ABCD' } },
    { name: 'another channel of the team', channel: { team: 'T0123ABCD', channel: 'C0456EFGH' } },
    { name: 'the same channel id in another team', channel: { team: 'T0999ZZZZ', channel: 'C0123ABCD' } },
    { name: 'a private channel', channel: { team: 'T0123ABCD', channel: 'G0123ABCD' } },
    { name: 'a direct message', channel: { team: 'T0123ABCD', channel: 'D0123ABCD' }, direct: true },
  ],
  stored: { key: 'slack:T1:C1', channel: { team: 'T1', channel: 'C1' } },
  isDirect: (key) => isDirectChannel(parseChannelKey(key)?.channel ?? ''),
};
