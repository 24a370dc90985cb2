import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { replyButtons, type Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { buildRegistry } from '../../src/commands/index.ts';
import { fakeServices, release } from '../helpers/fake-services.ts';

// The commands over fake services (a fake library, the memory store, a fixed clock), as Bolt's
// samples test a listener: no index, no platform. The real paths have their own suites.
const releases = [
  release('r1', 'RATS Council meets in Tashkent', '2026-02-20', { topics: ['rats'] }),
  release('r2', 'Afghanistan contact group', '2026-02-25', { topics: ['afghanistan'] }),
  ...[3, 4, 5, 6, 7].map((n) => release(`r${n}`, `Secretariat briefing number ${n}`, `2026-01-0${n}`)),
];
const ann = { id: 'U1', name: 'Ann', canManage: true };

function setup() {
  const services = fakeServices(releases);
  const bot = new Bot(buildRegistry(), services);
  const run = (text: string, extra: Partial<Request> = {}): Promise<Reply> => bot.handle({ kind: 'command', text, user: ann, channel: 'test:C1', ...extra });
  return { services, bot, run };
}

describe('commands over fake services', () => {
  it('search: the matches, privately', async () => {
    const { run } = setup();
    const reply = await run('tashkent');
    expect(reply.visibility).toBe('private');
    expect(reply.text).toContain('Results for “tashkent”');
    expect(reply.text).toContain('RATS Council meets in Tashkent (2026-02-20)');
    expect(reply.text).not.toContain('Afghanistan');
  });

  it('search pages with More results through the store', async () => {
    const { run } = setup();
    const first = await run('secretariat');
    const more = replyButtons(first.blocks).find((b) => b.action === 'results.more');
    expect(more).toBeTruthy();
    const second = await run('', { kind: 'action', action: { id: more!.action, value: more!.value } });
    expect(second.replaceOriginal).toBe(true);
    expect(second.text).toMatch(/Secretariat briefing number/);
  });

  it('latest: newest first, and on a topic', async () => {
    const { run } = setup();
    const all = await run('latest');
    expect(all.text.indexOf('Afghanistan contact group')).toBeLessThan(all.text.indexOf('RATS Council'));
    const topic = await run('latest afghanistan');
    expect(topic.text).toContain('Latest releases on “afghanistan”');
    expect(topic.text).not.toContain('RATS Council');
  });

  it('show: one release, or a clear message for an unknown id', async () => {
    const { run } = setup();
    expect((await run('show r1')).text).toContain('RATS Council meets in Tashkent (2026-02-20)');
    expect((await run('show nope')).text).toBe('I know no release with that id. Look it up with `/sco <words>` to see ids.');
  });

  it('topics and help', async () => {
    const { run } = setup();
    expect((await run('topics')).text).toBe('Observers: Afghanistan\nAcronyms and bodies: RATS');
    const help = await run('help');
    expect(help.text).toContain('/sco latest [topic]');
    expect(help.text).not.toContain('/sco help');
  });

  it('subscribe, subscriptions, digest preview and unsubscribe, with the fixed clock', async () => {
    const { run } = setup();
    const sub = await run('subscribe daily at 09:00');
    expect(sub.visibility).toBe('channel');
    const id = /`(\w+)`/.exec(sub.text)?.[1];
    expect(sub.text).toContain('Next digest: Mon, 2 Mar 2026, 09:00');
    expect((await run('subscriptions')).text).toContain(`\`${id}\` daily at 09:00 (UTC)`);
    expect((await run('digest preview')).text).toContain('Nothing new so far.');
    expect((await run('unsubscribe')).text).toBe(`Unsubscribed \`${id}\`: no more digests from it in this channel.`);
    expect((await run('resume')).text).toBe('This channel has no digest subscriptions.');
    expect((await run('digest now')).text).toBe('This channel has no active digest subscription. Start one with `/sco subscribe`.');
  });

  it('refuses subscription changes to people who cannot manage the channel', async () => {
    const { run } = setup();
    const reply = await run('subscribe daily', { user: { ...ann, canManage: false } });
    expect(reply.text).toMatch(/only people who can manage this channel/);
  });
});
