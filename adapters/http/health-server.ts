import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../compose.ts';
import { checkHealth, type StatusProviders } from '../../src/ops/health.ts';
import { metricsFor } from '../../src/ops/metrics.ts';

export interface OpsOptions {
  /** Adapter name -> connection state (`connected`, `connecting`, `down`). */
  adapters: StatusProviders;
}

/** Handles a request for an ops path and returns true; returns false for any other path. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function serve(app: App, options: OpsOptions, path: string, res: ServerResponse): Promise<void> {
  try {
    if (path === '/healthz') {
      const health = await checkHealth(app, options.adapters);
      send(res, health.ready ? 200 : 503, 'application/json', `${JSON.stringify(health)}\n`);
    } else {
      const { registry } = metricsFor(app);
      send(res, 200, registry.contentType, await registry.metrics());
    }
  } catch (error) {
    app.logger.error({ err: error, path }, 'ops endpoint failed');
    if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
  }
}

/**
 * GET /healthz and GET /metrics for any Node HTTP server; use it where another server owns
 * PORT (for example in front of Slack's HTTP receiver).
 */
export function createOpsHandler(app: App, options: OpsOptions): OpsHandler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Read and drop any body, so a large one gets the 405 rather than a connection reset.
      req.resume();
      res.writeHead(405, { allow: 'GET', connection: 'close' }).end();
      return true;
    }
    void serve(app, options, path, res);
    return true;
  };
}

/** The same endpoints as Bolt `customRoutes` (for `new App({ customRoutes: opsRoutes(app, ...) })` in HTTP mode). */
export function opsRoutes(app: App, options: OpsOptions) {
  const handle = createOpsHandler(app, options);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res);
  };
  return [
    { path: '/healthz', method: ['GET'], handler },
    { path: '/metrics', method: ['GET'], handler },
  ];
}

let lastHandler: OpsHandler | null = null;

/**
 * The handler of the most recently started health server (or a 503 when none is): for code that
 * only gets `(req, res)`, such as a receiver's custom route.
 */
export function handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (lastHandler) return lastHandler(req, res);
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/healthz' && path !== '/metrics') return false;
  send(res, 503, 'application/json', '{"ready":false}\n');
  return true;
}

/**
 * Serves /healthz (200 ready, 503 not, JSON) and /metrics (Prometheus text) on `port` (0 picks
 * a free one); any other path is 404. Listens on every interface, like the bot's PORT.
 */
export function startHealthServer(app: App, opts: { port: number; adapters: StatusProviders; host?: string }): Promise<{ port: number; close(): Promise<void> }> {
  const handler = createOpsHandler(app, opts);
  lastHandler = handler;
  const server = createServer((req, res) => {
    if (handler(req, res)) return;
    req.resume();
    send(res, 404, 'text/plain', 'not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            if (lastHandler === handler) lastHandler = null;
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
