import { describe, expect, it } from 'vitest';
import type { DigestItem, Reply } from '../../src/bot/reply.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import type { Release } from '../../src/releases/release.ts';

function release(i: number, extra: Partial<Release> = {}): Release {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    id: `r${String(i).padStart(3, '0')}`,
    title: `SCO Secretary-General meets delegation number ${i}`,
    date: `2026-${i < 28 ? '10' : '11'}-${day}`,
    url: `https://eng.sectsco.org/news/202610${day}/${100000 + i}.html`,
    source: 'content',
    body: 'Body.',
    topics: [],
    summary: [
      `On this day the Secretary-General received delegation ${i} at the Secretariat in Beijing.`,
      'The sides discussed regional security and economic cooperation.',
      'A third sentence that the digest must leave out.',
    ],
    hash: `h${i}`,
    ...extra,
  };
}

const period = { since: '2026-11-26T09:00:00.000Z', until: '2026-11-27T09:00:00.000Z' };
const items = (replies: Reply[]): DigestItem[] =>
  replies.flatMap((r) => r.blocks.flatMap((b) => (b.type === 'digest' ? b.items : [])));
const chars = (r: Reply) =>
  r.blocks.reduce((n, b) => n + (b.type === 'digest' ? b.items.reduce((m, it) => m + it.title.length + it.summary.length + (it.url?.length ?? 0) + 20, 0) : b.type === 'heading' ? b.text.length : 60), 0);

describe('buildDigest', () => {
  it('one message: heading with count and period, each release with title, date, two-sentence summary and link', () => {
    const [reply, ...more] = buildDigest({ releases: [release(1), release(2)], period, limits: { itemsPerMessage: 10, charsPerMessage: 4000 }, tz: 'Europe/Berlin' });
    expect(more).toEqual([]);
    expect(reply!.visibility).toBe('channel');
    expect(reply!.blocks[0]).toEqual({ type: 'heading', text: 'SCO digest: 2 new releases' });
    expect(reply!.blocks[1]).toEqual({ type: 'context', text: ['First seen 26 Nov 2026, 10:00 – 27 Nov 2026, 10:00'] });
    const [first] = items([reply!]);
    expect(first).toEqual({
      id: 'r002',
      title: 'SCO Secretary-General meets delegation number 2',
      date: '2026-10-03',
      url: 'https://eng.sectsco.org/news/20261003/100002.html',
      summary: 'On this day the Secretary-General received delegation 2 at the Secretariat in Beijing. The sides discussed regional security and economic cooperation.',
    });
    expect(reply!.text).toContain('SCO digest: 2 new releases');
  });

  it('orders newest publication first, undated last', () => {
    const releases = [release(1), release(40, { date: null, title: 'Undated' }), release(30), release(5)];
    const out = items(buildDigest({ releases, period, limits: { itemsPerMessage: 10, charsPerMessage: 8000 }, tz: 'UTC' }));
    expect(out.map((i) => i.date)).toEqual(['2026-11-03', '2026-10-06', '2026-10-02', null]);
  });

  it('splits a 30-release digest within the limits, never cutting a release, keeping every one once', () => {
    const releases = Array.from({ length: 30 }, (_, i) => release(i));
    for (const limits of [
      { itemsPerMessage: 10, charsPerMessage: 40_000 },
      { itemsPerMessage: 25, charsPerMessage: 2000 },
      { itemsPerMessage: 50, charsPerMessage: 6000 },
    ]) {
      const replies = buildDigest({ releases, period, limits, tz: 'UTC' });
      expect(replies.length).toBeGreaterThan(1);
      for (const [i, r] of replies.entries()) {
        const digest = r.blocks.find((b) => b.type === 'digest');
        expect(digest && digest.type === 'digest' && digest.items.length).toBeLessThanOrEqual(limits.itemsPerMessage);
        expect(chars(r)).toBeLessThanOrEqual(limits.charsPerMessage);
        expect(r.blocks[0]).toEqual({ type: 'heading', text: `SCO digest: 30 new releases (${i + 1}/${replies.length})` });
      }
      const all = items(replies);
      expect(all.map((x) => x.id).sort()).toEqual(releases.map((r) => r.id).sort());
      // Whole releases only: every item carries its full two-sentence summary.
      for (const it of all) expect(it.summary).toMatch(/economic cooperation\.$/);
    }
    expect(buildDigest({ releases, period, limits: { itemsPerMessage: 10, charsPerMessage: 40_000 }, tz: 'UTC' })).toHaveLength(3);
  });

  it('shortens an outsized summary rather than splitting its release', () => {
    const long = release(1, { summary: ['Word '.repeat(2000).trim() + '.', 'Second.'] });
    const replies = buildDigest({ releases: [long, release(2)], period, limits: { itemsPerMessage: 10, charsPerMessage: 1500 }, tz: 'UTC' });
    for (const r of replies) expect(chars(r)).toBeLessThanOrEqual(1500);
    expect(items(replies).find((i) => i.id === 'r001')!.summary).toMatch(/…$/);
  });

  it('an empty period posts nothing, or one "nothing new" line when asked', () => {
    const limits = { itemsPerMessage: 10, charsPerMessage: 4000 };
    expect(buildDigest({ releases: [], period, limits, tz: 'UTC' })).toEqual([]);
    const [line] = buildDigest({ releases: [], period, limits, tz: 'UTC', nothingNewLine: true, filter: 'afghanistan' });
    expect(line!.text).toBe('SCO digest on “afghanistan”: nothing new (26 Nov 2026, 09:00 – 27 Nov 2026, 09:00).');
  });

  it('is pure: the same input gives the same messages', () => {
    const input = { releases: [release(3), release(1)], period, limits: { itemsPerMessage: 1, charsPerMessage: 4000 }, tz: 'UTC' };
    expect(buildDigest(input)).toEqual(buildDigest(structuredClone(input)));
  });
});
