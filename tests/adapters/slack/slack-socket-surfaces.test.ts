import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from '../../fakes/slack/slack-harness.ts';
import { appHomeOpened, messageShortcut, viewSubmission } from '../../fakes/slack/view-payloads.ts';

/** The same surfaces over Socket Mode, where acks (and a form's field errors) travel back in the envelope. */
let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness({ mode: 'socket', corpus: 'both' });
  h.fake.users.set('U1', { id: 'U1', name: 'ana', is_admin: true });
});
afterAll(async () => h?.cleanup());

describe('Slack surfaces over Socket Mode', () => {
  it('publishes the Home tab on app_home_opened', async () => {
    await h.fake.sendEnvelope('events_api', appHomeOpened('U1'));
    const call = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === 'U1');
    expect((call.args.view as any).type).toBe('home');
  });

  it('answers the message shortcut through its response_url', async () => {
    await h.fake.sendEnvelope('interactive', messageShortcut('U1', 'sco_find_releases', 'Interbank Consortium in New Delhi', h.fake.responseUrl('s-short')));
    const { body } = await h.fake.waitForResponse('s-short');
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('Interbank Consortium experts meet in New Delhi');
  });

  it('returns a form’s field errors in the envelope’s ack', async () => {
    const values = {
      schedule: { value: { type: 'static_select', selected_option: { value: 'daily' } } },
      tz: { value: { type: 'plain_text_input', value: 'Nowhere/Land' } },
    };
    const ack = (await h.fake.sendEnvelope('interactive', viewSubmission('U1', 'sco_subscribe', values, JSON.stringify({ team: 'T1', channel: 'C1' })))) as any;
    expect(ack.payload).toEqual({ response_action: 'errors', errors: { tz: '"Nowhere/Land" is not a timezone I know (use Area/City).' } });
  });
});
