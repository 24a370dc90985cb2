import { describe, expect, it } from 'vitest';
import type { Block, DigestItem, Reply, ResultItem } from '../../../src/bot/reply.ts';
import { renderMessages, type SlackMessage } from '../../../adapters/slack/render/reply.ts';
import { decodeSlackText, stripBotMention } from '../../../adapters/slack/incoming-text.ts';
import { escapeMrkdwn, splitText, truncate } from '../../../adapters/slack/render/text.ts';

/**
 * The texts of a message: `parsed` = what Slack reads as mrkdwn (sections, contexts, the
 * fallback), `mrkdwn` = the Block Kit mrkdwn objects only, `all` adds plain_text labels.
 */
function texts(message: SlackMessage, which: 'parsed' | 'mrkdwn' | 'all'): string[] {
  const out = which === 'mrkdwn' ? [] : [message.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && (which === 'all' || o.type === 'mrkdwn')) out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}

/** Checks every Block Kit limit the bot could run into. */
function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  for (const block of message.blocks as unknown as Record<string, any>[]) {
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const b of block.elements) {
        expect(b.text.text.length).toBeLessThanOrEqual(75);
        expect(b.value.length).toBeLessThanOrEqual(2000);
      }
    }
  }
  expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(14000);
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

function result(i: number): ResultItem {
  return {
    id: `r${i}`,
    title: `Release ${i} on regional security ${words(40)}`,
    date: '2020-02-17',
    url: `https://eng.sectsco.org/news/20200217/${600000 + i}.html`,
    snippet: ['The ', { text: 'Afghanistan', strong: true }, ` contact group ${words(200)}`],
  };
}

describe('Block Kit rendering', () => {
  it('renders a result with the title linked, the date and the matched words in bold', () => {
    const reply: Reply = {
      blocks: [{ type: 'heading', text: 'Results for “afghanistan”' }, { type: 'results', items: [{ ...result(1), title: 'SCO on Afghanistan', snippet: ['talks on ', { text: 'Afghanistan', strong: true }, ' resumed'] }] }],
      text: 'Results',
      visibility: 'private',
    };
    const [message] = renderMessages(reply);
    const section = message!.blocks[1] as { type: string; text: { text: string; verbatim: boolean } };
    expect(section.type).toBe('section');
    expect(section.text.text).toContain('*<https://eng.sectsco.org/news/20200217/600001.html|SCO on Afghanistan>*');
    expect(section.text.text).toContain('2020-02-17');
    expect(section.text.text).toContain('talks on *Afghanistan* resumed');
    expect(section.text.verbatim).toBe(true);
  });

  it('keeps a 40-result page within the limits', () => {
    const items = Array.from({ length: 40 }, (_, i) => result(i));
    const blocks: Block[] = [
      { type: 'heading', text: `Results for “${words(100)}”` },
      { type: 'context', text: ['1–40 of 120'] },
      { type: 'results', items },
      { type: 'buttons', buttons: [{ action: 'results.more', label: `More results ${words(30)}`, value: 'k:40' }, { action: 'results.share', label: 'Share to channel', value: 'k:0', style: 'primary' }] },
    ];
    const messages = renderMessages({ blocks, text: `Results ${words(1000)}`, visibility: 'private' });
    messages.forEach(expectWithinLimits);
    // Nothing is dropped: all 40 results and both buttons are somewhere.
    const all = messages.flatMap((m) => m.blocks) as unknown as Record<string, any>[];
    expect(all.filter((b) => b.type === 'section' && b.text.text.includes('eng.sectsco.org')).length).toBe(40);
    expect(all.filter((b) => b.type === 'actions').flatMap((b) => b.elements).map((e: any) => e.action_id)).toEqual(['results.more', 'results.share']);
  });

  it('keeps a 30-release digest within the limits, splitting when needed', () => {
    const items: DigestItem[] = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`,
      title: `Digest release ${i}`,
      date: i % 2 ? '2021-06-15' : null,
      url: i % 3 ? `https://eng.sectsco.org/${20210615 + i}/${700000 + i}.html` : null,
      summary: words(300),
    }));
    const messages = renderMessages({ blocks: [{ type: 'heading', text: 'New SCO releases' }, { type: 'digest', items }], text: '30 new releases', visibility: 'channel' });
    messages.forEach(expectWithinLimits);
    const sections = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    expect(sections.length).toBe(30);
    expect(JSON.stringify(messages)).toContain('date unknown');
  });

  it('splits a very long text into sections of at most 3000 characters', () => {
    const messages = renderMessages({ blocks: [{ type: 'text', text: [words(3000)] }], text: 'long', visibility: 'private' });
    messages.forEach(expectWithinLimits);
    const joined = messages.flatMap((m) => m.blocks).map((b: any) => b.text.text).join(' ');
    expect(joined).toContain('word2999');
  });

  it('renders an answer with its quote and numbered citations', () => {
    const [message] = renderMessages({
      blocks: [{ type: 'answer', answer: 'India and Pakistan were admitted in 2017.', quote: ['the admission of ', { text: 'India and Pakistan', strong: true }, ' in 2017'], citations: [{ n: 1, id: 'a', title: 'Munich <b>', date: '2020-02-17', url: 'https://eng.sectsco.org/a' }] }],
      text: 'India and Pakistan were admitted in 2017.',
      visibility: 'thread',
    });
    const all = JSON.stringify(message!.blocks);
    expect(all).toContain('>the admission of *India and Pakistan* in 2017');
    expect(all).toContain('[1] <https://eng.sectsco.org/a|Munich &lt;b&gt;> (2020-02-17)');
  });

  it('leaves nothing that Slack would read as a broadcast, a mention or a link', () => {
    const evil = '<!channel> @here <@U123> <https://evil.example|click> & *bold* `code`';
    const messages = renderMessages({
      blocks: [
        { type: 'heading', text: evil },
        { type: 'text', text: [evil] },
        { type: 'context', text: [{ text: evil, strong: true }] },
        { type: 'results', items: [{ ...result(1), title: evil, url: 'https://x.example/a|b>c', snippet: [evil] }] },
        { type: 'buttons', buttons: [{ action: 'results.more', label: evil, value: 'k:5' }] },
      ],
      text: evil,
      visibility: 'channel',
    });
    // plain_text labels are never parsed, so only mrkdwn and the fallback could form links or mentions.
    for (const t of messages.flatMap((m) => texts(m, 'parsed'))) expect(t).not.toMatch(/<!|<@|<https:\/\/evil/);
    for (const t of messages.flatMap((m) => texts(m, 'all'))) expect(t).not.toMatch(/@(here|channel)\b/);
    // In mrkdwn, text from outside cannot switch bold on.
    for (const t of messages.flatMap((m) => texts(m, 'mrkdwn'))) expect(t).not.toContain('*bold*');
    const json = JSON.stringify(messages);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('https://x.example/a%7Cb%3Ec');
  });

  it('never sends what Slack refuses outright: empty headers, sections or labels, or no fallback', () => {
    const messages = renderMessages({ blocks: [{ type: 'heading', text: '  ' }, { type: 'text', text: [''] }, { type: 'context', text: [] }, { type: 'buttons', buttons: [{ action: 'results.more', label: ' ', value: 'k:5' }] }], text: '', visibility: 'private' });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text.length).toBeGreaterThan(0);
    const blocks = messages[0]!.blocks as any[];
    expect(blocks.map((b) => b.type)).toEqual(['actions']);
    expect(blocks[0].elements[0].text.text.length).toBeGreaterThan(0);
  });

  it('drops a button whose value Slack would refuse instead of failing the message', () => {
    const [message] = renderMessages({ blocks: [{ type: 'buttons', buttons: [{ action: 'results.more', label: 'More', value: 'x'.repeat(2001) }, { action: 'results.share', label: 'Share', value: 'k:0' }] }], text: 't', visibility: 'private' });
    expect(JSON.stringify(message!.blocks)).not.toContain('results.more');
    expect(JSON.stringify(message!.blocks)).toContain('results.share');
  });
});

describe('Slack text helpers', () => {
  it('decodes what Slack sends back into what the person typed', () => {
    expect(decodeSlackText('&lt;!channel&gt; <!here> <@U123> <#C1|general> <https://a.b|site> &amp;')).toBe('<!channel> @here @U123 #general site &');
    expect(stripBotMention('<@UBOT> when was the summit?', 'UBOT')).toBe('when was the summit?');
    expect(stripBotMention('hi <@UBOT|sco> there', 'UBOT')).toBe('hi there');
  });

  it('splits long text into pieces within the limit, keeping every word and every entity whole', () => {
    const text = `${'x'.repeat(2998)}&amp;${'y'.repeat(40)} ${words(10)}`;
    const pieces = splitText(text, 3000);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join('')).toBe(text);
    expect(pieces[1]!.startsWith('&amp;')).toBe(true);
    expect(splitText(words(1000), 3000).join(' ')).toBe(words(1000));
  });

  it('truncates at a word boundary and never inside an entity', () => {
    expect(truncate('alpha beta gamma delta', 14)).toBe('alpha beta…');
    const cut = truncate(escapeMrkdwn(`${'a'.repeat(95)} & more`), 99);
    expect(cut).not.toMatch(/&[a-z]*…$/);
  });
});
