/**
 * A redis-server of the test's own, on a free port and in a temporary folder, so the machine's
 * shared Redis is never touched. `stop()` is a graceful shutdown that writes the data to disk
 * (as an operator's restart would); `start()` again loads it; `freeze()` / `thaw()` make the
 * server stop answering without closing connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(300, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    s.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

export class RedisServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'sco-redis-'));
  private proc: ChildProcess | null = null;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', this.dir, '--dbfilename', 'dump.rdb'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      if (await answers(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** Graceful stop that keeps the data (SHUTDOWN SAVE), waiting until the port is closed. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    const exited = new Promise((r) => proc.once('exit', r));
    await new Promise<void>((resolve) => {
      const s = new Socket();
      s.once('error', () => resolve());
      s.connect(this.port, '127.0.0.1', () => s.end('SHUTDOWN SAVE\r\n'));
      s.once('close', () => resolve());
    });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
    this.proc = null;
  }

  freeze(): void {
    this.proc?.kill('SIGSTOP');
  }

  thaw(): void {
    this.proc?.kill('SIGCONT');
  }

  async destroy(): Promise<void> {
    if (this.proc) {
      this.proc.kill('SIGCONT');
      this.proc.kill('SIGKILL');
      this.proc = null;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
