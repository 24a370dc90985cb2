/**
 * Runs a bench worker in a fresh Node process (through bin/run.js, so TypeScript needs no
 * build) and returns the JSON object it prints as its last line of standard output. A fresh
 * process gives a clean peak-memory figure and a true cold start.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A bench script in a fresh Node process through bin/run.js, its output piped. */
function spawnWorker(script: string, args: string[]) {
  return spawn(process.execPath, [resolve(ROOT, 'bin/run.js'), resolve(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runWorker<T>(script: string, args: string[], timeoutMs = 30 * 60_000): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawnWorker(script, args);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return fail(new Error(`${script} exited ${code}: ${err.slice(-2000)}`));
      try {
        done(JSON.parse(last) as T);
      } catch {
        fail(new Error(`${script} printed no JSON: ${out.slice(-500)} ${err.slice(-1000)}`));
      }
    });
  });
}

/** Parses `--name value` flags of a worker's command line. */
export function flags(argv: string[] = process.argv.slice(2)): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) out[a.slice(2)] = argv[i + 1] ?? '';
  }
  return out;
}

/**
 * Starts a long-running worker and resolves with the JSON of its first output line (its "ready"
 * message) and a stop function that sends it SIGTERM and waits for it to exit.
 */
export function startWorker<T>(script: string, args: string[], timeoutMs = 60_000): Promise<{ ready: T; stop(): Promise<void> }> {
  return new Promise((done, fail) => {
    const child = spawnWorker(script, args);
    let out = '';
    let err = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} not ready within ${timeoutMs} ms: ${err.slice(-1500)}`));
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      try {
        done({ ready: JSON.parse(out.slice(0, nl)) as T, stop });
      } catch {
        void stop();
        fail(new Error(`${script} printed no JSON: ${out.slice(0, 500)}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${script} exited ${code} before it was ready: ${err.slice(-1500)}`));
    });
  });
}
