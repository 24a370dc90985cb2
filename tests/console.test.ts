import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSco, tempWorkspace } from './helpers/run-sco.ts';

// Each case starts a real process; a loaded 2-core machine can take seconds per start.
vi.setConfig({ testTimeout: 120_000 });
const ws = tempWorkspace('seed');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

describe('the console workspace, driven through piped input', () => {
  it('answers /sco afghanistan with the seed release, its date, derived title and snippet, then exits', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: '/sco afghanistan\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2020-02-16');
    expect(run.stdout).toContain('000_9851d8e3c5c57f74');
    expect(run.stdout).toMatch(/Munich Security Conference/);
    expect(run.stdout).toMatch(/\*Afghanistan\*/);
    expect(run.stdout).toContain('Share to channel');
  });

  it('runs several lines in order: help, latest, an unknown word, a press of a button', async () => {
    const run = await runSco(['start', ...ws.dirArgs], {
      input: '/sco help\n/sco latest\n/sco qwertyuiopzxcv\n/sco afghanistan\npress 1\n',
    });
    expect(run.code).toBe(0);
    const help = run.stdout.indexOf('/sco search');
    const latest = run.stdout.indexOf('Latest releases');
    const none = run.stdout.indexOf('No release matches');
    expect(help).toBeGreaterThanOrEqual(0);
    expect(latest).toBeGreaterThan(help);
    expect(none).toBeGreaterThan(latest);
    expect(run.stdout).toContain('Shared by you');
  });

  it('keeps hostile input harmless', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: `/sco "unbalanced NEAR( AND -* ${'x'.repeat(5000)}\n/sco afghanistan\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/SQLITE|syntax error|fts5/i);
    expect(run.stdout).toContain('000_9851d8e3c5c57f74');
  });
});
