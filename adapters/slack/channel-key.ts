/** Channel keys: `slack:<team>:<channel>`, the opaque string the core carries. */
export function channelKey(team: string, channel: string): string {
  return `slack:${team}:${channel}`;
}

export function parseChannelKey(key: string): { team: string; channel: string } | null {
  const m = /^slack:([^:\s]+):([^:\s]+)$/.exec(key);
  return m ? { team: m[1]!, channel: m[2]! } : null;
}

/** Direct-message conversation ids start with D. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}
