import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../../src/subscriptions/subscription-store.ts';
import { recordLastSync } from '../../../src/sync/last-sync.ts';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import { interactiveForm, postSigned, slashCommandForm } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';
import { appHomeOpened, viewBlockAction, viewState, viewSubmission } from '../../fakes/slack/view-payloads.ts';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'both' });
  h.fake.users.set('U1', { id: 'U1', name: 'ana', is_admin: true });
  h.fake.users.set('U2', { id: 'U2', name: 'bo' });
  h.fake.memberships.set('U1', [{ id: 'C1', name: 'general' }, { id: 'C2', name: 'ops', is_private: true }]);
  h.fake.memberships.set('U2', [{ id: 'C1', name: 'general' }]);
});
afterAll(async () => h?.cleanup());

async function command(text: string, id: string, extra: Record<string, string> = {}) {
  await postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand(text, h.fake.responseUrl(id), extra)), { contentType: FORM });
  return (await h.fake.waitForResponse(id)).body;
}

/** Opens the Home tab as `user` and returns the view views.publish got. */
async function openHome(user: string): Promise<{ call: ApiCall; view: any }> {
  const before = h.fake.callsOf('views.publish').length;
  const res = await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify(appHomeOpened(user)));
  expect(res.status).toBe(200);
  const call = await h.fake.until(() => h.fake.callsOf('views.publish').slice(before).find((c) => c.args.user_id === user), 4000, `views.publish for ${user}`);
  return { call, view: call.args.view };
}

function withinLimits(view: any) {
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeGreaterThan(0);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(Buffer.byteLength(JSON.stringify(view), 'utf8')).toBeLessThanOrEqual(250_000);
}

const buttonsOf = (view: any) => view.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
const textOf = (view: any) => JSON.stringify(view.blocks);

describe('Slack Home tab (app_home_opened -> views.publish)', () => {
  let general = '';
  let hidden = '';

  it('shows a manager the digests of the channels they share with the bot, with Pause and Remove', async () => {
    general = /`(\w+)`/.exec(String((await command('subscribe daily at 07:30 afghanistan', 'home-sub1')).text))![1]!;
    // A subscription in a channel neither person is in.
    hidden = /`(\w+)`/.exec(String((await command('subscribe hourly', 'home-sub2', { channel_id: 'C9' })).text))![1]!;

    const { view } = await openHome('U1');
    withinLimits(view);
    expect(view.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'SCO Bot', emoji: true } });
    expect(textOf(view)).toMatch(/\d+ releases indexed · live sources not synced yet/);
    const ids = buttonsOf(view).map((b: any) => b.action_id);
    expect(ids).toContain('home_search');
    expect(ids).toContain('home_subscribe');
    expect(textOf(view)).toContain('*#general*');
    expect(textOf(view)).toContain(`\`${general}\` daily at 07:30`);
    expect(textOf(view)).not.toContain(hidden);
    const pause = buttonsOf(view).find((b: any) => b.action_id === 'subscription.pause');
    expect(pause?.value).toBe(general);
    expect(buttonsOf(view).find((b: any) => b.action_id === 'subscription.remove')?.style).toBe('danger');
    // The newest releases, with their dates and links.
    expect(textOf(view)).toContain('Newest releases');
    expect(textOf(view)).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('shows someone who may not manage the channel the same digests without the buttons', async () => {
    const { view } = await openHome('U2');
    withinLimits(view);
    expect(textOf(view)).toContain(`\`${general}\``);
    expect(buttonsOf(view).some((b: any) => String(b.action_id).startsWith('subscription.'))).toBe(false);
  });

  it('Pause from the Home tab pauses it, republishes with the outcome, and refreshes other open tabs', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U1', 'subscription.pause', general)), { contentType: FORM });
    const mine = await h.fake.until(() => h.fake.callsOf('views.publish').slice(before).find((c) => c.args.user_id === 'U1'), 4000, 'republish');
    const view = mine.args.view as any;
    expect(textOf(view)).toContain(`Paused \`${general}\``);
    expect(textOf(view)).toContain('Paused since');
    expect(buttonsOf(view).find((b: any) => b.value === general && b.action_id === 'subscription.resume')).toBeTruthy();
    expect((await new SubscriptionStore(h.test.app.store).get(general))?.paused?.reason).toBe('paused by ana');
    const theirs = await h.fake.until(() => h.fake.callsOf('views.publish').slice(before).find((c) => c.args.user_id === 'U2'), 4000, 'refresh of U2');
    expect(textOf(theirs.args.view)).toContain('Paused since');
  });

  it('a press by someone who may not manage it changes nothing and says why', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U2', 'subscription.remove', general)), { contentType: FORM });
    const call = await h.fake.until(() => h.fake.callsOf('views.publish').slice(before).find((c) => c.args.user_id === 'U2'), 4000, 'republish');
    expect(textOf(call.args.view)).toContain('only people who can manage a channel');
    expect(await new SubscriptionStore(h.test.app.store).get(general)).toBeTruthy();
  });

  it('refreshes open Home tabs when a subscription changes through /sco', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await command(`unsubscribe ${general}`, 'home-unsub');
    const call = await h.fake.until(
      () => h.fake.callsOf('views.publish').slice(before).find((c) => c.args.user_id === 'U1' && !textOf(c.args.view).includes(`\`${general}\``)),
      4000,
      'refresh after unsubscribe',
    );
    expect(textOf(call.args.view)).toContain('None of the channels you share with me has a digest subscription');
  });

  it('stays within 100 blocks and 250 kB with many subscriptions, and says what it left out', async () => {
    const store = new SubscriptionStore(h.test.app.store);
    const now = new Date().toISOString();
    for (let i = 0; i < 60; i++) {
      await store.create({ channel: 'slack:T1:C2', schedule: { kind: 'daily', at: '09:00', tz: 'Europe/Berlin' }, filter: `topic number ${i} ${'x'.repeat(200)}`, createdBy: 'U1', createdAt: now, cursor: now });
    }
    const { view } = await openHome('U1');
    withinLimits(view);
    expect(textOf(view)).toContain('*#ops*');
    expect(textOf(view)).toMatch(/and 35 more/);
  });

  it('shows when the live sources were last synced', async () => {
    await recordLastSync(h.test.app, { new: 3, failed: 2 });
    const { view } = await openHome('U1');
    expect(textOf(view)).toMatch(/\d+ releases indexed · last sync \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(2 pages failed, retried next time\)/);
  });

  it('ignores the Messages tab', async () => {
    const before = h.fake.callsOf('views.publish').length;
    await postSigned(h.eventsUrl, SIGNING_SECRET, JSON.stringify(appHomeOpened('U1', 'messages')));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsOf('views.publish').length).toBe(before);
  });
});

describe('Slack Home tab: Search releases', () => {
  it('opens a search modal with the press trigger_id, shows results in it, and cites from it', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U1', 'home_search', 'search')), { contentType: FORM });
    const open = await h.fake.waitForCall('views.open');
    expect(open.args.trigger_id).toBe('2.3.4');
    const form = open.args.view as any;
    expect(form.callback_id).toBe('sco_search');
    expect(form.blocks[0].type).toBe('input');

    const empty = await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewSubmission('U1', 'sco_search', { query: { value: { type: 'plain_text_input', value: '  ' } } })), { contentType: FORM });
    expect(await empty.json()).toEqual({ response_action: 'errors', errors: { query: 'Type a few words to look for.' } });

    const res = await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewSubmission('U1', 'sco_search', { query: { value: { type: 'plain_text_input', value: 'contact group' } } })), { contentType: FORM });
    const ack = (await res.json()) as any;
    expect(ack.response_action).toBe('update');
    expect(ack.view.type).toBe('modal');
    expect(ack.view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(ack.view.blocks);
    expect(json).toContain('Contact Group');
    // A modal has no channel to share to; Cite stays.
    expect(json).not.toContain('results.share');
    const cite = ack.view.blocks.find((b: any) => b.accessory?.action_id === 'release.cite').accessory;

    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U1', 'release.cite', cite.value, viewState('modal', { id: 'VMODAL1' }))), { contentType: FORM });
    const pushed = await h.fake.waitForCall('views.push');
    expect(JSON.stringify((pushed.args.view as any).blocks)).toContain('Secretariat of the Shanghai Cooperation Organisation.');
  });
});
