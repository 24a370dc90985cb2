import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedLength, renderReply, type DiscordMessage } from '../../../adapters/discord/render/reply.ts';
import { escapeText, richToMarkdown } from '../../../adapters/discord/render/text.ts';
import { topicChoices } from '../../../adapters/discord/topic-choices.ts';
import { commandText } from '../../../adapters/discord/incoming-text.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import type { CommandSpec } from '../../../src/commands/registry.ts';
import { replyArb } from '../../helpers/property-reply-arbitrary.ts';

/** Mentions Discord would render or act on, anywhere (code spans included, to be safe). */
const LIVE_MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/i;

function textsOf(m: DiscordMessage): string[] {
  return [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])];
}

function checkLimits(m: DiscordMessage): void {
  expect((m.content ?? '').length).toBeLessThanOrEqual(2000);
  expect(m.embeds.length).toBeLessThanOrEqual(10);
  expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  expect((m.content ?? '').length > 0 || m.embeds.length > 0).toBe(true);
  for (const e of m.embeds) {
    expect(e.title === undefined || (e.title.length > 0 && e.title.length <= 256)).toBe(true);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
    expect(Boolean(e.title || e.description || e.footer?.text)).toBe(true);
  }
  expect(m.components.length).toBeLessThanOrEqual(5);
  const ids = m.components.flatMap((r) => r.components.map((b) => b.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
      expect((b.label ?? '').length).toBeGreaterThan(0);
      expect((b.label ?? '').length).toBeLessThanOrEqual(80);
    }
  }
}

describe('Discord rendering', () => {
  it('any reply stays within Discord limits and renders no live mention', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const rendered = renderReply(reply);
        expect(rendered.messages.length).toBeGreaterThan(0);
        expect(rendered.ephemeral).toBe(reply.visibility === 'private');
        for (const m of rendered.messages) {
          checkLimits(m);
          for (const t of textsOf(m)) expect(t).not.toMatch(LIVE_MENTION);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a long release body is split over several embeds and messages, nothing lost', () => {
    const body = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} of a long release about the SCO.`).join(' ');
    const reply: Reply = { blocks: [{ type: 'heading', text: 'A long one' }, { type: 'text', text: [body] }], text: 'A long one', visibility: 'private' };
    const { messages } = renderReply(reply);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.length).toBeGreaterThan(5);
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach(checkLimits);
    const joined = embeds.map((e) => e.description).join(' ');
    expect(joined).toContain('Sentence number 0 ');
    expect(joined).toContain('Sentence number 399 ');
  });

  it('buttons go on the last message, at most 25, in rows of 5', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ action: `a${i}`, label: `Button ${i}`, value: String(i) }));
    const reply: Reply = { blocks: [{ type: 'text', text: ['hi'] }, { type: 'buttons', buttons }], text: 'hi', visibility: 'channel' };
    const { messages } = renderReply(reply);
    const last = messages.at(-1)!;
    expect(last.components.length).toBe(5);
    expect(last.components.flatMap((r) => r.components).map((b) => b.custom_id).slice(0, 2)).toEqual(['a0|0', 'a1|1']);
  });

  it('escapes markdown from releases and people, keeps bold for matched words and code for commands', () => {
    expect(escapeText('*not bold* _x_ ~~y~~ ||z|| [a](b)\n# h\n> q\n- l\n1. n')).toBe(
      '\\*not bold\\* \\_x\\_ \\~\\~y\\~\\~ \\|\\|z\\|\\| \\[a\\](b)\n\\# h\n\\> q\n\\- l\n1\\. n',
    );
    expect(escapeText('try `/sco topics` now')).toBe('try `/sco topics` now');
    expect(escapeText('@everyone <@&123> <@456> <#789>')).not.toMatch(LIVE_MENTION);
    expect(richToMarkdown(['the ', { text: 'Afghan', strong: true }, ' side'])).toBe('the **Afghan** side');
    expect(richToMarkdown([{ text: 'release', href: 'https://eng.sectsco.org/a_(b).html' }])).toBe('[release](https://eng.sectsco.org/a_%28b%29.html)');
    expect(richToMarkdown([{ text: 'x', href: 'javascript:alert(1)' }])).toBe('x');
  });

  it('results show a linked title, the date and the snippet', () => {
    const reply: Reply = {
      blocks: [{ type: 'results', items: [{ id: 'r1', title: 'SCO *summit*', date: '2024-07-04', url: 'https://eng.sectsco.org/20240704/1.html', snippet: ['on ', { text: 'Afghanistan', strong: true }] }] }],
      text: 'x',
      visibility: 'private',
    };
    const [e] = renderReply(reply).messages[0]!.embeds;
    expect(e).toMatchObject({ title: 'SCO \\*summit\\*', url: 'https://eng.sectsco.org/20240704/1.html', description: 'on **Afghanistan**', footer: { text: '2024-07-04 · r1' } });
  });
});

describe('Discord command text and autocomplete', () => {
  const spec: CommandSpec = {
    id: 'subscribe',
    summary: 's',
    usage: 'u',
    examples: [],
    options: [
      { name: 'schedule', description: 'd', type: 'string', required: true },
      { name: 'tz', description: 'zone', type: 'string', keyword: 'tz' },
      { name: 'backfill', description: 'n', type: 'integer', keyword: 'backfill' },
      { name: 'topic', description: 't', type: 'string' },
    ],
    run: async () => ({ blocks: [], text: '', visibility: 'private' }),
  };

  it('joins option values in registry order, with keywords', () => {
    const values: Record<string, string | number> = { topic: 'afghanistan', backfill: 3, schedule: 'weekly monday', tz: 'Europe/Paris' };
    expect(commandText(spec, (n) => values[n])).toEqual({ ok: true, text: 'subscribe weekly monday tz Europe/Paris backfill 3 afghanistan' });
    expect(commandText(spec, (n) => (n === 'schedule' ? 'daily' : undefined))).toEqual({ ok: true, text: 'subscribe daily' });
    expect(commandText(spec, () => undefined)).toMatchObject({ ok: false, problem: expect.stringMatching(/needs the `schedule` option/) });
  });

  it('offers topics starting with what was typed first, at most 25', () => {
    const topics = [
      { id: 'uzbekistan', label: 'Uzbekistan', aliases: ['Uzbek'], kind: 'member' as const },
      { id: 'rats', label: 'RATS', aliases: ['Regional Anti-Terrorist Structure'], kind: 'body' as const },
      ...Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, label: `Theme ${i}`, aliases: [], kind: 'theme' as const })),
    ];
    expect(topicChoices(topics, 'uzb')[0]).toEqual({ name: 'Uzbekistan', value: 'uzbekistan' });
    expect(topicChoices(topics, 'terror').map((c) => c.value)).toEqual(['rats']);
    expect(topicChoices(topics, '').length).toBe(25);
  });
});
