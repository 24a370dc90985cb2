import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { replyButtons, type Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { recordAnswer } from '../../src/commands/feedback-actions.ts';
import { buildRegistry } from '../../src/commands/index.ts';
import { fakeServices, release } from '../helpers/fake-services.ts';

// The buttons, the message action and the questions, over fake services (a fake library, the
// memory store, a fixed clock), as tests/core/commands.test.ts does for the commands.
const releases = [
  release('r1', 'RATS Council meets in Tashkent', '2026-02-20', { topics: ['rats'] }),
  release('r2', 'Afghanistan contact group', '2026-02-25', { topics: ['afghanistan'] }),
];
const ann = { id: 'U1', name: 'Ann', canManage: true };
const bob = { id: 'U2', name: 'Bob', canManage: false };

function setup() {
  const services = fakeServices(releases);
  const bot = new Bot(buildRegistry(), services);
  const run = (text: string, extra: Partial<Request> = {}): Promise<Reply> => bot.handle({ kind: 'command', text, user: ann, channel: 'test:W1:C1', ...extra });
  const press = (id: string, value: string, extra: Partial<Request> = {}) => run('', { kind: 'action', action: { id, value }, ...extra });
  const subscribe = async () => /`(\w+)`/.exec((await run('subscribe daily at 09:00')).text)![1]!;
  return { services, run, press, subscribe };
}

describe('actions over fake services', () => {
  it('Cite: the release as a citation, to the person who pressed it; a gone release says so', async () => {
    const { press } = setup();
    const cite = await press('release.cite', 'r1');
    expect(cite.visibility).toBe('private');
    expect(cite.text).toBe('Secretariat of the Shanghai Cooperation Organisation. “RATS Council meets in Tashkent.” Press release, 20 February 2026. https://example.test/r1 (accessed 2 March 2026).');
    expect((await press('release.cite', 'gone')).text).toMatch(/^I no longer have that release/);
  });

  it('feedback: a vote on a recorded answer is thanked; an unknown answer is too old to rate', async () => {
    const { services, press } = setup();
    const id = await recordAnswer(services, { question: 'q', answer: 'Tashkent', citations: [{ id: 'r1' }] } as never, 'test:W1:C1');
    expect((await press('feedback.up', id)).text).toBe('Thanks, glad it helped.');
    expect((await press('feedback.down', id)).text).toBe('Thanks for telling me. I will keep that answer in mind as a miss.');
    expect(await services.feedback.get(`v:${id}:U1`)).toMatchObject({ vote: 'down' });
    expect((await press('feedback.up', 'nope')).text).toBe('That answer is too old to rate now. Thanks all the same.');
  });

  it('Share: the same results in the channel, saying who shared them; an expired page says so', async () => {
    const { run, press } = setup();
    const found = await run('tashkent');
    const share = replyButtons(found.blocks).find((b) => b.action === 'results.share');
    expect(share).toBeTruthy();
    const shared = await press('results.share', share!.value);
    expect(shared.visibility).toBe('channel');
    expect(shared.text).toContain('Shared by Ann');
    expect(shared.text).toContain('RATS Council meets in Tashkent');
    expect((await press('results.share', 'zzz:0')).text).toBe('These results have expired. Run the lookup again.');
  });

  it('Pause, Resume and Remove: for channel managers of the same workspace only', async () => {
    const { press, subscribe, run } = setup();
    const id = await subscribe();
    expect((await press('subscription.pause', id, { user: bob })).text).toBe('Sorry, only people who can manage a channel can change its digest subscriptions.');
    expect((await press('subscription.pause', id, { channel: 'test:W2:C9' })).text).toBe('That subscription no longer exists.');
    expect((await press('subscription.pause', id)).text).toBe(`Paused \`${id}\`. Resume it to get every release since its last digest.`);
    expect((await press('subscription.pause', id)).text).toBe(`\`${id}\` is already paused.`);
    expect((await run('subscriptions')).text).toContain('paused by Ann');
    expect((await press('subscription.resume', id)).text).toBe(`Resumed \`${id}\`. Its next digest holds every release since the last one that went out.`);
    expect((await press('subscription.resume', id)).text).toBe(`\`${id}\` is not paused; nothing to resume.`);
    expect((await press('subscription.remove', id)).text).toBe(`Removed \`${id}\`: no more digests from it.`);
    expect((await run('subscriptions')).text).not.toContain(id);
  });

  it('Find releases on a message: its words looked up, links and markup dropped', async () => {
    const { press } = setup();
    const found = await press('message.releases', '*RATS Council* <https://x.test|link> in Tashkent https://t.co/abc <@U9>');
    expect(found.visibility).toBe('private');
    expect(found.text).toContain('SCO releases about this message');
    expect(found.text).toContain('RATS Council meets in Tashkent');
    expect((await press('message.releases', '<https://x.test> <@U9>')).text).toBe('That message has no words I can look up. Try `/sco <words>` instead.');
  });

  it('ask: a question no release covers is declined honestly, not answered', async () => {
    const { run } = setup();
    const reply = await run('when did Mars join the SCO?', { kind: 'mention' });
    expect(reply.text).toMatch(/no release|could not find|don’t know|do not know/i);
    expect(reply.text).not.toMatch(/Tashkent|Afghanistan/);
  });

  it('digest preview with backfill holds the releases the first digest would post', async () => {
    const { run } = setup();
    await run('subscribe daily at 09:00 backfill 1');
    const preview = await run('digest preview');
    expect(preview.text).toContain('Afghanistan contact group');
    expect(preview.text).not.toContain('Nothing new so far');
  });
});
