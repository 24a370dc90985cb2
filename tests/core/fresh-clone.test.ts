import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/run-sco.ts';
import { ROOT } from '../helpers/test-app.ts';

const run = promisify(execFile);

/** Every text file of the project that code, tests or scripts are made of. */
function projectFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === '.git' || name === 'data' || name.startsWith('.probe')) return [];
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return projectFiles(p);
    return /\.(ts|js|mjs|cjs|json|ya?ml|sh)$/.test(name) || name === 'run' ? [p] : [];
  });
}

describe('a fresh clone carries everything it needs', () => {
  it('nothing reads the team shared folder beside the clone, or any path outside it', () => {
    const roots = ['src', 'adapters', 'tests', 'bench', 'bin', '.ci'].map((d) => join(ROOT, d));
    const files = [...roots.flatMap(projectFiles), ...['package.json', 'vitest.config.ts', 'tsconfig.json', 'tsconfig.build.json'].map((f) => join(ROOT, f))];
    expect(files.length).toBeGreaterThan(100);
    const outside = /\.\.\/shared\b|['"`](?:\/work|\/home|\/Users|\/root)\//;
    const offenders = files.filter((f) => f !== import.meta.filename && outside.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('the compiled build', () => {
  // Inside the project, so the build finds node_modules as dist/ does; never dist/ itself,
  // which other tests' processes may be running.
  const out = mkdtempSync(join(ROOT, '.probe-build-'));
  const ws = tempWorkspace('seed');
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(ws.contentDir, '..'), { recursive: true, force: true });
  });

  it('compiles with tsc and runs on plain node, without tsx', async () => {
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out, '--tsBuildInfoFile', join(out, '.tsbuildinfo')], { cwd: ROOT });
    const main = join(out, 'adapters/cli/main.js');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    const help = await run(process.execPath, [main, '--help'], { cwd: ROOT, env });
    expect(help.stdout).toContain('usage: sco <command>');
    const search = await run(process.execPath, [main, 'search', 'afghanistan', '--json', ...ws.dirArgs], { cwd: ROOT, env });
    expect((JSON.parse(search.stdout) as { results: { id: string }[] }).results[0]?.id).toBe('000_9851d8e3c5c57f74');
    // The answer engine reads data files beside its code (the model's weights): the build carries them.
    const ask = await run(process.execPath, [main, 'ask', 'who led the SCO delegation to the Munich Security Conference?', '--json', ...ws.dirArgs], { cwd: ROOT, env });
    const answered = JSON.parse(ask.stdout) as { answer: string | null; citations: { id: string }[] };
    expect(answered.answer).toMatch(/Norov/);
    expect(answered.citations[0]?.id).toBe('000_9851d8e3c5c57f74');
    // Relative imports were rewritten to .js: no compiled file asks for a .ts module.
    const compiled = projectFiles(out).filter((f) => f.endsWith('.js'));
    expect(compiled.filter((f) => /from ['"]\.{1,2}\/[^'"]*\.ts['"]|import\(['"]\.{1,2}\/[^'"]*\.ts['"]\)/.test(readFileSync(f, 'utf8')))).toEqual([]);
  }, 240_000);

  it('package.json builds on install and starts from the build', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(pkg.scripts['discord:register']).toBe('node dist/adapters/discord/register.js');
    expect(readFileSync(join(ROOT, 'bin/sco.js'), 'utf8')).toContain('dist/adapters/cli/main.js');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
  });
});
