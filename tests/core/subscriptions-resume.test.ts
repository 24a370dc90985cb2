import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from '../../src/bot/request.ts';
import { SubscriptionStore } from '../../src/subscriptions/subscription-store.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

const say = (text: string, canManage = true): Request => ({
  kind: 'command',
  text,
  user: { id: 'U1', name: 'Ann', canManage },
  channel: 'test:C9',
});

describe('a paused subscription', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ corpus: 'seed' });
  });
  afterAll(() => t.cleanup());

  it('shows why it is paused, and resumes for a channel manager only', async () => {
    await t.app.bot.handle(say('subscribe daily at 09:00'));
    const store = new SubscriptionStore(t.app.store);
    const [sub] = await store.list('test:C9');
    expect(sub).toBeDefined();
    await store.pause(sub!.id, 'the bot was removed from the channel', new Date('2026-01-01T00:00:00Z'));

    const listed = await t.app.bot.handle(say('subscriptions', false));
    expect(listed.text).toContain('Paused since');
    expect(listed.text).toContain('the bot was removed from the channel');
    expect(listed.text).toContain(`/sco resume ${sub!.id}`);

    const refused = await t.app.bot.handle(say('resume', false));
    expect(refused.text).toMatch(/only people who can manage this channel/i);
    expect((await store.get(sub!.id))?.paused).toBeDefined();

    const resumed = await t.app.bot.handle(say('resume'));
    expect(resumed.text).toContain(`Resumed \`${sub!.id}\``);
    expect((await store.get(sub!.id))?.paused).toBeUndefined();
    expect((await t.app.bot.handle(say('subscriptions'))).text).not.toContain('Paused');

    const again = await t.app.bot.handle(say(`resume ${sub!.id}`));
    expect(again.text).toContain('is not paused');
  });

  it('says which id when the channel has several and none is named', async () => {
    await t.app.bot.handle(say('subscribe hourly'));
    const reply = await t.app.bot.handle(say('resume'));
    expect(reply.text).toMatch(/has 2 subscriptions .*say which/);
  });
});
