import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSco, tempWorkspace } from '../../helpers/run-sco.ts';
import { ROOT } from '../../helpers/test-app.ts';

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

  it('numbers every button of an answer, Cite included, and press 3 prints the citation', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: 'where is RATS based?\npress 3\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(press 1: 👍 Helpful)  (press 2: 👎 Not right)  (press 3: Cite [1])');
    expect(run.stdout).toMatch(/Secretariat of the Shanghai Cooperation Organisation\. “SCO Secretariat delegation led by Vladimir Norov attends 56th Munich Security Conference\.” Press release, 16 February 2020\./);
  });

  it('keeps hostile input harmless', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: `/sco "unbalanced NEAR( AND -* ${'x'.repeat(5000)}\n/sco afghanistan\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/SQLITE|syntax error|fts5/i);
    expect(run.stdout).toContain('000_9851d8e3c5c57f74');
  });
});

describe('the console workspace helps whoever types', () => {
  it('hello, /help and /scoo x get a helpful reply, not a failed lookup', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: 'hello\n/help\n/scoo x\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Hello! I keep you on top of the SCO Secretariat’s press releases\. Type `\/sco <words>`/m);
    expect(run.stdout).toContain('/sco search <words or "a phrase">');
    expect(run.stdout).toMatch(/There is no \/scoo command here; the bot’s command is \/sco, e\.g\. `\/sco x`/);
    expect(run.stdout).not.toMatch(/could not find|No release matches/i);
  });

  it('press 9 and a spent button say so instead of printing the help', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: 'press 1\n/sco afghanistan\npress 9\npress 1\npress 1\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('There is no button to press: the last reply had none.');
    expect(run.stdout).toContain('There is no button 9: the last reply has one button (press 1: Share to channel).');
    expect(run.stdout.match(/Shared by you/g)).toHaveLength(1);
    expect(run.stdout).toContain('Button 1 (Share to channel) was pressed already');
    expect(run.stdout).not.toContain('/sco search <words or "a phrase">');
  });

  it('ESC and NUL typed into a lookup are shown as symbols, never sent to the terminal', async () => {
    const run = await runSco(['start', ...ws.dirArgs], { input: '/sco \x1b]0;owned\x07\x1b[2Jafghan\x00\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\x00\x07\x1b]/);
    expect(run.stdout).toContain('␛]0;owned␇␛[2Jafghan␀');
  });

  it('a problem found in the background is one friendly warning line; the JSON goes to data/sco.log', async () => {
    const own = tempWorkspace('seed');
    try {
      const child = spawn(process.execPath, [join(ROOT, 'bin/sco.js'), 'start', ...own.dirArgs], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SCO_FROM_SOURCE: '1' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.write('/sco latest\n');
      for (let i = 0; i < 100 && !/Latest releases/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
      const bad = join(own.contentDir, 'releases', 'broken.md');
      writeFileSync(bad, '---\ntitle: [unclosed\n---\nBody.\n');
      for (let i = 0; i < 300 && !/warning: /.test(err); i++) await new Promise((r) => setTimeout(r, 100));
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(err).toMatch(new RegExp(`^warning: ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: front matter`, 'm'));
      expect(err + out).not.toMatch(/\{"level":/);
      const log = join(own.dataDir, 'sco.log');
      expect(existsSync(log)).toBe(true);
      expect(readFileSync(log, 'utf8')).toMatch(/"level":40.*broken\.md/);
    } finally {
      rmSync(join(own.contentDir, '..'), { recursive: true, force: true });
    }
  }, 120_000);
});
