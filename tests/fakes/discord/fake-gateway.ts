import type { WebSocket } from 'ws';
import type { FakeDiscord } from './fake-discord.ts';
import { apiUser, snowflake } from './payloads.ts';

/** Privileged intents: GuildMembers, GuildPresences, MessageContent. */
const PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15);

/**
 * The gateway side of the fake: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeat ACKs, and
 * dispatches of events to every identified session. JSON, uncompressed.
 */
export class FakeGateway {
  private readonly sessions = new Set<WebSocket>();
  private seq = 0;
  /** The intents of the last IDENTIFY. */
  identifiedIntents: number | null = null;
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly fake: FakeDiscord,
    private readonly allowedIntents = ~PRIVILEGED,
  ) {}

  accept(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    ws.on('message', (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) this.identify(ws, packet.d);
    });
    ws.on('close', () => this.sessions.delete(ws));
  }

  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  ready(): Promise<void> {
    if (this.sessions.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    const f = this.fake;
    if (d.token !== f.token && d.token !== `Bot ${f.token}`) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const intents = Number(d.intents);
    this.identifiedIntents = intents;
    if ((intents & ~this.allowedIntents) !== 0) {
      ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    this.sessions.add(ws);
    this.send(ws, 'READY', {
      v: 10,
      user: { ...apiUser(f.botUser), bot: true, verified: true, flags: 0, mfa_enabled: false },
      application: { id: f.applicationId, flags: 0 },
      guilds: [{ id: f.guildId, unavailable: true }],
      session_id: `session-${snowflake()}`,
      resume_gateway_url: f.gatewayUrl,
      shard: [0, 1],
      private_channels: [],
    });
    this.send(ws, 'GUILD_CREATE', {
      id: f.guildId,
      name: 'Eurasia Watch',
      icon: null,
      owner_id: '111111111111111111',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      roles: [
        { id: f.guildId, name: '@everyone', permissions: String((1 << 10) | (1 << 11) | (1 << 16)), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        // The role Discord creates for the bot when it joins; people sometimes mention it instead.
        { id: f.botRoleId, name: 'SCO Bot', permissions: '0', position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: f.botUser.id } },
      ],
      emojis: [],
      stickers: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: '2024-01-01T00:00:00.000Z',
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      channels: [
        { id: f.channels.general, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: f.guildId },
        { id: f.channels.forbidden, type: 0, name: 'announcements', position: 1, permission_overwrites: [], guild_id: f.guildId },
      ],
      threads: [
        {
          id: f.channels.thread,
          type: 11,
          name: 'RATS question',
          guild_id: f.guildId,
          parent_id: f.channels.general,
          owner_id: '222222222222222222',
          thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2024-01-01T00:00:00.000Z', locked: false },
          message_count: 1,
          member_count: 1,
        },
      ],
    });
    for (const w of this.readyWaiters.splice(0)) w();
  }

  dispatch(t: string, d: unknown): void {
    for (const ws of this.sessions) this.send(ws, t, d);
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  closeAll(): void {
    for (const ws of this.sessions) ws.terminate();
    this.sessions.clear();
  }
}
