import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../../src/subscriptions/subscription-store.ts';
import { slashCommand } from '../../fakes/slack/payloads.ts';
import { interactiveForm, postSigned, slashCommandForm } from '../../fakes/slack/sign.ts';
import { SIGNING_SECRET, startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';
import { viewBlockAction, viewState, viewSubmission } from '../../fakes/slack/view-payloads.ts';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;

beforeAll(async () => {
  h = await startHarness({ mode: 'http', corpus: 'both' });
  h.fake.users.set('U1', { id: 'U1', name: 'ana', is_admin: true, tz: 'Asia/Tashkent' });
  h.fake.users.set('U2', { id: 'U2', name: 'bo' });
});
afterAll(async () => h?.cleanup());

const sel = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });
const txt = (value: string | null) => ({ type: 'plain_text_input', value });

/** The values Slack sends for a filled-in form (block_id -> action_id -> element state). */
function values(f: { schedule?: string; day?: string; at?: string; cron?: string; tz?: string; filter?: string; backfill?: string; channel?: string }) {
  return {
    ...(f.channel ? { channel: { value: { type: 'conversations_select', selected_conversation: f.channel } } } : {}),
    schedule: { value: sel(f.schedule ?? 'daily') },
    day: { value: f.day ? sel(f.day) : { type: 'static_select', selected_option: null } },
    at: { value: { type: 'timepicker', selected_time: f.at ?? '09:00' } },
    cron: { value: txt(f.cron ?? null) },
    tz: { value: txt(f.tz ?? null) },
    filter: { sco_sub_filter: txt(f.filter ?? null) },
    backfill: { value: { type: 'number_input', value: f.backfill ?? null } },
  };
}

async function submit(metadata: string, v: ReturnType<typeof values>, user = 'U1') {
  const res = await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewSubmission(user, 'sco_subscribe', v, metadata)), { contentType: FORM });
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? (JSON.parse(body) as Record<string, any>) : {};
}

describe('Slack guided subscribe (views.open with the trigger_id, view_submission)', () => {
  let form: any;

  it('`/sco subscribe` alone opens the form at once, the timezone defaulting to the person’s own', async () => {
    const started = Date.now();
    await postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand('subscribe', h.fake.responseUrl('sub-bare'), { trigger_id: '9.9.9' })), { contentType: FORM });
    const open = await h.fake.waitForCall('views.open', (c) => c.args.trigger_id === '9.9.9');
    // Slack's trigger_id is good for 3 s.
    expect(open.at - started).toBeLessThan(3000);
    form = open.args.view;
    expect(form.type).toBe('modal');
    expect(form.callback_id).toBe('sco_subscribe');
    expect(form.blocks.length).toBeLessThanOrEqual(100);
    const ids = form.blocks.map((b: any) => b.block_id);
    expect(ids).toEqual(['schedule', 'day', 'at', 'cron', 'tz', 'filter', 'backfill']);
    const block = (id: string) => form.blocks.find((b: any) => b.block_id === id);
    expect(block('schedule').element.options.map((o: any) => o.value)).toEqual(['daily', 'weekly', 'hourly', 'cron']);
    expect(block('at').element.type).toBe('timepicker');
    expect(block('tz').element.initial_value).toBe('Asia/Tashkent');
    expect(block('filter').dispatch_action).toBe(true);
    expect(block('filter').hint.text).toMatch(/^All \d+ releases/);
    expect(JSON.parse(form.private_metadata)).toEqual({ team: 'T1', channel: 'C1' });
    // Nothing was subscribed, and no reply went to the channel.
    expect(await new SubscriptionStore(h.test.app.store).list('slack:T1:C1')).toHaveLength(0);
  });

  it('counts matching releases live as a topic is typed', async () => {
    const before = h.fake.callsOf('views.update').length;
    const view = viewState('modal', { id: 'VSUB1', callback_id: 'sco_subscribe', private_metadata: form.private_metadata, state: { values: values({ filter: 'afghanistan' }) } });
    const press = viewBlockAction('U1', 'sco_sub_filter', '', view);
    (press.actions as any[])[0] = { type: 'plain_text_input', action_id: 'sco_sub_filter', block_id: 'filter', value: 'afghanistan', action_ts: '1' };
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(press), { contentType: FORM });
    const update = await h.fake.until(() => h.fake.callsOf('views.update')[before], 4000, 'views.update');
    expect(update.args.view_id).toBe('VSUB1');
    const hint = (update.args.view as any).blocks.find((b: any) => b.block_id === 'filter').hint.text as string;
    expect(hint).toMatch(/^\d+ releases? match/);
    const n = Number(/^(\d+)/.exec(hint)![1]);
    expect(n).toBe(h.test.app.library.search('afghanistan', { limit: 1 }).total);
  });

  it('puts errors on the fields they belong to, with the text form’s own validation', async () => {
    const ack = await submit(form.private_metadata, values({ schedule: 'weekly', tz: 'Mars/Olympus', backfill: '99' }));
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors).sort()).toEqual(['backfill', 'day', 'tz']);
    expect(ack.errors.tz).toBe('"Mars/Olympus" is not a timezone I know (use Area/City).');
    expect(ack.errors.backfill).toMatch(/from 1 to 50/);
    const cron = await submit(form.private_metadata, values({ schedule: 'cron', cron: '61 * * *' }));
    expect(Object.keys(cron.errors)).toEqual(['cron']);
    expect(await new SubscriptionStore(h.test.app.store).list('slack:T1:C1')).toHaveLength(0);
  });

  it('on success closes the form and posts the same confirmation as the typed command in the channel', async () => {
    const ack = await submit(form.private_metadata, values({ schedule: 'weekly', day: 'monday', at: '08:30', tz: 'Asia/Tashkent', filter: 'afghanistan', backfill: '2' }));
    expect(ack).toEqual({});
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C1');
    const [sub] = await new SubscriptionStore(h.test.app.store).list('slack:T1:C1');
    expect(sub?.schedule).toEqual({ kind: 'weekly', day: 1, at: '08:30', tz: 'Asia/Tashkent' });
    expect(sub?.filter).toBe('afghanistan');
    expect(String(post.args.text)).toMatch(new RegExp(`^Ana subscribed this channel: \`${sub!.id}\` .*The first digest also brings the 2 newest releases\\. Stop with`));
  });

  it('refuses the same subscription twice, on the form', async () => {
    const ack = await submit(form.private_metadata, values({ schedule: 'weekly', day: 'monday', at: '08:30', tz: 'Asia/Tashkent', filter: 'afghanistan' }));
    expect(ack.response_action).toBe('errors');
    expect(ack.errors.schedule).toMatch(/already has that subscription/);
  });

  it('from the Home tab, asks for the channel; someone who may not manage gets told so instead', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U1', 'home_subscribe', 'subscribe')), { contentType: FORM });
    const open = await h.fake.waitForCall('views.open', (c) => (c.args.view as any).blocks?.[0]?.block_id === 'channel');
    const homeForm = open.args.view as any;
    expect(homeForm.blocks[0].element.type).toBe('conversations_select');
    const missing = await submit(homeForm.private_metadata, values({ schedule: 'hourly' }));
    expect(missing.errors).toEqual({ channel: 'Pick the channel the digests go to.' });
    expect(await submit(homeForm.private_metadata, values({ schedule: 'hourly', channel: 'C7' }))).toEqual({});
    expect((await new SubscriptionStore(h.test.app.store).list('slack:T1:C7'))[0]?.schedule.kind).toBe('hourly');

    const before = h.fake.callsOf('views.open').length;
    await postSigned(h.eventsUrl, SIGNING_SECRET, interactiveForm(viewBlockAction('U2', 'home_subscribe', 'subscribe')), { contentType: FORM });
    const refused = await h.fake.until(() => h.fake.callsOf('views.open')[before], 4000, 'views.open for U2');
    expect(JSON.stringify((refused.args.view as any).blocks)).toContain('only people who can manage a channel');
  });

  it('`/sco subscribe` with options still subscribes at once, as typed', async () => {
    await postSigned(h.eventsUrl, SIGNING_SECRET, slashCommandForm(slashCommand('subscribe hourly drugs', h.fake.responseUrl('sub-typed'), { channel_id: 'C8' })), { contentType: FORM });
    const { body } = await h.fake.waitForResponse('sub-typed');
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toMatch(/subscribed this channel/);
  });
});
