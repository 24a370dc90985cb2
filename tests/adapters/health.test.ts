import { afterEach, describe, expect, it } from 'vitest';
import { handleOpsRequest, startHealthServer } from '../../adapters/http/health-server.ts';
import type { Store } from '../../src/ports/store.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { stubApp } from '../helpers/metrics-stub-app.ts';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function start(...args: Parameters<typeof startHealthServer>) {
  const s = await startHealthServer(...args);
  servers.push(s);
  return s;
}

describe('health server', () => {
  it('answers 200 with the release count, store and adapters when ready', async () => {
    const app = stubApp({ releases: 1234 });
    const s = await start(app, { port: 0, adapters: { slack: () => 'connected', discord: () => 'connected' } });
    const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body).toMatchObject({
      ready: true,
      releases: 1234,
      store: { kind: 'memory', reachable: true },
      adapters: { slack: 'connected', discord: 'connected' },
    });
  });

  it('answers 503 while an adapter is connecting or down, and says which', async () => {
    let state = 'connecting';
    const app = stubApp();
    const s = await start(app, { port: 0, adapters: { slack: () => 'connected', discord: () => state } });
    let res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(503);
    expect((await res.json()).adapters.discord).toBe('connecting');
    state = 'connected';
    res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers 503 quickly when the store hangs or fails', async () => {
    const hanging: Store = Object.assign(new MemoryStore(), { ping: () => new Promise<boolean>(() => undefined) });
    const app = stubApp({ store: hanging });
    const s = await start(app, { port: 0, adapters: {} });
    const t0 = Date.now();
    const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(503);
    expect((await res.json()).store.reachable).toBe(false);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('answers 503 when the index is closed', async () => {
    const app = stubApp();
    app.library.close();
    const s = await start(app, { port: 0, adapters: {} });
    const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(503);
    expect((await res.json()).releases).toBeNull();
  });

  it('serves Prometheus text on /metrics and 404 elsewhere', async () => {
    const app = stubApp();
    await app.bot.handle({ kind: 'command', text: 'afghanistan', user: { id: 'U', canManage: false }, channel: 'console:local' });
    const s = await start(app, { port: 0, adapters: {} });
    const res = await fetch(`http://127.0.0.1:${s.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('# TYPE sco_requests_total counter');
    expect(text).toContain('sco_requests_total{kind="command",outcome="ok"} 1');
    expect(text).toContain('sco_process_resident_memory_bytes');
    expect((await fetch(`http://127.0.0.1:${s.port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${s.port}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('handleOpsRequest serves the running server\'s endpoints and passes other paths on', async () => {
    const app = stubApp({ releases: 7 });
    await start(app, { port: 0, adapters: {} });
    const { createServer } = await import('node:http');
    const other = createServer((req, res) => {
      if (!handleOpsRequest(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await health.json()).releases).toBe(7);
      expect((await fetch(`http://127.0.0.1:${port}/slack/events`)).status).toBe(418);
    } finally {
      other.closeAllConnections();
      await new Promise((r) => other.close(r));
    }
  });
});
