/** Builders for the gateway payloads a real Discord sends; only the fields discord.js reads. */

let counter = 1000;
/** A fresh snowflake-like id; increasing, so order matches creation. */
export function snowflake(): string {
  counter += 1;
  return (BigInt(Date.now() - 1420070400000) << 22n | BigInt(counter)).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export function apiUser(u: FakeUser): Record<string, unknown> {
  return { id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null, bot: u.bot ?? false };
}

/** Permission bits as Discord sends them: a decimal string. */
export const PERMISSIONS = {
  none: '0',
  /** View, send, read history: an ordinary member. */
  member: String((1n << 10n) | (1n << 11n) | (1n << 16n)),
  /** A member who may manage the channel. */
  manager: String((1n << 4n) | (1n << 10n) | (1n << 11n) | (1n << 16n)),
} as const;

export function member(user: FakeUser, permissions: string): Record<string, unknown> {
  return {
    user: apiUser(user),
    roles: [],
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    permissions,
  };
}

export function message(fields: {
  id?: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  mentions?: FakeUser[];
  embeds?: unknown[];
  components?: unknown[];
  nonce?: string;
  flags?: number;
  permissions?: string;
}): Record<string, unknown> {
  return {
    id: fields.id ?? snowflake(),
    type: 0,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: apiUser(fields.author),
    ...(fields.guildId ? { member: { ...member(fields.author, fields.permissions ?? PERMISSIONS.member), user: undefined } } : {}),
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (fields.mentions ?? []).map(apiUser),
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    flags: fields.flags ?? 0,
    ...(fields.nonce ? { nonce: fields.nonce } : {}),
  };
}
