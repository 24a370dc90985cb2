import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, buttonIds, startHarness, visibleText, type Harness } from '../../fakes/discord/discord-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ corpus: 'seed', discord: { deferAfterMs: 150 } });
});
afterAll(async () => {
  await h.close();
});

/** The bot's first message posted in reply to the given message. */
async function answerTo(messageId: string) {
  const call = await h.fake.waitForCall(
    (c) => c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path) && bodyOf(c).message_reference?.message_id === messageId,
  );
  return { call, msg: bodyOf(call) };
}

describe('Discord mentions', () => {
  it('a question mentioning the bot is answered in the channel with the quote and numbered citation', async () => {
    const question = h.fake.say('when did the SCO attend the Munich Security Conference?');
    const { call, msg } = await answerTo(question.id as string);
    expect(call.path).toBe(`/channels/${h.fake.channels.general}/messages`);
    expect(msg.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visibleText(msg);
    expect(text).toMatch(/February 2020/);
    if (h.test.app.registry.find('ask')) {
      // The answer block: the sentence as a Discord quote, then the numbered citation.
      expect(text).toMatch(/^> .*Munich Security Conference.*February 2020/m);
      expect(text).toMatch(/\*\*\[1\]\*\* SCO Secretariat delegation .* · 2020-02-16/);
      expect(buttonIds(msg).filter((id) => /^feedback\.(up|down)\|/.test(id))).toHaveLength(2);
    } else {
      expect(text).toMatch(/Munich Security Conference/);
    }
  });

  it('a question asked in a thread is answered in that thread', async () => {
    const question = h.fake.say('who led the delegation to Munich?', { channelId: h.fake.channels.thread });
    const { call } = await answerTo(question.id as string);
    expect(call.path).toBe(`/channels/${h.fake.channels.thread}/messages`);
  });

  it('a mention of the bot\'s role (as Discord sometimes inserts) is answered too', async () => {
    const question = h.fake.say('afghanistan', { mention: 'role' });
    const { msg } = await answerTo(question.id as string);
    expect(visibleText(msg)).toMatch(/Munich Security Conference/);
  });

  it('a direct message is answered in the DM without a mention', async () => {
    const question = h.fake.say('afghanistan', { dm: true });
    const { call, msg } = await answerTo(question.id as string);
    expect(call.path).toBe(`/channels/${h.fake.channels.dm}/messages`);
    expect(visibleText(msg)).toMatch(/Munich Security Conference/);
  });

  it('messages that do not mention the bot are left alone', async () => {
    const before = h.fake.calls.length;
    h.fake.say('afghanistan is in the news', { mention: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('a mention carrying @everyone, role and user mentions comes back harmless', async () => {
    const question = h.fake.say('@everyone <@&123> <@456> @here afghanistan');
    const { msg } = await answerTo(question.id as string);
    expect(msg.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(visibleText(msg)).not.toMatch(/@everyone|@here|<@&123>|<@456>/);
  });

  it('slow work shows typing before the answer arrives', async () => {
    h.test.app.registry.add({
      id: 'ponder',
      summary: 'test only',
      usage: 'ponder',
      examples: [],
      options: [],
      run: async () => {
        await new Promise((r) => setTimeout(r, 500));
        return { blocks: [{ type: 'text', text: ['pondered'] }], text: 'pondered', visibility: 'thread' };
      },
    });
    const question = h.fake.say('ponder');
    const typing = await h.fake.waitForCall((c) => c.path === `/channels/${h.fake.channels.general}/typing`);
    const { call, msg } = await answerTo(question.id as string);
    expect(typing.at).toBeLessThanOrEqual(call.at);
    expect(msg.content).toBe('pondered');
  });

  it('feedback buttons come back to the core as actions', async () => {
    let seen: { id: string; value: string } | undefined;
    h.test.app.registry.addAction({
      id: 'feedback.test',
      run: async ({ request }) => {
        seen = request.action;
        return { blocks: [{ type: 'text', text: ['Thanks for the feedback.'] }], text: 'Thanks', visibility: 'private' };
      },
    });
    const { token } = h.fake.button('feedback.test|ans-42', { ephemeral: false });
    const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
    expect(seen).toEqual({ id: 'feedback.test', value: 'ans-42' });
    expect(bodyOf(call).data.content).toBe('Thanks for the feedback.');
    expect(bodyOf(call).data.flags & 64).toBe(64);
  });
});
