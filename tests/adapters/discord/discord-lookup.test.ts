import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../fakes/discord/fake-discord.ts';
import { bodyOf, buttonIds, messageOf, startHarness, visibleText, type Harness } from '../../fakes/discord/discord-harness.ts';

const EPHEMERAL = 64;
const NO_PINGS = { parse: [], replied_user: false };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ corpus: 'both', discord: { deferAfterMs: 150 } });
});
afterAll(async () => {
  await h.close();
});

/** A test-only command that takes `ms` before replying `text`, slow enough to be deferred. */
function addSlowCommand(id: string, ms: number, text: string, visibility: 'private' | 'channel') {
  h.test.app.registry.add({
    id,
    summary: 'test only',
    usage: id,
    examples: [],
    options: [],
    run: async () => {
      await new Promise((r) => setTimeout(r, ms));
      return { blocks: [{ type: 'text', text: [text] }], text, visibility };
    },
  });
}

/**
 * Waits for the interaction's response and returns the message a person sees. A deferred
 * response (the machine is busy) is followed to the edit or follow-up that carries the reply.
 */
async function responseTo(token: string) {
  const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
  const type = bodyOf(call).type as number;
  if (type !== 5 && type !== 6) return { type, msg: messageOf(call) };
  const deferredFlags = bodyOf(call).data?.flags ?? 0;
  const final = await h.fake.waitForCall(
    (c) => (c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`)) || (c.method === 'POST' && c.path.endsWith(`/${token}`)),
  );
  const msg = bodyOf(final);
  return { type: type === 5 ? 4 : 7, msg: final.method === 'PATCH' ? { ...msg, flags: deferredFlags } : msg };
}

describe('Discord /sco lookups', () => {
  it('/sco search query:afghanistan answers privately with linked results, matched words bold', async () => {
    const { token } = h.fake.slash('search', { query: 'afghanistan' });
    const { type, msg } = await responseTo(token);
    expect(type).toBe(4);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(msg.allowed_mentions).toEqual(NO_PINGS);
    const text = visibleText(msg);
    expect(text).toMatch(/Results for “afghanistan”/);
    const results = msg.embeds.filter((e: any) => e.footer);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results.some((e: any) => /\*\*Afghan/i.test(e.description ?? ''))).toBe(true);
    for (const e of results) expect(e.footer.text).toMatch(/^(\d{4}-\d{2}-\d{2}|date unknown) · /);
    expect(buttonIds(msg).some((id) => id.startsWith('results.share|'))).toBe(true);
  });

  it('the seed release is found by /sco search query:afghanistan', async () => {
    const { token } = h.fake.slash('search', { query: 'afghanistan Munich' });
    const { msg } = await responseTo(token);
    expect(visibleText(msg)).toMatch(/000_9851d8e3c5c57f74/);
  });

  it('"More results" pages in place and "Share to channel" posts the page for everyone', async () => {
    const first = await responseTo(h.fake.slash('search', { query: 'SCO' }).token);
    const ids = buttonIds(first.msg);
    const more = ids.find((id) => id.startsWith('results.more|'));
    const share = ids.find((id) => id.startsWith('results.share|'));
    expect(more).toBeDefined();
    expect(share).toBeDefined();

    const paged = await responseTo(h.fake.button(more!).token);
    expect(paged.type).toBe(7); // UPDATE_MESSAGE: the same private message shows page 2
    expect(visibleText(paged.msg)).toMatch(/6–10 of \d+/);
    expect(paged.msg.allowed_mentions).toEqual(NO_PINGS);
    expect(visibleText(paged.msg)).not.toBe(visibleText(first.msg));

    const shared = await responseTo(h.fake.button(share!).token);
    expect((shared.msg.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(visibleText(shared.msg)).toMatch(/Shared by analyst/);
    expect(visibleText(shared.msg)).toMatch(/1–5 of \d+/);
    expect(shared.msg.allowed_mentions).toEqual(NO_PINGS);
  });

  it('an expired or foreign button gets a private note', async () => {
    const { msg } = await responseTo(h.fake.button('nothing-here').token);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(msg)).toMatch(/expired/);
  });

  it('autocomplete offers topics matching what was typed', async () => {
    const { token } = h.fake.autocomplete('latest', 'topic', 'afgh');
    const call = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
    expect(bodyOf(call).type).toBe(8);
    const choices = bodyOf(call).data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.name).toMatch(/^Afghanistan/i);
  });

  it('an unknown subcommand gets a private reply that says so, with the help', async () => {
    const { msg } = await responseTo(h.fake.slash('frobnicate').token);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    const text = visibleText(msg);
    expect(text).toMatch(/I don't know `\/sco frobnicate`/);
    expect(text).toMatch(/\/sco search/);
    expect(text).toMatch(/\/sco latest/);
  });

  it('a missing required option gets a private reply that names it, with the help', async () => {
    const { msg } = await responseTo(h.fake.slash('search').token);
    expect(msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(msg)).toMatch(/needs the `query` option/);
    expect(visibleText(msg)).toMatch(/\/sco latest/);
  });

  it('a query of @everyone <@&123> <@456> comes back harmless', async () => {
    const { msg } = await responseTo(h.fake.slash('search', { query: '@everyone <@&123> <@456> @here' }).token);
    expect(msg.allowed_mentions).toEqual(NO_PINGS);
    const text = visibleText(msg);
    expect(text).not.toMatch(/@everyone|@here|<@&123>|<@456>/);
    expect(text).toMatch(/everyone/);
  });

  it('slow work defers the interaction, then edits in the answer', async () => {
    addSlowCommand('slowpoke', 500, 'done thinking', 'private');
    const { token } = h.fake.slash('slowpoke');
    const deferred = await h.fake.waitForCall((c) => c.path.endsWith(`/${token}/callback`));
    expect(bodyOf(deferred).type).toBe(5);
    expect(bodyOf(deferred).data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const edit = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(`/${token}/messages/@original`));
    expect(bodyOf(edit).content).toBe('done thinking');
    expect(bodyOf(edit).allowed_mentions).toEqual(NO_PINGS);
  });

  it('a slow reply meant for the channel replaces the private "thinking" with a public follow-up', async () => {
    addSlowCommand('slowshout', 400, 'for everyone', 'channel');
    const { token } = h.fake.slash('slowshout');
    await h.fake.waitForCall((c) => c.method === 'DELETE' && c.path.endsWith(`/${token}/messages/@original`));
    const follow = await h.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${h.fake.applicationId}/${token}`));
    expect(bodyOf(follow).content).toBe('for everyone');
    expect((bodyOf(follow).flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it('a reply too long for one message continues in private follow-ups', async () => {
    const body = Array.from({ length: 300 }, (_, i) => `Sentence ${i} of a very long release.`).join(' ');
    h.test.app.registry.add({
      id: 'longread',
      summary: 'test only',
      usage: 'longread',
      examples: [],
      options: [],
      run: async () => ({ blocks: [{ type: 'heading', text: 'Long' }, { type: 'text', text: [body] }], text: 'Long', visibility: 'private' }),
    });
    const { token } = h.fake.slash('longread');
    const first = await responseTo(token);
    const follow = await h.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${h.fake.applicationId}/${token}`));
    expect(first.msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(bodyOf(follow).flags & EPHEMERAL).toBe(EPHEMERAL);
    const all = [first.msg, bodyOf(follow)].map(visibleText).join(' ');
    expect(all).toContain('Sentence 0 ');
    expect(visibleText(bodyOf(follow))).toMatch(/Sentence \d+ of a very long release/);
  });

  it('/sco ask question:... answers for the channel', async () => {
    if (!h.test.app.registry.find('ask')) return;
    const { msg } = await responseTo(h.fake.slash('ask', { question: 'when did the SCO attend the Munich Security Conference?' }).token);
    expect((msg.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(visibleText(msg)).toMatch(/February 2020/);
  });

  it('members without Manage Channels cannot subscribe the channel; managers can', async () => {
    const refused = await responseTo(h.fake.slash('subscribe', { schedule: 'daily' }, { permissions: PERMISSIONS.member }).token);
    expect(refused.msg.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(refused.msg)).toMatch(/only people who can manage this channel/i);

    const allowed = await responseTo(h.fake.slash('subscribe', { schedule: 'daily', at: '08:30' }, { permissions: PERMISSIONS.manager }).token);
    expect(visibleText(allowed.msg)).toMatch(/subscribed this channel/);
    expect((allowed.msg.flags ?? 0) & EPHEMERAL).toBe(0);
  });
});
