import { describe, expect, it } from 'vitest';
import { plain, type Reply } from '../../src/bot/reply.ts';
import { buildDigest, MAX_ITEMS } from '../../src/digest/build-digest.ts';
import type { Release } from '../../src/releases/release.ts';

const period = { since: '2026-11-26T09:00:00.000Z', until: '2026-11-27T09:00:00.000Z' };
const limits = { itemsPerMessage: 20, charsPerMessage: 9000 };

function release(i: number, date: string): Release {
  return {
    id: `r${i}`,
    title: `Release number ${i}`,
    date,
    url: `https://eng.sectsco.org/news/${date.replaceAll('-', '')}/${100000 + i}.html`,
    source: 'sco-site',
    body: 'Body.',
    topics: [],
    summary: [`Summary of release ${i}.`],
    hash: `h${i}`,
  };
}

const listed = (replies: Reply[]) => replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'digest' ? b.items : [])));
const notes = (replies: Reply[]) => replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'context' ? [plain(b.text)] : [])));

describe('digests never flood a channel', () => {
  it('a first sync that finds the whole back catalogue posts one line, not hundreds of items', () => {
    const archive = Array.from({ length: 800 }, (_, i) => release(i, `20${17 + (i % 7)}-0${1 + (i % 9)}-15`));
    const replies = buildDigest({ releases: archive, period, limits, tz: 'UTC' });
    expect(replies).toHaveLength(1);
    expect(listed(replies)).toEqual([]);
    expect(replies[0]!.blocks[0]).toEqual({ type: 'heading', text: 'SCO digest: 800 older releases added' });
    expect(notes(replies).join(' ')).toContain('800 older releases from 2017–2023 added to the archive');
  });

  it('lists new releases, counts the older ones found with them', () => {
    const releases = [release(1, '2026-11-26'), release(2, '2026-11-20'), release(3, '2019-05-01'), release(4, '2018-02-02')];
    const replies = buildDigest({ releases, period, limits, tz: 'UTC' });
    expect(listed(replies).map((i) => i.id)).toEqual(['r1', 'r2']);
    expect(replies[0]!.blocks[0]).toEqual({ type: 'heading', text: 'SCO digest: 2 new releases' });
    expect(notes(replies).at(-1)).toContain('2 older releases from 2018–2019 added to the archive');
  });

  it('lists at most MAX_ITEMS new releases, newest first, and says how many more there are', () => {
    const releases = Array.from({ length: MAX_ITEMS + 12 }, (_, i) => release(i, `2026-11-${String(1 + (i % 26)).padStart(2, '0')}`));
    const replies = buildDigest({ releases, period, limits, tz: 'UTC' });
    expect(listed(replies)).toHaveLength(MAX_ITEMS);
    expect(listed(replies)[0]!.date).toBe('2026-11-26');
    expect(notes(replies).at(-1)).toContain('12 more new releases (see `/sco latest`)');
    for (const r of replies) expect(JSON.stringify(r.blocks).length).toBeLessThan(limits.charsPerMessage * 2);
  });
});
