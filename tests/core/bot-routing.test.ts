import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, type Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import type { Namespace, Store } from '../../src/ports/store.ts';
import { Bot } from '../../src/bot/bot.ts';
import { textReply } from '../../src/bot/reply.ts';
import { Registry, type CommandSpec } from '../../src/commands/registry.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const user = { id: 'U1', name: 'Ann', canManage: false };
const req = (kind: Request['kind'], text: string, extra: Partial<Request> = {}): Request => ({ kind, text, user, channel: 'test:C1', ...extra });

function allText(reply: Reply): string {
  return reply.blocks
    .map((b) => {
      switch (b.type) {
        case 'heading': return b.text;
        case 'text': case 'context': return plain(b.text);
        case 'results': return b.items.map((i) => `${i.title} ${i.date} ${plain(i.snippet)}`).join('\n');
        case 'answer': return `${b.answer} ${plain(b.quote)} ${b.citations.map((c) => c.title).join(' ')}`;
        case 'buttons': return b.buttons.map((x) => x.label).join(' ');
        default: return '';
      }
    })
    .join('\n');
}

describe('Bot.handle routes what people type', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'both' });
  });
  afterAll(() => t.cleanup());

  it('runs a bare word after /sco as a lookup, privately, with paging and share buttons', async () => {
    const reply = await t.app.bot.handle(req('command', 'SCO'));
    expect(reply.visibility).toBe('private');
    const buttons = reply.blocks.find((b) => b.type === 'buttons');
    expect(buttons && buttons.type === 'buttons' && buttons.buttons.map((b) => b.action)).toEqual(['results.more', 'results.share']);
  });

  it('pages with More results and shares the same page to the channel', async () => {
    const first = await t.app.bot.handle(req('command', 'SCO'));
    const buttons = first.blocks.find((b) => b.type === 'buttons');
    if (!buttons || buttons.type !== 'buttons') throw new Error('no buttons');
    const more = buttons.buttons.find((b) => b.action === 'results.more')!;
    const second = await t.app.bot.handle(req('action', '', { action: { id: more.action, value: more.value } }));
    expect(second.replaceOriginal).toBe(true);
    expect(allText(second)).toContain('6–');
    const share = buttons.buttons.find((b) => b.action === 'results.share')!;
    const shared = await t.app.bot.handle(req('action', '', { action: { id: share.action, value: share.value } }));
    expect(shared.visibility).toBe('channel');
    expect(allText(shared)).toContain('Shared by Ann');
  });

  it('shows the help for an empty /sco and for /sco help', async () => {
    for (const text of ['', 'help']) {
      const reply = await t.app.bot.handle(req('command', text));
      expect(allText(reply)).toContain('/sco search');
      expect(allText(reply)).toContain('/sco latest');
    }
  });

  it('runs a command word in a mention, and treats a question as a question', async () => {
    const latest = await t.app.bot.handle(req('mention', 'latest'));
    expect(allText(latest)).toContain('Latest releases');
    const question = await t.app.bot.handle(req('mention', 'who led the SCO delegation to the Munich Security Conference?'));
    expect(allText(question)).toContain('Norov');
  });

  it('asks `@sco latest drugs?` as a question and runs `@sco latest drugs` as the command (CommandSpec.mentionable)', async () => {
    const command = await t.app.bot.handle(req('mention', 'latest drugs'));
    expect(allText(command)).toContain('Latest releases');
    const question = await t.app.bot.handle(req('mention', 'latest drugs?'));
    const asked = await t.app.bot.handle(req('mention', 'ask latest drugs?'));
    expect(allText(question)).not.toContain('Latest releases');
    expect(question.visibility).toBe(asked.visibility);
    expect(allText(question)).toBe(allText(asked));
  });

  it('runs `@sco search` alone as the lookup but reads `@sco search <words>` as a question', async () => {
    const alone = await t.app.bot.handle(req('mention', 'search'));
    expect(alone.text).toMatch(/Tell me what to look for/);
    const words = await t.app.bot.handle(req('mention', 'search Munich Security Conference'));
    const asked = await t.app.bot.handle(req('mention', 'ask search Munich Security Conference'));
    expect(allText(words)).toBe(allText(asked));
  });

  it('refuses subscription changes politely to people who cannot manage the channel', async () => {
    const reply = await t.app.bot.handle(req('command', 'subscribe daily'));
    expect(reply.visibility).toBe('private');
    expect(reply.text).toMatch(/only people who can manage this channel/i);
  });

  it('says an expired button has expired', async () => {
    const reply = await t.app.bot.handle(req('action', '', { action: { id: 'results.more', value: 'gone:5' } }));
    expect(reply.text).toMatch(/expired/);
  });
});

describe('lookups while the shared store is down', () => {
  it('still answers, without paging buttons', async () => {
    const broken: Store = new (class extends MemoryStore {
      override namespace<T>(name: string): Namespace<T> {
        const ns = super.namespace<T>(name);
        return { ...ns, set: async () => { throw new Error('connection refused'); } };
      }
    })();
    const t = await makeTestApp({ corpus: 'both', store: broken });
    try {
      const reply = await t.app.bot.handle(req('command', 'SCO'));
      expect(reply.blocks.some((b) => b.type === 'results')).toBe(true);
      expect(reply.blocks.some((b) => b.type === 'buttons')).toBe(false);
      expect(allText(reply)).toContain('More results are available');
    } finally {
      await t.cleanup();
    }
  });
});

describe('routing follows the command specs, not command ids', () => {
  const seen: string[] = [];
  const spec = (id: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({
    id,
    summary: id,
    usage: id,
    examples: [],
    options: [],
    ...extra,
    run: async ({ args }) => {
      seen.push(`${id}(${args})`);
      return textReply(`${id} ran`);
    },
  });
  const registry = new Registry().add(
    spec('guide', { runsWhenEmpty: true }),
    spec('look', { takesUnknownWords: true, mentionable: 'alone' }),
    spec('pose', { answersQuestions: true, mentionable: false, replyVisibility: 'channel' }),
    spec('recent'),
  );

  it('sends each kind of text where the specs say', async () => {
    const t = await makeTestApp({ corpus: 'none' });
    try {
      const bot = new Bot(registry, t.app);
      for (const [kind, text] of [
        ['command', ''],
        ['command', 'treaties'],
        ['command', 'pose why?'],
        ['mention', 'recent drugs'],
        ['mention', 'recent drugs?'],
        ['mention', 'look'],
        ['mention', 'look treaties'],
        ['mention', 'pose why'],
        ['message', 'hello there'],
      ] as const) {
        await bot.handle(req(kind, text));
      }
      expect(seen).toEqual([
        'guide()',
        'look(treaties)',
        'pose(why?)',
        'recent(drugs)',
        'pose(recent drugs?)',
        'look()',
        'pose(look treaties)',
        'pose(why)',
        'pose(hello there)',
      ]);
    } finally {
      await t.cleanup();
    }
  });

  it('lets only one command take each routing part', () => {
    expect(() => new Registry().add(spec('a', { answersQuestions: true }), spec('b', { answersQuestions: true }))).toThrow(/two commands claim answersQuestions: a and b/);
  });
});

describe('the registry', () => {
  it('rejects an action id registered twice', () => {
    const action = { id: 'results.more', run: async () => textReply('x') };
    expect(() => new Registry().addAction(action, { ...action })).toThrow(/action id registered twice: results\.more/);
  });
});
