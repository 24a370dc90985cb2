/**
 * Runs a bench worker in a fresh Node process (through bin/run.js, so TypeScript needs no
 * build) and returns the JSON object it prints as its last line of standard output. A fresh
 * process gives a clean peak-memory figure and a true cold start.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

export function runWorker<T>(script: string, args: string[], timeoutMs = 30 * 60_000): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/run.js'), resolve(ROOT, script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
