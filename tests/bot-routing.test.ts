import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain, type Reply } from '../src/bot/reply.ts';
import type { Request } from '../src/bot/request.ts';
import type { Namespace, Store } from '../src/ports/store.ts';
import { MemoryStore } from '../src/store/memory-store.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

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
