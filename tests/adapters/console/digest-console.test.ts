import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addRelease } from '../../fixtures/digest/releases.ts';
import { tempWorkspace } from '../../helpers/run-sco.ts';
import { ROOT } from '../../helpers/test-app.ts';

const ws = tempWorkspace('seed');
afterAll(() => rmSync(join(ws.contentDir, '..'), { recursive: true, force: true }));

/** Waits until `stdout()` matches, or fails after `ms`. */
async function waitFor(stdout: () => string, pattern: RegExp, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(stdout())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output so far:\n${stdout()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the console workspace, end to end', () => {
  it('subscribe, a release file arrives, digest now posts it once', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/sco.js'), 'start', ...ws.dirArgs], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SCO_FROM_SOURCE: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      child.stdin.write('/sco subscribe daily at 09:00 tz Europe/Berlin\n');
      await waitFor(() => out, /subscribed this channel: `\w+` daily at 09:00 \(Europe\/Berlin\)/);
      // The bot only sends what is new after the subscription: a release file dropped in now.
      await new Promise((r) => setTimeout(r, 50));
      addRelease(ws.contentDir, 3, { title: 'SCO observers arrive for a digest console test' });
      // The content watcher picks the file up; the preview shows it once it has.
      for (let i = 0; i < 60 && !/digest console test/.test(out); i++) {
        child.stdin.write('/sco digest preview\n');
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(out).toMatch(/Preview of `\w+`/);
      expect(out).toMatch(/SCO observers arrive for a digest console test/);
      const before = out.length;
      await new Promise((r) => setTimeout(r, 20));
      child.stdin.write('/sco digest now\n');
      await waitFor(() => out.slice(before), /Posted the digest in this channel/);
      child.stdin.write('/sco digest now\n');
      await waitFor(() => out.slice(before), /Nothing new since the last digest/);
      child.stdin.end();
      expect(await exited).toBe(0);
      const after = out.slice(before);
      expect(after.match(/\[digest in console:local\]/g)).toHaveLength(1);
      expect(after).toMatch(/SCO digest: 1 new release[\s\S]*SCO observers arrive for a digest console test/);
      expect(after).not.toContain('Munich');
    } finally {
      child.kill();
    }
  }, 150_000);
});
