import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyText } from '../../adapters/console/render-text.ts';
import { loadConfig } from '../../src/config.ts';
import { BotError } from '../../src/errors.ts';
import { parseQuery } from '../../src/index/query-parse.ts';
import { cutText, echo, visibleControls } from '../../src/text/echo.ts';
import { parseIsoInstant } from '../../src/util/iso-date.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { noteSentence } from '../../src/commands/search-notes.ts';

describe('what a person typed, shown back', () => {
  it('control characters become visible symbols; tabs and newlines stay', () => {
    expect(visibleControls('a\x1b[31mb\x00c\x07d\x7fe\x9bf\tg\nh')).toBe('a␛[31mb␀c␇d␡e\ufffdf\tg\nh');
  });

  it('long text is cut at a whole character, never inside an emoji', () => {
    expect(cutText('short', 10)).toBe('short');
    const cut = cutText('😀'.repeat(50), 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(echo('x'.repeat(100_000)).length).toBeLessThanOrEqual(80);
  });

  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'seed' });
  });
  afterAll(() => t.cleanup());
  const lookup = (text: string) => t.app.bot.handle({ kind: 'command', text, user: { id: 'U1', canManage: true }, channel: 'test:T:C' });

  it('a 100,000-character query is echoed cut in the heading', async () => {
    const reply = await lookup(`afghanistan ${'y'.repeat(100_000)}`);
    const heading = reply.blocks.find((b) => b.type === 'heading');
    expect(heading?.type === 'heading' && heading.text).toMatch(/^Results for “afghanistan y+…”$/);
    expect(heading?.type === 'heading' && heading.text.length).toBeLessThan(120);
    expect(reply.text.length).toBeLessThan(2000);
  });

  it('ESC and NUL in a query never reach the terminal raw', async () => {
    const reply = await lookup('\x1b]0;pwned\x07\x1b[2Jafghan\x00istan');
    for (const ansi of [false, true]) {
      // Our own bold and dim codes only: ESC followed by [1m, [22m or [2m.
      const text = renderReplyText(reply, { ansi }).replace(/\x1b\[(1|2|22)m/g, '');
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(text).toContain('␛[2J');
    }
  });
});

describe('dates are real days and times, or refused', () => {
  it.each(['2020-01-01T25:61:00Z', '2020-02-30', '2021-02-29', '2020-13-01', '2020-01-01T24:00:00Z', 'March 5', '2020-01-01T10:00:61Z'])('%s is no date', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('reads dates, times and offsets', () => {
    expect(parseIsoInstant('2020-02-29')?.toISOString()).toBe('2020-02-29T00:00:00.000Z');
    expect(parseIsoInstant('2026-11-26T09:00')?.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(parseIsoInstant('2026-11-26T09:00:00+01:00')?.toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(parseIsoInstant('2026-11-26T09:00:00.5Z')?.toISOString()).toBe('2026-11-26T09:00:00.500Z');
  });

  it('since: and until: refuse a day the month does not have', () => {
    const q = parseQuery('afghanistan since:2021-02-30 until:2021-04-31');
    expect(q.since).toBeUndefined();
    expect(q.until).toBeUndefined();
    expect(q.notes).toHaveLength(2);
    expect(noteSentence(q.notes[0]!)).toMatch(/I did not understand since:2021-02-30/);
    expect(parseQuery('x since:2020-02-29').since).toBe('2020-02-29');
  });
});

describe('configuration', () => {
  it('SYNC_CRON is checked with the other variables', () => {
    expect(() => loadConfig({ SYNC_CRON: 'bad' })).toThrow(BotError);
    expect(() => loadConfig({ SYNC_CRON: 'bad' })).toThrow(/SYNC_CRON: .*five-field cron expression/);
    expect(loadConfig({ SYNC_CRON: 'off' }).syncCron).toBe('off');
    expect(loadConfig({ SYNC_CRON: '*/5 * * * *' }).syncCron).toBe('*/5 * * * *');
  });
});
