import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/test-app.ts';

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

describe('the core has one composition root and no import circle', () => {
  const src = files(join(ROOT, 'src'));
  const imports = (f: string) => [...readFileSync(f, 'utf8').matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

  it('nothing in src/ imports the composition root (adapters/compose.ts)', () => {
    const offenders = src.filter((f) => imports(f).some((s) => /(^|\/)compose(\.ts|\.js)?$/.test(s)));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('commands and the Bot depend on the services, not on the app', () => {
    const inScope = src.filter((f) => /[/\\]src[/\\](commands|bot)[/\\]/.test(f));
    expect(inScope.length).toBeGreaterThan(10);
    const offenders = inScope.filter((f) => imports(f).some((s) => /(^|\/)app(\.ts|\.js)?$/.test(s)));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the import graph of src/ and adapters/, type imports included, has no circle', () => {
    // scripts/check-cycles.mjs exits non-zero and names each circle when there is one.
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/check-cycles.mjs'), ROOT], { encoding: 'utf8' });
    expect(out).toMatch(/^no import cycles among \d+ files/);
  });
});

describe('routing policy lives on the command specs', () => {
  it('neither the Bot nor an adapter names a command id', () => {
    const checked = [join(ROOT, 'src/bot/bot.ts'), ...files(join(ROOT, 'adapters'))];
    const offenders = checked.filter((f) => /\.id\s*[!=]==?\s*['"`]|find\(\s*['"`]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
