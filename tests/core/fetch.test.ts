import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { PoliteFetcher, type FetcherOptions } from '../../src/fetch/polite-fetcher.ts';
import { backoffMs, parseRetryAfter } from '../../src/fetch/retry.ts';
import type { Logger } from '../../src/logger.ts';

interface Logged {
  level: string;
  msg: string;
}

function recordingLogger(lines: Logged[]): Logger {
  const make = (): Logger => ({
    debug: (_o: unknown, msg?: string) => void lines.push({ level: 'debug', msg: msg ?? '' }),
    info: (_o: unknown, msg?: string) => void lines.push({ level: 'info', msg: msg ?? '' }),
    warn: (_o: unknown, msg?: string) => void lines.push({ level: 'warn', msg: msg ?? '' }),
    error: (_o: unknown, msg?: string) => void lines.push({ level: 'error', msg: msg ?? '' }),
    child: () => make(),
  }) as unknown as Logger;
  return make();
}

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
const servers: Array<{ close(): void; closeAllConnections(): void }> = [];

async function serve(handler: Handler): Promise<{ url: string; hits: IncomingMessage[] }> {
  const hits: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    hits.push(req);
    handler(req, res, hits.length);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

function fetcher(lines: Logged[] = [], o: Partial<FetcherOptions> = {}): PoliteFetcher {
  return new PoliteFetcher({
    logger: recordingLogger(lines),
    pauseMs: 0,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    connectTimeoutMs: 1000,
    totalTimeoutMs: 2000,
    retries: 2,
    ...o,
  });
}

describe('polite fetcher', () => {
  test('names the bot and its repository in the User-Agent', async () => {
    const s = await serve((_q, res) => res.end('<html><body>ok</body></html>'));
    const r = await fetcher().get(`${s.url}/a`);
    expect(r.kind).toBe('ok');
    expect(s.hits[0]?.headers['user-agent']).toMatch(/^SCO-Bot\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+\)$/);
  });

  test('keeps to two requests at a time per host, with a pause between starts', async () => {
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    const s = await serve((_q, res) => {
      active++;
      peak = Math.max(peak, active);
      starts.push(Date.now());
      setTimeout(() => {
        active--;
        res.end('x');
      }, 40);
    });
    const f = fetcher([], { pauseMs: 25 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => f.get(`${s.url}/p${i}`)));
    expect(peak).toBe(2);
    // Six starts 25 ms apart span at least 125 ms (arrival times jitter with connection set-up).
    expect((starts.at(-1) as number) - (starts[0] as number)).toBeGreaterThanOrEqual(90);
  });

  test('retries a 500 with backoff and returns the page once the server recovers', async () => {
    const s = await serve((_q, res, n) => (n < 3 ? res.writeHead(500).end('oops') : res.end('recovered')));
    const r = await fetcher().get(`${s.url}/flaky`);
    expect(r).toMatchObject({ kind: 'ok', body: 'recovered' });
    expect(s.hits).toHaveLength(3);
  });

  test('a 500 that persists fails with the status after the retries', async () => {
    const lines: Logged[] = [];
    const s = await serve((_q, res) => res.writeHead(503).end());
    const r = await fetcher(lines).get(`${s.url}/down`);
    expect(r).toMatchObject({ kind: 'failed', status: 503 });
    expect(r.kind === 'failed' && r.reason).toMatch(/HTTP 503.*gave up after 3 attempts/);
    expect(s.hits).toHaveLength(3);
    expect(lines.some((l) => l.level === 'warn' && l.msg.includes('/down'))).toBe(true);
  });

  test('honours Retry-After seconds on a 429', async () => {
    const s = await serve((_q, res, n) => (n === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.end('fine')));
    const waits: number[] = [];
    const f = fetcher([], { sleep: async (ms) => void waits.push(ms) });
    const r = await f.get(`${s.url}/limited`);
    expect(r.kind).toBe('ok');
    expect(waits).toContain(1000);
  });

  test('a Retry-After far in the future is left for the next sync instead of blocking', async () => {
    const s = await serve((_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const r = await fetcher([], { maxRetryAfterMs: 5000 }).get(`${s.url}/later`);
    expect(r.kind === 'failed' && r.reason).toMatch(/wait 3600 s, left for the next sync/);
    expect(s.hits).toHaveLength(1);
  });

  test('times out a response that never comes, and one whose body never ends', async () => {
    const hang = await serve(() => undefined);
    const t0 = Date.now();
    const r1 = await fetcher([], { retries: 0 }).get(`${hang.url}/hang`);
    expect(r1.kind === 'failed' && r1.reason).toMatch(/no response within 1000 ms/);
    const trickle = await serve((_q, res) => {
      res.writeHead(200);
      res.write('<html>');
    });
    const r2 = await fetcher([], { retries: 0 }).get(`${trickle.url}/slow`);
    expect(r2.kind === 'failed' && r2.reason).toMatch(/not complete within 2000 ms/);
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  test('abandons a body over the size cap with a clear log line', async () => {
    const lines: Logged[] = [];
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const r = await fetcher(lines, { maxBodyBytes: 1024 * 1024, totalTimeoutMs: 10_000 }).get(`${s.url}/huge`);
    expect(r.kind === 'failed' && r.reason).toMatch(/over the 1 MB limit; download abandoned/);
    expect(lines.some((l) => l.level === 'warn' && /\/huge.*over the 1 MB limit/.test(l.msg))).toBe(true);
  });

  test('refuses a declared Content-Length over the cap without reading it', async () => {
    const s = await serve((_q, res) => res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end());
    const r = await fetcher([], { maxBodyBytes: 5 * 1024 * 1024 }).get(`${s.url}/declared`);
    expect(r.kind === 'failed' && r.reason).toMatch(/52428800 bytes is over the 5 MB limit/);
  });

  test('follows redirects and stops a redirect loop', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old') return res.writeHead(301, { location: '/new' }).end();
      if (req.url === '/new') return res.end('moved here');
      if (req.url === '/a') return res.writeHead(302, { location: '/b' }).end();
      return res.writeHead(302, { location: '/a' }).end();
    });
    const f = fetcher();
    expect(await f.get(`${s.url}/old`)).toMatchObject({ kind: 'ok', body: 'moved here', finalUrl: `${s.url}/new`, url: `${s.url}/old` });
    const loop = await f.get(`${s.url}/a`);
    expect(loop.kind === 'failed' && loop.reason).toMatch(/redirect loop/);
  });

  test('sends validators and reports an unchanged page as not modified', async () => {
    const s = await serve((req, res) =>
      req.headers['if-none-match'] === '"v1"' ? res.writeHead(304).end() : res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 01 Jul 2024 10:00:00 GMT' }).end('page'),
    );
    const f = fetcher();
    const first = await f.get(`${s.url}/p`);
    expect(first).toMatchObject({ kind: 'ok', validators: { etag: '"v1"', lastModified: 'Mon, 01 Jul 2024 10:00:00 GMT' } });
    const again = await f.get(`${s.url}/p`, { validators: first.kind === 'ok' ? first.validators : {} });
    expect(again.kind).toBe('not_modified');
    expect(s.hits[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.hits[1]?.headers['if-modified-since']).toBe('Mon, 01 Jul 2024 10:00:00 GMT');
  });

  test('decodes the charset the server names', async () => {
    const s = await serve((_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])));
    expect(await fetcher().get(`${s.url}/cp`)).toMatchObject({ kind: 'ok', body: 'Привет' });
  });

  test('a 404 fails at once, without retries', async () => {
    const s = await serve((_q, res) => res.writeHead(404).end());
    const r = await fetcher().get(`${s.url}/gone`);
    expect(r).toMatchObject({ kind: 'failed', status: 404, reason: 'HTTP 404' });
    expect(s.hits).toHaveLength(1);
  });

  test('a refused connection is a network error, retried, then a failure', async () => {
    const s = await serve(() => undefined);
    const port = new URL(s.url).port;
    for (const x of servers.splice(0)) x.close();
    const r = await fetcher().get(`http://127.0.0.1:${port}/x`);
    expect(r.kind === 'failed' && r.reason).toMatch(/network error ECONNREFUSED.*3 attempts/);
  });

  test('the caller aborting stops the fetch with an exception', async () => {
    const s = await serve(() => undefined);
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    await expect(fetcher([], { connectTimeoutMs: 5000 }).get(`${s.url}/x`, { signal: ctrl.signal })).rejects.toBeDefined();
  });
});

describe('retry timing', () => {
  test('backoff grows exponentially, is capped and jittered', () => {
    expect(backoffMs(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffMs(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffMs(10, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffMs(3, 100, 10_000, () => 0)).toBe(400);
  });

  test('Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2024-07-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 01 Jul 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
