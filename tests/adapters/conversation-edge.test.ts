import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConversation, CONVERSATION_FAILED, type ConversationIO } from '../../adapters/conversation.ts';
import { textReply, type Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { silentLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { bodyOf, startHarness, visibleText, type Harness } from '../fakes/discord/discord-harness.ts';

// The conversation edge Slack and Discord share (adapters/conversation.ts), seen from Discord:
// Slack's side is covered in slack-socket.test.ts (the not_in_channel sentence).
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ corpus: 'seed', discord: { deferAfterMs: 150 } });
});
afterAll(async () => {
  await h.close();
});

const repliesTo = (messageId: string) =>
  h.fake.calls.filter((c) => c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path) && bodyOf(c).message_reference?.message_id === messageId);

describe('the shared conversation edge on Discord', () => {
  it('tells the person in the channel when posting the answer fails, instead of only logging it', async () => {
    h.fake.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/ }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const question = h.fake.say('latest');
    const isReply = (c: Parameters<Parameters<typeof h.fake.waitForCall>[0]>[0]) =>
      c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path) && bodyOf(c).message_reference?.message_id === question.id;
    await h.fake.waitForCall((c) => isReply(c) && visibleText(bodyOf(c)) === CONVERSATION_FAILED, 5000);
    const [failed, sorry] = repliesTo(question.id as string);
    expect(visibleText(bodyOf(failed!))).toMatch(/Latest releases/);
    expect(visibleText(bodyOf(sorry!))).toBe(CONVERSATION_FAILED);
  });

});

describe('answerConversation', () => {
  const request: Request = { kind: 'mention', text: 'latest', user: { id: 'U1', canManage: false }, channel: 'test:C1' };
  const bot = (fail = false) => ({ handle: async () => (fail ? Promise.reject(new Error('boom')) : textReply('the answer', 'thread')) });

  function io(events: string[], overrides: Partial<ConversationIO> = {}): ConversationIO {
    return {
      claimKey: 'test:C1:1',
      workingAfterMs: 0,
      showWorking: async () => void events.push('show'),
      hideWorking: async () => void events.push('hide'),
      request: async () => request,
      post: async (reply) => void events.push(`post ${reply.text}`),
      tell: async (sentence) => void events.push(`tell ${sentence}`),
      logFields: {},
      ...overrides,
    };
  }

  it('answers a message once, however many instances or retries receive it', async () => {
    const store = new MemoryStore();
    const events: string[] = [];
    for (let i = 0; i < 3; i++) await answerConversation({ store, bot: bot(), logger: silentLogger() }, io(events));
    expect(events).toEqual(['show', 'post the answer', 'hide']);
  });

  it('tells the person the friendly sentence (or the platform\'s better one) and still hides the indicator', async () => {
    const events: string[] = [];
    const deps = { store: new MemoryStore(), bot: bot(true), logger: silentLogger() };
    await answerConversation(deps, io(events));
    await answerConversation(deps, io(events, { claimKey: 'test:C1:2', sentenceFor: () => 'Invite me first.' }));
    expect(events).toEqual(['show', `tell ${CONVERSATION_FAILED}`, 'hide', 'show', 'tell Invite me first.', 'hide']);
  });

  it('shows a slow indicator only when the answer is slow, and answers when showing it fails', async () => {
    const events: string[] = [];
    const deps = { store: new MemoryStore(), bot: bot(), logger: silentLogger() };
    await answerConversation(deps, io(events, { workingAfterMs: 200 }));
    const slow = { handle: async () => new Promise<Reply>((r) => setTimeout(() => r(textReply('slow answer')), 300)) };
    await answerConversation({ ...deps, bot: slow }, io(events, { claimKey: 'k2', workingAfterMs: 50 }));
    await answerConversation(deps, io(events, { claimKey: 'k3', showWorking: () => Promise.reject(new Error('no reactions')) }));
    expect(events).toEqual(['post the answer', 'show', 'post slow answer', 'hide', 'post the answer']);
  });
});
