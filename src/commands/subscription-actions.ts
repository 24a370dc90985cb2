import { textReply, type Reply } from '../bot/reply.ts';
import type { Request } from '../bot/request.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Subscription } from '../subscriptions/subscription.ts';
import type { ActionSpec, CommandContext } from './registry.ts';

export const PAUSE_ACTION = 'subscription.pause';
export const RESUME_ACTION = 'subscription.resume';
export const REMOVE_ACTION = 'subscription.remove';

const NOT_MANAGER = 'Sorry, only people who can manage a channel can change its digest subscriptions.';

/** `slack:T1:C2` -> `slack:T1`: the workspace part of a channel key, whatever the platform. */
export function workspaceOf(channel: string): string {
  const at = channel.lastIndexOf(':');
  return at > 0 ? channel.slice(0, at) : channel;
}

/**
 * The subscription a button names, if the person may touch it: same rule as the commands
 * (`requiresManage`), and only within the workspace the press came from, since a button can be
 * pressed from a surface with no channel of its own (Slack's Home tab).
 */
async function target(ctx: CommandContext & { value: string }): Promise<{ sub: Subscription; store: SubscriptionStore } | Reply> {
  const { request } = ctx;
  if (!request.user.canManage) return textReply(NOT_MANAGER, 'private');
  const store = ctx.services.subscriptions;
  const id = ctx.value.trim();
  const sub = /^[a-z0-9]{1,20}$/.test(id) ? await store.get(id) : undefined;
  if (!sub || !sameWorkspace(sub, request)) return textReply('That subscription no longer exists.', 'private');
  return { sub, store };
}

function sameWorkspace(sub: Subscription, request: Request): boolean {
  return sub.channel === request.channel || workspaceOf(sub.channel) === workspaceOf(request.channel);
}

function run(kind: 'pause' | 'resume' | 'remove') {
  return async (ctx: CommandContext & { value: string }): Promise<Reply> => {
    const found = await target(ctx);
    if ('blocks' in found) return found;
    const { sub, store } = found;
    const who = ctx.request.user.name ?? 'a channel manager';
    if (kind === 'pause') {
      if (sub.paused) return textReply(`\`${sub.id}\` is already paused.`, 'private');
      await store.pause(sub.id, `paused by ${who}`, ctx.services.clock());
      return textReply(`Paused \`${sub.id}\`. Resume it to get every release since its last digest.`, 'private');
    }
    if (kind === 'resume') {
      if (!(await store.resume(sub.id))) return textReply(`\`${sub.id}\` is not paused; nothing to resume.`, 'private');
      return textReply(`Resumed \`${sub.id}\`. Its next digest holds every release since the last one that went out.`, 'private');
    }
    await store.remove(sub.id);
    return textReply(`Removed \`${sub.id}\`: no more digests from it.`, 'private');
  };
}

export const pauseSubscriptionAction: ActionSpec = { id: PAUSE_ACTION, run: run('pause') };
export const resumeSubscriptionAction: ActionSpec = { id: RESUME_ACTION, run: run('resume') };
export const removeSubscriptionAction: ActionSpec = { id: REMOVE_ACTION, run: run('remove') };
