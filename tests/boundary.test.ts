import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/test-app.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core stays platform-agnostic', () => {
  const src = files(join(ROOT, 'src'));

  it('has source files to check', () => {
    expect(src.length).toBeGreaterThan(10);
  });

  it('never imports adapters, Slack or Discord code', () => {
    const offenders = src.filter((f) =>
      /from\s+['"](@slack\/|discord\.js|[./]*adapters\/)|import\(\s*['"](@slack\/|discord\.js|[./]*adapters\/)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('reads the environment only in config.ts and logs only through the logger', () => {
    const env = src.filter((f) => !f.endsWith('config.ts') && /process\.env/.test(readFileSync(f, 'utf8')));
    const logs = src.filter((f) => /console\.log/.test(readFileSync(f, 'utf8')));
    expect({ env: env.map((f) => relative(ROOT, f)), logs: logs.map((f) => relative(ROOT, f)) }).toEqual({ env: [], logs: [] });
  });
});
