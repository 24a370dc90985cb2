import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/bot/reply.ts';
import { startHarness, type Harness } from '../../fakes/discord/discord-harness.ts';

let h: Harness;
let general: string;
beforeAll(async () => {
  h = await startHarness({ corpus: 'none' });
  general = h.key(h.fake.channels.general);
});
afterAll(async () => {
  await h.close();
});

function digest(n: number): Reply {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Release ${i}`,
    date: '2024-07-04',
    url: `https://eng.sectsco.org/20240704/${2000 + i}.html`,
    summary: `Summary ${i}: ${'words '.repeat(30)}`,
  }));
  return { blocks: [{ type: 'heading', text: 'New SCO releases' }, { type: 'digest', items }], text: 'New SCO releases', visibility: 'channel' };
}

describe('Discord transport after a restart', () => {
  it('finds a delivery posted long ago (nonces forgotten) by the reference in its footer', async () => {
    const key = 'digest:subX:2024-07-04T09:00/1';
    expect(await h.discord.transport.findPosted!(general, key)).toBeNull();
    const posted = await h.discord.transport.post(general, digest(20), { idempotencyKey: key });
    expect(posted.ok).toBe(true);
    const found = await h.discord.transport.findPosted!(general, key);
    expect(found).toBe(posted.ok ? posted.messageId : 'never');
    expect(await h.discord.transport.findPosted!(general, 'digest:other/1')).toBeNull();
  });

  it('does not count a delivery as posted when one of its parts is missing', async () => {
    const key = 'digest:subY:2024-07-05T09:00/1';
    await h.discord.transport.post(general, digest(20), { idempotencyKey: key });
    const list = h.fake.posted.get(h.fake.channels.general)!;
    list.pop(); // the crash took the last part with it
    expect(await h.discord.transport.findPosted!(general, key)).toBeNull();
  });
});
