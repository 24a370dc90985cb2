/**
 * Channel keys: `discord:<guild>:<channel>`, the opaque string the core carries. Direct
 * messages have no guild and use `@me`, as Discord's own URLs do.
 */
export function channelKey(guildId: string | null | undefined, channelId: string): string {
  return `discord:${guildId ?? '@me'}:${channelId}`;
}

/** The guild (null in a direct message) and channel of a key, or null when it is not a Discord key. */
export function parseChannelKey(key: string): { guild: string | null; channel: string } | null {
  const m = /^discord:([^:\s]+):(\d+)$/.exec(key);
  return m ? { guild: m[1] === '@me' ? null : m[1]!, channel: m[2]! } : null;
}
