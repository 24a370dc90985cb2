import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { apiUser, member, message, PERMISSIONS, snowflake, type FakeUser } from './payloads.ts';
import { FakeGateway } from './fake-gateway.ts';

/** One REST call as the fake received it. `path` is relative to `/api/v10`. */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The call takes effect first (the message is created), then this answer replaces Discord's: a lost response. */
  applied?: boolean;
  /** Instead of answering, the connection is reset (after the call took effect when `applied`). */
  reset?: boolean;
  /** Never answers: the request stays open until the fake closes. */
  hang?: boolean;
}

interface Failure {
  method?: string;
  path: RegExp;
  response: FakeResponse;
  times: number;
}

export interface FakeDiscordOptions {
  token?: string;
  /** Intents the application may use; an IDENTIFY asking for others is closed with 4014. */
  allowedIntents?: number;
}

/** Channels of the fake: a general one, a thread under it, one the bot may not post in, and a DM. */
export interface FakeChannels {
  general: string;
  thread: string;
  forbidden: string;
  dm: string;
}

/**
 * A small Discord: REST API under `/api/v10` and a gateway WebSocket on the same port, on
 * 127.0.0.1 and port 0. Records every REST call; `failNext` makes routes answer 429 or 5xx.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly botUser: FakeUser = { id: snowflake(), username: 'SCO Bot', bot: true };
  /** The bot's managed role in the guild. */
  readonly botRoleId = snowflake();
  readonly channels: FakeChannels = { general: snowflake(), thread: snowflake(), forbidden: snowflake(), dm: snowflake() };
  readonly calls: RecordedCall[] = [];
  /** Messages the bot posted, per channel id. */
  readonly posted = new Map<string, Record<string, unknown>[]>();
  /** Threads the bot started from a message: `POST /channels/{id}/messages/{id}/threads`. */
  readonly threads: { id: string; channelId: string; messageId: string; name: string; autoArchiveDuration: number }[] = [];
  /** Application commands last PUT, per scope (`global` or the guild id). */
  readonly commands = new Map<string, unknown[]>();
  readonly gateway: FakeGateway;
  private readonly failures: Failure[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly server: Server;
  private listeners: (() => void)[] = [];
  port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'fake-bot-token';
    this.gateway = new FakeGateway(this, options.allowedIntents);
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => this.gateway.accept(ws));
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The next `times` calls matching answer with `response` instead (429 with Retry-After, 500 ...). */
  failNext(match: { method?: string; path: RegExp }, response: FakeResponse, times = 1): void {
    this.failures.push({ ...match, response, times });
  }

  /** Drops the failures still queued by `failNext` (a hung route answers again). */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /**
   * Forgets the nonces of posted messages, as Discord does after a few minutes: a repeat with
   * `enforce_nonce` then creates a second message.
   */
  forgetNonces(): void {
    for (const list of this.posted.values()) for (const m of list) delete m.nonce;
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitForCall(match: (c: RecordedCall) => boolean, timeoutMs = 4000): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`fake Discord: no matching call within ${timeoutMs} ms; got ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
      }, timeoutMs);
      const check = () => {
        const c = this.calls.find(match);
        if (!c) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(c);
      };
      this.listeners.push(check);
    });
  }

  /** Calls to the interaction callback, webhook follow-ups and edits of one interaction. */
  interactionCalls(token: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(`/${token}`));
  }

  async close(): Promise<void> {
    this.gateway.closeAll();
    this.wss.close();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- interactions a person triggers -------------------------------------------------------

  private interactionBase(type: number, opts: { user?: FakeUser; permissions?: string; channelId?: string }) {
    const id = snowflake();
    const token = `itok-${id}`;
    const channelId = opts.channelId ?? this.channels.general;
    const channelType = channelId === this.channels.thread ? 11 : 0;
    return {
      id,
      token,
      payload: {
        id,
        application_id: this.applicationId,
        type,
        token,
        version: 1,
        guild_id: this.guildId,
        channel_id: channelId,
        channel: { id: channelId, type: channelType, guild_id: this.guildId, name: 'general', ...(channelType === 11 ? { parent_id: this.channels.general } : {}) },
        member: member(opts.user ?? PERSON, opts.permissions ?? PERMISSIONS.member),
        app_permissions: PERMISSIONS.member,
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': this.guildId },
        context: 0,
        attachment_size_limit: 10485760,
      } as Record<string, unknown>,
    };
  }

  /** `/sco <sub> name:value ...` as a person runs it. */
  slash(sub: string, options: Record<string, string | number> = {}, opts: { user?: FakeUser; permissions?: string; channelId?: string } = {}) {
    const base = this.interactionBase(2, opts);
    base.payload.data = {
      id: snowflake(),
      name: 'sco',
      type: 1,
      guild_id: this.guildId,
      options: [{ type: 1, name: sub, options: Object.entries(options).map(([name, value]) => ({ name, type: typeof value === 'number' ? 4 : 3, value })) }],
    };
    this.gateway.dispatch('INTERACTION_CREATE', base.payload);
    return base;
  }

  /** A message context menu command (type 3) used on a message someone posted in the channel. */
  messageCommand(name: string, target: { content: string; embeds?: unknown[]; author?: FakeUser }, opts: { user?: FakeUser; permissions?: string; channelId?: string } = {}) {
    const base = this.interactionBase(2, opts);
    const channelId = base.payload.channel_id as string;
    const targetMessage = message({ channelId, guildId: this.guildId, author: target.author ?? { id: '333333333333333333', username: 'colleague' }, content: target.content, embeds: target.embeds });
    base.payload.data = {
      id: snowflake(),
      name,
      type: 3,
      guild_id: this.guildId,
      target_id: targetMessage.id,
      resolved: { messages: { [targetMessage.id as string]: targetMessage } },
    };
    this.gateway.dispatch('INTERACTION_CREATE', base.payload);
    return base;
  }

  /** Typing into an autocompleted option of `/sco <sub>`. */
  autocomplete(sub: string, option: string, value: string, opts: { user?: FakeUser } = {}) {
    const base = this.interactionBase(4, opts);
    base.payload.data = {
      id: snowflake(),
      name: 'sco',
      type: 1,
      options: [{ type: 1, name: sub, options: [{ name: option, type: 3, value, focused: true }] }],
    };
    this.gateway.dispatch('INTERACTION_CREATE', base.payload);
    return base;
  }

  /** Pressing a button with this custom_id on a message of the bot. */
  button(customId: string, opts: { user?: FakeUser; permissions?: string; channelId?: string; ephemeral?: boolean } = {}) {
    const base = this.interactionBase(3, opts);
    const channelId = (base.payload.channel_id as string);
    base.payload.message = message({
      channelId,
      author: this.botUser,
      content: '',
      flags: opts.ephemeral === false ? 0 : 64,
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x', custom_id: customId }] }],
    });
    base.payload.data = { custom_id: customId, component_type: 2 };
    this.gateway.dispatch('INTERACTION_CREATE', base.payload);
    return base;
  }

  /** A person's message in a guild channel; `mention` puts the bot's mention in front. */
  say(content: string, opts: { user?: FakeUser; channelId?: string; mention?: boolean | 'role'; permissions?: string; dm?: boolean } = {}) {
    if (opts.mention === 'role') {
      const m = message({ channelId: opts.channelId ?? this.channels.general, guildId: this.guildId, author: opts.user ?? PERSON, content: `<@&${this.botRoleId}> ${content}` });
      m.mention_roles = [this.botRoleId];
      m.channel_type = 0;
      this.gateway.dispatch('MESSAGE_CREATE', m);
      return m;
    }
    const mention = opts.mention ?? !opts.dm;
    const m = message({
      channelId: opts.dm ? this.channels.dm : (opts.channelId ?? this.channels.general),
      guildId: opts.dm ? undefined : this.guildId,
      author: opts.user ?? PERSON,
      content: mention ? `<@${this.botUser.id}> ${content}` : content,
      mentions: mention ? [this.botUser] : [],
      permissions: opts.permissions,
    });
    // Discord says what kind of channel it is: 1 a DM, 11 a thread, 0 a text channel.
    m.channel_type = opts.dm ? 1 : m.channel_id === this.channels.thread ? 11 : 0;
    this.gateway.dispatch('MESSAGE_CREATE', m);
    return m;
  }

  // --- REST --------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw);
    if ((req.headers['content-type'] ?? '').includes('multipart/form-data')) {
      const m = /name="payload_json"[^\n]*\r?\n\r?\n([\s\S]*?)\r?\n--/.exec(raw);
      if (m) body = JSON.parse(m[1]!);
    }
    const call: RecordedCall = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, at: Date.now() };
    this.calls.push(call);
    const failure = this.failure(call);
    if (failure?.applied) this.route(call);
    if (failure?.hang || failure?.reset) {
      if (failure.reset) req.socket.destroy();
      for (const l of [...this.listeners]) l();
      return;
    }
    const reply = failure ?? this.route(call);
    // Like Discord, an empty answer (204) has no JSON content type; discord.js would try to parse it.
    res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    for (const l of [...this.listeners]) l();
  }

  private failure(call: RecordedCall): FakeResponse | null {
    const f = this.failures.find((x) => x.times > 0 && (!x.method || x.method === call.method) && x.path.test(call.path));
    if (!f) return null;
    f.times -= 1;
    return f.response;
  }

  private authorized(call: RecordedCall): boolean {
    return call.headers.authorization === `Bot ${this.token}`;
  }

  private route(call: RecordedCall): FakeResponse {
    const { method, path } = call;
    const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!this.authorized(call)) return unauthorized;
      return {
        status: 200,
        body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      if (call.query.get('with_response') === 'true') {
        return { status: 200, body: { interaction: { id: m[1], type: 2 }, resource: { type: (call.body as { type: number }).type } } };
      }
      return { status: 204 };
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path))) {
      if (method === 'DELETE') return { status: 204 };
      const b = call.body as Record<string, unknown>;
      return { status: 200, body: message({ channelId: this.channels.general, author: this.botUser, content: String(b.content ?? ''), embeds: b.embeds as unknown[], components: b.components as unknown[], flags: Number(b.flags ?? 0) }) };
    }
    if (method === 'GET' && path === '/applications/@me') {
      if (!this.authorized(call)) return unauthorized;
      return { status: 200, body: { id: this.applicationId, name: 'SCO Bot', bot_public: true, flags: 0 } };
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (!this.authorized(call)) return unauthorized;
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const list = (call.body as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake() }));
        this.commands.set(scope, list);
        return { status: 200, body: list };
      }
      return { status: 200, body: this.commands.get(scope) ?? [] };
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (!this.authorized(call)) return unauthorized;
      const [, channelId, messageId] = m as unknown as [string, string, string];
      if (channelId === this.channels.forbidden) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
      const b = call.body as { name?: string; auto_archive_duration?: number };
      if (!b.name || b.name.length > 100) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
      const thread = { id: snowflake(), channelId, messageId, name: b.name, autoArchiveDuration: b.auto_archive_duration ?? 4320 };
      this.threads.push(thread);
      return { status: 201, body: { id: thread.id, type: 11, guild_id: this.guildId, parent_id: channelId, name: thread.name, owner_id: this.botUser.id, thread_metadata: { archived: false, auto_archive_duration: thread.autoArchiveDuration, archive_timestamp: new Date().toISOString(), locked: false }, message_count: 0, member_count: 1 } };
    }
    if ((m = /^\/channels\/(\d+)\/(messages|typing)$/.exec(path))) {
      if (!this.authorized(call)) return unauthorized;
      const channelId = m[1]!;
      if (channelId === this.channels.forbidden) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
      if (!Object.values(this.channels).includes(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      if (m[2] === 'typing') return { status: 204 };
      if (method === 'GET') return { status: 200, body: [...(this.posted.get(channelId) ?? [])].reverse() };
      return { status: 200, body: this.post(channelId, call.body as Record<string, unknown>) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** Creates a message; with `enforce_nonce`, a nonce seen before returns the earlier message (as Discord does). */
  private post(channelId: string, b: Record<string, unknown>): Record<string, unknown> {
    const list = this.posted.get(channelId) ?? [];
    if (b.enforce_nonce && b.nonce !== undefined) {
      const earlier = list.find((x) => x.nonce === String(b.nonce));
      if (earlier) return earlier;
    }
    const msg = message({
      channelId,
      guildId: this.guildId,
      author: this.botUser,
      content: String(b.content ?? ''),
      embeds: (b.embeds as unknown[]) ?? [],
      components: (b.components as unknown[]) ?? [],
      nonce: b.nonce === undefined ? undefined : String(b.nonce),
    });
    list.push(msg);
    this.posted.set(channelId, list);
    return msg;
  }
}

/** The person who uses the bot in tests. */
export const PERSON: FakeUser = { id: '222222222222222222', username: 'analyst' };

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}

export { apiUser, PERMISSIONS };
