import { textReply } from '../bot/reply.ts';
import { pickSubscription } from '../subscriptions/pick-subscription.ts';
import type { CommandSpec } from './registry.ts';

export const resumeCommand: CommandSpec = {
  id: 'resume',
  summary: 'Resume a paused digest subscription once its cause is fixed',
  usage: 'resume [id]',
  examples: ['/sco resume', '/sco resume k3m9x'],
  options: [{ name: 'id', description: 'The subscription id (see /sco subscriptions)', type: 'string' }],
  requiresManage: true,
  async run({ services, request, args }) {
    const store = services.subscriptions;
    const sub = pickSubscription(await store.list(request.channel), args, 'resume');
    if (!(await store.resume(sub.id))) return textReply(`\`${sub.id}\` is not paused; nothing to resume.`, 'private');
    return textReply(
      `Resumed \`${sub.id}\`. Its next digest holds every release since the last one that went out, so nothing is missed.`,
      'channel',
    );
  },
};
