import type { types } from '@slack/bolt';
import type { FormField, SubscribeForm } from '../../src/commands/subscribe-form.ts';

/** The guided subscribe form as a Slack modal; block ids are the form's field names. */
export const SUBSCRIBE_VIEW = 'sco_subscribe';
/** The topic field reports every keystroke (dispatch_action) so the count beside it stays live. */
export const FILTER_ACTION = 'sco_sub_filter';
const VALUE = 'value';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SCHEDULES: { value: SubscribeForm['schedule']; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly, on a day' },
  { value: 'hourly', label: 'Hourly' },
  { value: 'cron', label: 'Custom (cron)' },
];

/** Where the form's subscription goes: the command's channel, or one picked in the form (from the Home tab). */
export interface SubscribeTarget {
  team: string;
  /** Absent when opened from the Home tab: the form then asks for a channel. */
  channel?: string;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label: string) => ({ text: text(label), value });

export function subscribeModal(target: SubscribeTarget, options: { tz?: string; count: string }): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (!target.channel) {
    blocks.push({
      type: 'input',
      block_id: 'channel',
      label: text('Channel'),
      element: { type: 'conversations_select', action_id: VALUE, filter: { include: ['public', 'private'], exclude_bot_users: true } },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: 'schedule',
      label: text('How often'),
      element: { type: 'static_select', action_id: VALUE, options: SCHEDULES.map((s) => option(s.value, s.label)), initial_option: option('daily', 'Daily') },
    },
    {
      type: 'input',
      block_id: 'day',
      optional: true,
      label: text('Day (weekly)'),
      element: { type: 'static_select', action_id: VALUE, options: DAYS.map((d) => option(d, d[0]!.toUpperCase() + d.slice(1))) },
    },
    {
      type: 'input',
      block_id: 'at',
      optional: true,
      label: text('Time'),
      hint: text('Daily and weekly: the time of day. Hourly: its minute past the hour.'),
      element: { type: 'timepicker', action_id: VALUE, initial_time: '09:00' },
    },
    {
      type: 'input',
      block_id: 'cron',
      optional: true,
      label: text('Cron expression (custom)'),
      hint: text('minute hour day month weekday, e.g. 0 9 * * 1-5 for weekdays at 09:00'),
      element: { type: 'plain_text_input', action_id: VALUE, placeholder: text('0 9 * * 1-5') },
    },
    {
      type: 'input',
      block_id: 'tz',
      optional: true,
      label: text('Timezone'),
      hint: text('Area/City, e.g. Europe/Berlin or Asia/Tashkent'),
      element: { type: 'plain_text_input', action_id: VALUE, ...(options.tz ? { initial_value: options.tz } : {}) },
    },
    {
      type: 'input',
      block_id: 'filter',
      optional: true,
      dispatch_action: true,
      label: text('Topic or query'),
      hint: text(options.count),
      element: {
        type: 'plain_text_input',
        action_id: FILTER_ACTION,
        placeholder: text('afghanistan, topic:uzbekistan, "contact group" ...'),
        dispatch_action_config: { trigger_actions_on: ['on_character_entered'] },
      },
    },
    {
      type: 'input',
      block_id: 'backfill',
      optional: true,
      label: text('Also bring the newest N releases in the first digest'),
      element: { type: 'number_input', action_id: VALUE, is_decimal_allowed: false, min_value: '0', max_value: '50' },
    },
  );
  return {
    type: 'modal',
    callback_id: SUBSCRIBE_VIEW,
    private_metadata: JSON.stringify(target),
    title: text('New digest'),
    submit: text('Subscribe'),
    close: text('Cancel'),
    blocks,
  };
}

type StateValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null; selected_time?: string | null; selected_conversation?: string | null }>>;

/** The form's fields from a view's state, as Slack sends it on submission and on every dispatched keystroke. */
export function readForm(values: StateValues): { form: SubscribeForm; channel?: string } {
  const get = (block: string, action = VALUE) => values[block]?.[action];
  const pick = (block: string, action?: string) => {
    const v = get(block, action);
    return (v?.selected_option?.value ?? v?.selected_time ?? v?.selected_conversation ?? v?.value ?? undefined) || undefined;
  };
  const schedule = (pick('schedule') ?? 'daily') as SubscribeForm['schedule'];
  const form: SubscribeForm = { schedule };
  const fields: [FormField, string, string?][] = [['day', 'day'], ['at', 'at'], ['cron', 'cron'], ['tz', 'tz'], ['backfill', 'backfill'], ['filter', 'filter', FILTER_ACTION]];
  for (const [field, block, action] of fields) {
    const v = pick(block, action);
    if (v !== undefined) (form as unknown as Record<string, string>)[field] = v;
  }
  const channel = pick('channel');
  return { form, ...(channel ? { channel } : {}) };
}

export function readTarget(privateMetadata: string): SubscribeTarget | null {
  try {
    const t = JSON.parse(privateMetadata) as SubscribeTarget;
    return typeof t.team === 'string' ? t : null;
  } catch {
    return null;
  }
}
