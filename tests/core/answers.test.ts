import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '../../src/answers/answer.ts';
import { analyseQuestion } from '../../src/answers/question.ts';
import { plain, type Block, type Reply } from '../../src/bot/reply.ts';
import type { Request } from '../../src/bot/request.ts';
import { NS } from '../../src/ports/store.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';

vi.setConfig({ testTimeout: 60_000 });

const SEED = '000_9851d8e3c5c57f74';
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ corpus: 'seed' });
});
afterAll(async () => {
  await t.cleanup();
});

function request(text: string, extra: Partial<Request> = {}): Request {
  return { kind: 'mention', text, user: { id: 'U1', name: 'ana', canManage: false }, channel: 'console:local', ...extra };
}

function block<T extends Block['type']>(reply: Reply, type: T): Extract<Block, { type: T }> {
  const found = reply.blocks.find((b) => b.type === type);
  if (!found) throw new Error(`no ${type} block in ${JSON.stringify(reply.blocks)}`);
  return found as Extract<Block, { type: T }>;
}

describe('question analysis', () => {
  it.each([
    ['When did the SCO delegation attend the Munich Security Conference?', 'date'],
    ['Since when has the conference been held?', 'date'],
    ['Who led the delegation?', 'person'],
    ['Where is RATS based?', 'place'],
    ['Which city hosted the first marathon?', 'place'],
    ['What share of the world’s population do SCO countries hold?', 'number'],
    ['How many observers were in the mission?', 'number'],
    ['Which Indian company chaired the meeting?', 'org'],
    ['Is the SCO a military bloc?', 'yesno'],
    ['What did Norov say about outer space?', 'statement'],
    ['What is the latest on Afghanistan?', 'latest'],
    ['anything new about the interbank consortium?', 'latest'],
    ['What did the SCO say about drugs recently?', 'latest'],
  ])('%s -> %s', (question, kind) => {
    expect(analyseQuestion(question).kind).toBe(kind);
  });

  it('keeps the key terms and drops stop words and the question form', () => {
    const q = analyseQuestion('Who led the SCO delegation to the Munich Security Conference?');
    expect(q.terms.map((x) => x.lower)).toEqual(['led', 'sco', 'delegation', 'munich', 'security', 'conference']);
    expect(analyseQuestion('What is the latest on Afghanistan?').topic).toBe('Afghanistan');
    expect(analyseQuestion('since when has it been held?').since).toBe(true);
    expect(analyseQuestion('and when was that?').followUp).toBe(true);
  });
});

describe('answers on the seed release', () => {
  it.each([
    ['When did the SCO delegation attend the Munich Security Conference?', 'between 14 and 16 February 2020', 'attended the 56th Munich Security Conference'],
    ['Who led the SCO delegation to the Munich Security Conference?', 'Vladimir Norov', 'led by SCO Secretary-General Vladimir Norov'],
    ['Where is RATS based?', 'Tashkent', 'headquartered in Tashkent'],
  ])('%s', async (question, answer, quoted) => {
    const r = await answerQuestion(t.app, question);
    expect(r.answer).toBe(answer);
    expect(r.quote).toContain(quoted);
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]).toMatchObject({ n: 1, id: SEED });
    expect(r.citations[0]!.title.length).toBeGreaterThan(10);
  });

  // Issue 15: the learned scorer declines below its threshold where the hand-set rules answered;
  // what it must never do is answer these wrongly.
  it.each([
    ["What share of the world's population do the SCO countries hold?", 'over 44 percent', "44 percent of the world's population"],
    ['Since when has the Munich Security Conference been held?', 'since 1963', 'held annually in Munich, Germany since 1963'],
  ])('%s: the right answer or a decline, never a wrong one', async (question, answer, quoted) => {
    const r = await answerQuestion(t.app, question);
    if (r.answer === null) return expect(r.citations).toEqual([]);
    expect(r.answer).toContain(answer.replace(/^(over|since) /, ''));
    expect(r.quote).toContain(quoted);
  });

  it('marks the question’s words in the quote', async () => {
    const r = await answerQuestion(t.app, 'Where is the Regional Anti-Terrorist Structure headquartered?');
    expect(r.answer).toBe('Tashkent');
    const strong = r.quoteMarked.filter((p) => typeof p !== 'string' && p.strong).map((p) => (typeof p === 'string' ? p : p.text.toLowerCase()));
    expect(strong.join(' ')).toContain('headquartered');
    expect(plain(r.quoteMarked)).toBe(r.quote);
  });

  it.each(['Who won the 2018 football World Cup?', "What is the SCO's position on Mars colonies?", 'How many people live in Tashkent?', 'When was the SCO Development Bank founded?'])(
    'declines what no release says: %s',
    async (question) => {
      const r = await answerQuestion(t.app, question);
      expect(r.answer).toBeNull();
      expect(r.quote).toBeNull();
      expect(r.citations).toEqual([]);
      expect(r.suggestions.length).toBeLessThanOrEqual(2);
    },
  );
});

describe('the ask command through the bot', () => {
  it('answers a mention in the thread with the quote, a numbered citation and feedback buttons', async () => {
    const reply = await t.app.bot.handle(request('where is RATS based?', { thread: 'm-1' }));
    expect(reply.visibility).toBe('thread');
    const answer = block(reply, 'answer');
    expect(answer.answer).toBe('Tashkent');
    expect(plain(answer.quote)).toContain('headquartered in Tashkent');
    expect(answer.quote.some((p) => typeof p !== 'string' && p.strong)).toBe(true);
    expect(answer.citations[0]).toMatchObject({ n: 1, id: SEED });
    expect(reply.text).toContain('Tashkent');
    const buttons = block(reply, 'buttons').buttons;
    expect(buttons.map((b) => b.action)).toEqual(['feedback.up', 'feedback.down']);
    for (const b of buttons) expect(b.value.length).toBeLessThanOrEqual(90);
  });

  it('records 👍 and 👎 in the feedback namespace', async () => {
    const reply = await t.app.bot.handle(request('who led the delegation to the Munich Security Conference?'));
    const id = block(reply, 'buttons').buttons[0]!.value;
    const thanks = await t.app.bot.handle(request('', { kind: 'action', action: { id: 'feedback.down', value: id } }));
    expect(thanks.visibility).toBe('private');
    expect(thanks.text).toMatch(/thanks/i);
    const ns = t.app.store.namespace<{ type: string; vote?: string; question?: string }>(NS.feedback);
    expect(await ns.get(`a:${id}`)).toMatchObject({ type: 'answer', question: 'who led the delegation to the Munich Security Conference?' });
    expect(await ns.get(`v:${id}:U1`)).toMatchObject({ type: 'vote', vote: 'down' });
    const stale = await t.app.bot.handle(request('', { kind: 'action', action: { id: 'feedback.up', value: 'nope' } }));
    expect(stale.text).toMatch(/too old/);
  });

  it('declines plainly and offers the nearest releases', async () => {
    const reply = await t.app.bot.handle(request('Who won the 2018 football World Cup?'));
    expect(reply.text).toContain('I could not find this in the SCO releases I know.');
    expect(reply.blocks.some((b) => b.type === 'answer')).toBe(false);
  });

  it('follows up in the same thread: "and when was that?"', async () => {
    const first = await t.app.bot.handle(request('Who led the SCO delegation to the Munich Security Conference?', { thread: 'm-2' }));
    expect(block(first, 'answer').answer).toBe('Vladimir Norov');
    const follow = await t.app.bot.handle(request('and when was that?', { thread: 'm-2' }));
    expect(block(follow, 'answer').answer).toBe('between 14 and 16 February 2020');
    const elsewhere = await t.app.bot.handle(request('and when was that?', { thread: 'm-3' }));
    expect(elsewhere.blocks.some((b) => b.type === 'answer')).toBe(false);
  });

  it('answers latest-news questions with the newest releases, dates and summaries', async () => {
    const reply = await t.app.bot.handle(request('What is the latest on the Munich Security Conference?'));
    const digest = block(reply, 'digest');
    expect(digest.items[0]).toMatchObject({ id: SEED });
    expect(digest.items[0]!.summary.length).toBeGreaterThan(20);
    expect(reply.text).toMatch(/latest release/i);
  });
});
