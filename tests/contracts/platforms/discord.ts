import { channelKey, parseChannelKey } from '../../../adapters/discord/channel-key.ts';
import { startHarness, visibleText } from '../../fakes/discord/discord-harness.ts';
import type { ChannelKeySetup } from '../channel-key-contract.ts';
import type { TransportSetup } from '../transport-contract.ts';

/**
 * The bot's own Discord wiring (startDiscord) against the fake Discord. The fake has a fixed set
 * of channels, so cases share the general one (the contract reads what each post added) and the
 * faults that leave state in discord.js (a rate-limited route) get a channel of their own.
 */
export const discordTransport: TransportSetup = {
  cannot: {},
  async open() {
    // Short REST timeout so a hung Discord fails the case within seconds (two tries).
    const h = await startHarness({ corpus: 'none', discord: { apiTimeoutMs: 400 } });
    const { general, thread, forbidden, dm } = h.fake.channels;
    const messages = (id: string) => new RegExp(`^/channels/${id}/messages$`);
    const failing = (id: string, response: Parameters<typeof h.fake.failNext>[1], method = 'POST') => {
      // Every try fails; settle() drops what discord.js did not use up.
      h.fake.failNext({ method, path: messages(id) }, response, 10);
      return h.key(id);
    };
    return {
      transport: h.discord.transport,
      channel: () => h.key(general),
      visible: (key) => (h.fake.posted.get(parseChannelKey(key)?.channel ?? '') ?? []).map(visibleText),
      missing: () => h.key('999999999999999999'),
      forbidden: () => h.key(forbidden),
      fault: {
        rate_limited() {
          h.fake.failNext(
            { method: 'POST', path: messages(thread) },
            { status: 429, headers: { 'retry-after': '120' }, body: { message: 'You are being rate limited.', retry_after: 120, global: false } },
          );
          return h.key(thread);
        },
        server_error: () => failing(general, { status: 502, body: { message: 'Bad Gateway' } }),
        reset: () => failing(general, { status: 0, reset: true }),
        hang: () => failing(dm, { status: 0, hang: true }),
        lost_response: () => failing(general, { status: 500, applied: true, body: { message: 'Internal Server Error' } }),
        history_down: () => failing(general, { status: 500, body: { message: 'Internal Server Error' } }, 'GET'),
      },
      settle: () => h.fake.clearFailures(),
      close: () => h.close(),
    };
  },
};

interface DiscordChannel {
  guild: string | null;
  channel: string;
}

export const discordKeys: ChannelKeySetup<DiscordChannel> = {
  platform: 'discord',
  make: (c) => channelKey(c.guild, c.channel),
  parse: parseChannelKey,
  readBack: (c) => ({ guild: c.guild, channel: c.channel }),
  isDirect: (key) => parseChannelKey(key)?.guild === null,
  channels: [
    { name: 'a guild channel', channel: { guild: '1180000000000000001', channel: '1190000000000000001' } },
    { name: 'another channel of the guild', channel: { guild: '1180000000000000001', channel: '1190000000000000002' } },
    { name: 'a channel of another guild', channel: { guild: '1180000000000000002', channel: '1190000000000000003' } },
    { name: 'a direct message', channel: { guild: null, channel: '1190000000000000004' }, direct: true },
    { name: 'a direct message with the id of a guild channel', channel: { guild: null, channel: '1190000000000000001' }, direct: true },
  ],
  stored: { key: 'discord:1180000000000000001:1190000000000000001', channel: { guild: '1180000000000000001', channel: '1190000000000000001' } },
};
