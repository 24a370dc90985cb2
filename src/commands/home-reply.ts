import type { Services } from '../services.ts';
import { replyOf, type Block, type Button, type Reply, type RichText } from '../bot/reply.ts';
import { describeSubscription } from '../subscriptions/describe.ts';
import type { Subscription } from '../subscriptions/subscription.ts';
import { readLastSync } from '../sync/last-sync.ts';
import { formatInstant } from '../util/format-instant.ts';
import { PAUSE_ACTION, REMOVE_ACTION, RESUME_ACTION } from './subscription-actions.ts';

/** Home buttons that open a platform's own forms; adapters route them, the core names them. */
export const HOME_SEARCH_ACTION = 'home_search';
export const HOME_SUBSCRIBE_ACTION = 'home_subscribe';

/** Subscriptions listed at most (two blocks each), so the whole view stays far inside 100 blocks. */
export const HOME_MAX_SUBSCRIPTIONS = 25;
export const HOME_LATEST = 6;

export interface HomeInput {
  /** The channels the person shares with the bot, keyed as the core keys channels, with a label to show. */
  channels: { key: string; label: string }[];
  canManage: boolean;
  /** A line about what just happened (a button pressed), shown at the top. */
  notice?: string;
}

/** Channel keys with at least one subscription, in the workspace `prefix` (e.g. `slack:T1:`). */
export async function subscribedChannels(services: Services, prefix: string): Promise<string[]> {
  const subs = await services.subscriptions.list();
  return [...new Set(subs.filter((s) => s.channel.startsWith(prefix)).map((s) => s.channel))];
}

function manageButtons(sub: Subscription): Button[] {
  const toggle: Button = sub.paused
    ? { action: RESUME_ACTION, label: 'Resume', value: sub.id, style: 'primary' }
    : { action: PAUSE_ACTION, label: 'Pause', value: sub.id };
  return [toggle, { action: REMOVE_ACTION, label: 'Remove', value: sub.id, style: 'danger' }];
}

async function statusLine(services: Services): Promise<RichText> {
  const count = services.library.count().toLocaleString('en-GB');
  const last = await readLastSync(services);
  const sync = last
    ? `last sync ${formatInstant(new Date(last.at), services.config.defaultTimezone)}${last.failed ? ` (${last.failed} pages failed, retried next time)` : ''}`
    : 'live sources not synced yet';
  return [`${count} releases indexed · ${sync}`];
}

/**
 * What the bot does for one person, as a neutral Reply: the bot's state, the digests of the
 * channels they share with it (with Pause/Resume/Remove for those who may manage them), and the
 * newest releases. Slack shows it as the Home tab.
 */
export async function homeReply(services: Services, input: HomeInput): Promise<Reply> {
  const blocks: Block[] = [{ type: 'heading', text: 'SCO Bot' }, { type: 'context', text: await statusLine(services) }];
  if (input.notice) blocks.push({ type: 'text', text: [{ text: input.notice, strong: true }] });
  blocks.push({
    type: 'buttons',
    buttons: [
      { action: HOME_SEARCH_ACTION, label: 'Search releases', value: 'search', style: 'primary' },
      { action: HOME_SUBSCRIBE_ACTION, label: 'New digest subscription', value: 'subscribe' },
    ],
  });

  blocks.push({ type: 'divider' }, { type: 'heading', text: 'Digests in your channels' });
  const store = services.subscriptions;
  const label = new Map(input.channels.map((c) => [c.key, c.label]));
  const subs = (await store.list()).filter((s) => label.has(s.channel));
  const now = services.clock();
  if (subs.length === 0) {
    blocks.push({ type: 'text', text: ['None of the channels you share with me has a digest subscription yet. Press “New digest subscription”, or type `/sco subscribe` in a channel.'] });
  }
  for (const sub of subs.slice(0, HOME_MAX_SUBSCRIPTIONS)) {
    const line = describeSubscription(sub, await store.cursor(sub), now);
    blocks.push({ type: 'text', text: [{ text: label.get(sub.channel) ?? '', strong: true }, ` ${line}`] });
    if (input.canManage) blocks.push({ type: 'buttons', buttons: manageButtons(sub) });
  }
  if (subs.length > HOME_MAX_SUBSCRIPTIONS) {
    blocks.push({ type: 'context', text: [`and ${subs.length - HOME_MAX_SUBSCRIPTIONS} more: \`/sco subscriptions\` in a channel lists all of its own.`] });
  }
  if (subs.length > 0 && !input.canManage) {
    blocks.push({ type: 'context', text: ['Workspace admins and the people in SLACK_MANAGERS can pause, resume and remove these.'] });
  }

  blocks.push({ type: 'divider' }, { type: 'heading', text: 'Newest releases' });
  const latest = services.library.latest({ limit: HOME_LATEST }).hits;
  if (latest.length === 0) blocks.push({ type: 'text', text: ['No releases indexed yet.'] });
  else {
    blocks.push({
      type: 'digest',
      items: latest.map(({ release: r }) => ({ id: r.id, title: r.title, date: r.date, url: r.url, summary: r.summary.slice(0, 2).join(' ') })),
    });
  }
  return replyOf(blocks, 'private');
}
