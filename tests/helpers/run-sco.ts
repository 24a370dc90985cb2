import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, ROOT, SEED_DIR } from './test-app.ts';

export interface ScoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/sco.js` as a person would, with optional piped standard input (from the sources: no build needed). */
export function runSco(args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ScoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/sco.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SCO_FROM_SOURCE: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sco ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary content folder (topics.yml plus the seed and/or the shared corpus) and data folder. */
export function tempWorkspace(corpus: 'seed' | 'both' = 'seed'): { contentDir: string; dataDir: string; dirArgs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sco-cli-'));
  const contentDir = join(dir, 'content');
  const dataDir = join(dir, 'data');
  mkdirSync(join(contentDir, 'releases'), { recursive: true });
  cpSync(join(ROOT, 'content/topics.yml'), join(contentDir, 'topics.yml'));
  const sources = corpus === 'both' ? [SEED_DIR, CORPUS_DIR] : [SEED_DIR];
  for (const from of sources) for (const f of readdirSync(from)) cpSync(join(from, f), join(contentDir, 'releases', f));
  return { contentDir, dataDir, dirArgs: ['--content', contentDir, '--data', dataDir] };
}
