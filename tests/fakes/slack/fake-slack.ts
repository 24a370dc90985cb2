import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A small fake of Slack for wire-level tests: the Web API under `/api/<method>`, response_url
 * endpoints under `/response/<id>`, and a Socket Mode WebSocket under `/socket`. Every call is
 * recorded; switches make a method answer 429 with Retry-After, an HTTP error or a Slack error.
 */

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the client sent. */
  token: string | undefined;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  /** The person's own timezone, as users.info gives it (`tz`). */
  tz?: string;
}

/** A channel a person is in, as users.conversations lists it. */
export interface FakeMembership {
  id: string;
  name: string;
  is_private?: boolean;
}

export type Failure =
  | { status: 429; retryAfter: number }
  | { status: number; retryAfter?: undefined }
  | { error: string; needed?: string }
  /** The call takes effect (a message is stored), then the answer is lost: an HTTP error, or the connection reset. */
  | { applied: true; status: number }
  | { applied: true; reset: true };

export interface StoredMessage {
  ts: string;
  text: string;
  thread_ts?: string;
  metadata?: unknown;
  bot_id: string;
}

export const FAKE_BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1', appId: 'A1' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies carry nested objects (blocks, metadata) as JSON strings, as the Web API client sends them. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v) as unknown; } catch { return v; } })() : v;
  }
  return args;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, FakeUser>();
  /** users.conversations: the channels each person is in (by user id). */
  readonly memberships = new Map<string, FakeMembership[]>();
  private viewCounter = 0;
  private readonly failures = new Map<string, Failure[]>();
  private readonly hangs: { method: string; match: (args: Record<string, unknown>) => boolean }[] = [];
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private readonly waiters: (() => void)[] = [];
  private tsCounter = 0;
  private envelopeCounter = 0;
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/socket' });
    const fake = new FakeSlack(server, wss);
    server.on('request', (req, res) => void fake.route(req, res));
    wss.on('connection', (ws) => fake.onSocket(ws));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The Web API base for `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next `times` calls of `method` fail this way. */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /**
   * Calls of `method` whose arguments match are received (and recorded) but never answered, as
   * a Slack that stopped responding; the connection stays open until `close()` or `unhang()`.
   */
  hang(method: string, match: (args: Record<string, unknown>) => boolean = () => true): void {
    this.hangs.push({ method, match });
  }

  unhang(): void {
    this.hangs.length = 0;
  }

  /** Messages stored in a channel, oldest first. */
  messagesIn(channel: string): readonly StoredMessage[] {
    return this.messages.get(channel) ?? [];
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `check` holds for what was recorded; rejects after `timeoutMs`. */
  async until<T>(check: () => T | undefined | null | false, timeoutMs = 4000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake Slack: timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForCall(method: string, match: (c: ApiCall) => boolean = () => true, timeoutMs?: number): Promise<ApiCall> {
    return this.until(() => this.calls.find((c) => c.method === method && match(c)), timeoutMs, method);
  }

  waitForResponse(id: string, timeoutMs?: number): Promise<ResponseUrlPost> {
    return this.until(() => this.responses.find((r) => r.id === id), timeoutMs, `response_url ${id}`);
  }

  // ---- Socket Mode ----

  hasSocket(): boolean {
    return this.sockets.size > 0;
  }

  waitForSocket(timeoutMs?: number): Promise<true> {
    return this.until(() => this.sockets.size > 0 || false, timeoutMs, 'a Socket Mode connection') as Promise<true>;
  }

  /** Sends an envelope to the connected client and resolves with its ack (`{envelope_id, payload}`). */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown, timeoutMs = 4000): Promise<unknown> {
    const [ws] = this.sockets;
    if (!ws) throw new Error('fake Slack: no Socket Mode client is connected');
    const envelopeId = `env-${++this.envelopeCounter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Slack: no ack for ${envelopeId}`)), timeoutMs);
      this.acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    });
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string };
      const ack = msg.envelope_id ? this.acks.get(msg.envelope_id) : undefined;
      if (ack && msg.envelope_id) {
        this.acks.delete(msg.envelope_id);
        ack(msg);
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: FAKE_BOT.appId } }));
    this.notify();
  }

  // ---- HTTP ----

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: parseArgs(body, 'application/json'), at: Date.now() });
      this.notify();
      return this.send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return this.send(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    const args = { ...Object.fromEntries(url.searchParams), ...parseArgs(body, req.headers['content-type']) };
    const auth = req.headers.authorization;
    this.calls.push({ method, args, token: auth?.replace(/^Bearer /, '') ?? (args.token as string | undefined), at: Date.now() });
    this.notify();

    if (this.hangs.some((h) => h.method === method && h.match(args))) return;
    const failure = this.failures.get(method)?.shift();
    if (failure && 'applied' in failure) {
      this.answer(method, args);
      if ('reset' in failure) {
        req.socket.destroy();
        return;
      }
      return this.send(res, failure.status, { ok: false, error: 'server_error' });
    }
    if (failure) {
      if ('error' in failure) return this.send(res, 200, { ok: false, error: failure.error, ...(failure.needed ? { needed: failure.needed } : {}) });
      const headers: Record<string, string> = failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {};
      return this.send(res, failure.status, { ok: false, error: failure.status === 429 ? 'ratelimited' : 'server_error' }, headers);
    }
    return this.send(res, 200, this.answer(method, args));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1700000000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'sco', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const message: StoredMessage = { ts: this.nextTs(), text: String(args.text ?? ''), bot_id: FAKE_BOT.botId };
        if (args.thread_ts) message.thread_ts = String(args.thread_ts);
        if (args.metadata) message.metadata = args.metadata;
        const list = this.messages.get(channel) ?? [];
        list.push(message);
        this.messages.set(channel, list);
        return { ok: true, channel, ts: message.ts, message: { ...message, type: 'message' } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: user.id, name: user.name ?? user.id, real_name: user.name ?? user.id, is_admin: !!user.is_admin, is_owner: !!user.is_owner, ...(user.tz ? { tz: user.tz } : {}), profile: { display_name: user.name ?? '' } } };
      }
      case 'users.conversations': {
        const list = this.memberships.get(String(args.user)) ?? [];
        const types = String(args.types ?? 'public_channel').split(',');
        const channels = list
          .filter((c) => types.includes(c.is_private ? 'private_channel' : 'public_channel'))
          .map((c) => ({ id: c.id, name: c.name, is_channel: !c.is_private, is_private: !!c.is_private, is_archived: false }));
        return { ok: true, channels, response_metadata: { next_cursor: '' } };
      }
      case 'views.publish':
      case 'views.open':
      case 'views.update':
      case 'views.push': {
        const view = (typeof args.view === 'string' ? JSON.parse(args.view) : args.view) as Record<string, unknown>;
        this.viewCounter += 1;
        return { ok: true, view: { id: String(args.view_id ?? `V${this.viewCounter}`), team_id: FAKE_BOT.teamId, hash: `h${this.viewCounter}`, ...view } };
      }
      case 'conversations.history': {
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const list = [...(this.messages.get(String(args.channel)) ?? [])].reverse();
        const messages = list.map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(withMeta && metadata ? { metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: true };
    }
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
