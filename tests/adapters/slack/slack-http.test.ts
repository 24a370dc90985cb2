import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, blockAction, slashCommand } from '../../fakes/slack/payloads.ts';
import { interactiveForm, postSigned, slashCommandForm } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';

const SEED_TITLE = 'SCO Secretariat delegation led by Vladimir Norov attends 56th Munich Security Conference';
const FORM = 'application/x-www-form-urlencoded';

let h: SlackHarness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'both' });
});
afterAll(async () => {
  await h?.cleanup();
});

function command(text: string, id: string): Promise<Response> {
  return postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand(text, h.fake.responseUrl(id))), { contentType: FORM });
}

describe('Slack over HTTP (real Bolt, fake Slack)', () => {
  it('answers a signed `/sco afghanistan` with the seed release: title, date, snippet in bold', async () => {
    const res = await command('afghanistan', 'cmd-afghanistan');
    expect(res.status).toBe(200);
    const { body } = await h.fake.waitForResponse('cmd-afghanistan');
    expect(body.response_type).toBe('ephemeral');
    const json = JSON.stringify(body.blocks);
    expect(json).toContain(SEED_TITLE);
    expect(json).toContain('2020-02-16');
    expect(json).toContain('*Afghanistan*');
    expect(String(body.text)).toContain(SEED_TITLE);
  });

  it('pages with "More results" and shares to the channel', async () => {
    await command('sco', 'cmd-sco');
    const first = (await h.fake.waitForResponse('cmd-sco')).body;
    const actions = (first.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const more = actions.find((e: any) => e.action_id === 'results.more');
    const share = actions.find((e: any) => e.action_id === 'results.share');
    expect(more, 'a "More results" button').toBeTruthy();
    expect(share, 'a "Share to channel" button').toBeTruthy();

    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(blockAction('results.more', more.value, h.fake.responseUrl('act-more'))), { contentType: FORM });
    const page2 = (await h.fake.waitForResponse('act-more')).body;
    expect(page2.replace_original).toBe(true);
    expect(page2.response_type).toBe('ephemeral');
    expect(JSON.stringify(page2.blocks)).toMatch(/6–\d+ of \d+/);

    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(blockAction('results.share', share.value, h.fake.responseUrl('act-share'))), { contentType: FORM });
    const shared = (await h.fake.waitForResponse('act-share')).body;
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    expect(JSON.stringify(shared.blocks)).toContain('1–5 of');
    // Shared results carry no share button of their own.
    expect(JSON.stringify(shared.blocks)).not.toContain('results.share');
  });

  it('answers a mention in a thread under the question, with 👀 while working', async () => {
    const ts = '1700000500.000500';
    const res = await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify(appMention('<@UBOT> when were India and Pakistan admitted?', ts)));
    expect(res.status).toBe(200);
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts, 20_000);
    const removed = await h.fake.waitForCall('reactions.remove', (c) => c.args.timestamp === ts);
    const added = h.fake.calls.find((c) => c.method === 'reactions.add' && c.args.timestamp === ts);
    expect(added?.args.name).toBe('eyes');
    expect(removed.args.name).toBe('eyes');
    expect(h.fake.calls.indexOf(added!)).toBeLessThan(h.fake.calls.indexOf(post));
    expect(h.fake.calls.indexOf(post)).toBeLessThan(h.fake.calls.indexOf(removed));
    // The short answer, the sentence it rests on and the release that says it.
    const shown = JSON.stringify(post.args.blocks);
    expect(shown).toContain('2017');
    expect(shown).toContain('the *admission* of *India* and *Pakistan* in 2017');
    expect(shown).toMatch(/\[1\][^"]*Munich Security Conference/);
  }, 30_000);

  it('makes a query of `<!channel> @here <@U123>` harmless', async () => {
    // Slack sends what the person typed with its own markup for mentions.
    await command('<!channel> @here <@U123>', 'cmd-evil');
    const { body } = await h.fake.waitForResponse('cmd-evil');
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(json).not.toMatch(/@here\b|@channel\b/);
    expect(body.response_type).toBe('ephemeral');
  });

  it('lets workspace admins and SLACK_MANAGERS change subscriptions, and refuses others politely', async () => {
    h.fake.users.set('UADMIN', { id: 'UADMIN', name: 'Admin', is_admin: true });
    h.fake.users.set('UPLAIN', { id: 'UPLAIN', name: 'Plain' });
    const as = (user: string, id: string, channel: string) =>
      postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand('subscribe daily 09:00', h.fake.responseUrl(id), { user_id: user, channel_id: channel })), { contentType: FORM });
    await as('UPLAIN', 'sub-plain', 'C-SUB1');
    const refused = (await h.fake.waitForResponse('sub-plain')).body;
    expect(String(refused.text)).toMatch(/only people who can manage/i);
    expect(await h.test.app.store.namespace('subs').keys()).toHaveLength(0);

    await as('UADMIN', 'sub-admin', 'C-SUB2');
    const accepted = (await h.fake.waitForResponse('sub-admin')).body;
    expect(String(accepted.text)).not.toMatch(/only people who can manage/i);
    expect((await h.test.app.store.namespace('subs').keys()).length).toBeGreaterThan(0);
  });

  it('serves /healthz on the same port, since Bolt owns PORT in HTTP mode', async () => {
    const res = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'), { headers: { connection: 'close' } });
    const body = (await res.json()) as { adapters?: Record<string, string> };
    expect(JSON.stringify(body)).toContain('connected');
    expect(JSON.stringify(body)).toContain('slack');
  });

  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify({ type: 'url_verification', token: 't', challenge: 'abc123' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('abc123');
  });

  it('refuses a bad signature, a stale and a future timestamp, and runs nothing', async () => {
    const before = h.fake.calls.length;
    const now = Math.floor(Date.now() / 1000);
    const body = (id: string) => slashCommandForm(slashCommand('afghanistan', h.fake.responseUrl(id)));
    const bad = await postSigned(h.eventsUrl, SIGNING_SECRET, body('bad'), { contentType: FORM, signature: 'v0=' + '0'.repeat(64) });
    const wrongSecret = await postSigned(h.eventsUrl, 'not-the-secret', body('wrong'), { contentType: FORM });
    const stale = await postSigned(h.eventsUrl, SIGNING_SECRET, body('stale'), { contentType: FORM, timestampSec: now - 10 * 60 });
    const future = await postSigned(h.eventsUrl, SIGNING_SECRET, body('future'), { contentType: FORM, timestampSec: now + 10 * 60 });
    expect([bad.status, wrongSecret.status, stale.status, future.status]).toEqual([401, 401, 401, 401]);
    // A request within the window still works, so the refusals above are about the request.
    await command('afghanistan', 'fresh');
    await h.fake.waitForResponse('fresh');
    expect(h.fake.responses.map((r) => r.id)).not.toEqual(expect.arrayContaining(['bad']));
    for (const id of ['bad', 'wrong', 'stale', 'future']) expect(h.fake.responses.find((r) => r.id === id)).toBeUndefined();
    // The only Web API call since is the fresh command's users.info lookup (or none, if cached).
    expect(h.fake.calls.slice(before).every((c) => c.method === 'users.info')).toBe(true);
  });
});

describe('Slack start-up failures', () => {
  async function attempt(configure: (fake: import('../../fakes/slack/fake-slack.ts').FakeSlack) => void, socket: boolean): Promise<unknown> {
    const { FakeSlack } = await import('../../fakes/slack/fake-slack.ts');
    const { makeTestApp } = await import('../../helpers/test-app.ts');
    const { startSlack } = await import('../../../adapters/slack/start.ts');
    const fake = await FakeSlack.start();
    configure(fake);
    const t = await makeTestApp({
      corpus: 'none',
      config: { slackBotToken: 'xoxb-bad', slackSigningSecret: SIGNING_SECRET, slackAppToken: socket ? 'xapp-bad' : undefined, slackApiUrl: fake.apiUrl, port: 0 },
    });
    try {
      const handle = await startSlack(t.app, { host: '127.0.0.1', retryConfig: { retries: 0 } });
      await handle.stop();
      return null;
    } catch (error) {
      return error;
    } finally {
      await fake.close();
      await t.cleanup();
    }
  }

  it('says which variable to fix when Slack refuses the bot token', async () => {
    const error = await attempt((fake) => fake.failNext('auth.test', { error: 'invalid_auth' }), false);
    expect(String(error)).toMatch(/SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it('says which variable to fix when Slack refuses the app token', async () => {
    const error = await attempt((fake) => fake.failNext('apps.connections.open', { error: 'invalid_auth' }, 20), true);
    expect(String(error)).toMatch(/SLACK_APP_TOKEN/);
  });
});
