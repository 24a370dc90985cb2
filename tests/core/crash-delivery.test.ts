import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/compose.ts';
import { silentLogger } from '../../src/logger.ts';
import { NS } from '../../src/ports/store.ts';
import { FakeTransport } from '../fakes/fake-transport.ts';
import { addRelease } from '../fixtures/digest/releases.ts';
import { makeTestApp, ROOT, type TestApp } from '../helpers/test-app.ts';

let t: TestApp | undefined;
afterAll(async () => t?.cleanup());

function child(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/run.js'), join(ROOT, 'tests/fixtures/digest/scheduler-child.ts'), ...args], { cwd: ROOT });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('a bot killed between posting and recording', () => {
  it('posts each part once after the restart: no duplicate, no loss', async () => {
    let now = new Date('2026-11-26T08:00:00Z');
    t = await makeTestApp({ corpus: 'seed', clock: () => now });
    const { app, contentDir, dataDir } = t;
    now = new Date('2026-11-26T08:01:00Z');
    const reply = await app.bot.handle({ kind: 'command', text: 'subscribe daily at 09:00 tz UTC', user: { id: 'U1', canManage: true }, channel: 'test:T1:C1' });
    expect(reply.text).toContain('subscribed this channel');
    now = new Date('2026-11-26T08:30:00Z');
    const ids = [1, 2, 3].map((n) => addRelease(contentDir, n));
    await app.library.refresh();
    // The child processes own the data folder from here on.
    await app.close();
    const postsFile = join(dataDir, '..', 'posts.jsonl');
    const posts = new FakeTransport('test', undefined, { file: postsFile });

    // First run: dies right after the platform accepted part 1 of 2.
    const crashed = await child([contentDir, dataDir, postsFile, '2026-11-26T09:00:10Z', 'crash']);
    expect(crashed.signal).toBe('SIGKILL');
    expect(posts.all().map((p) => p.idempotencyKey.slice(-2))).toEqual(['/1']);

    // The dead process's lease (500 ms here) runs out; the restarted bot finishes the job.
    await new Promise((r) => setTimeout(r, 700));
    const resumed = await child([contentDir, dataDir, postsFile, '2026-11-26T09:01:00Z', 'run']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const all = posts.all();
    expect(all.map((p) => p.idempotencyKey.replace(/^\w+@/, ''))).toEqual(['2026-11-26T09:00:00.000Z/1', '2026-11-26T09:00:00.000Z/2']);
    const items = all.flatMap((p) => p.reply.blocks.flatMap((b) => (b.type === 'digest' ? b.items.map((i) => i.id) : [])));
    expect(items.sort()).toEqual(ids.sort());

    // Later runs post nothing more; the cursor moved past the period.
    expect((await child([contentDir, dataDir, postsFile, '2026-11-26T09:30:00Z', 'run'])).code).toBe(0);
    expect(posts.all()).toHaveLength(2);
    const reopened = await createApp(app.config, silentLogger());
    try {
      const [subId] = await reopened.store.namespace(NS.subscriptions).keys();
      expect(await reopened.store.namespace(NS.cursors).get(subId!)).toEqual({ since: '2026-11-26T09:00:00.000Z', slot: '2026-11-26T09:00:00.000Z' });
      expect(await reopened.store.namespace(NS.deliveries).get(subId!)).toMatchObject({ state: 'done', posted: [all[0]!.messageId, all[1]!.messageId] });
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
