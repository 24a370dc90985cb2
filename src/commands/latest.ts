import type { CommandSpec } from './registry.ts';
import { PAGE_SIZE, resultsReply, savePage } from './result-reply.ts';

export const latestCommand: CommandSpec = {
  id: 'latest',
  aliases: ['new', 'recent'],
  summary: 'The newest releases, optionally on a topic',
  usage: 'latest [topic]',
  examples: ['/sco latest', '/sco latest afghanistan'],
  options: [{ name: 'topic', description: 'A topic, country or acronym (optional)', type: 'string', autocomplete: 'topics' }],
  async run({ services, args }) {
    const topic = args.trim();
    const outcome = services.library.latest({ topic: topic || undefined, limit: PAGE_SIZE, offset: 0 });
    const key = await savePage(services, { kind: 'latest', query: topic });
    return resultsReply({ kind: 'latest', query: topic }, outcome, 0, key);
  },
};
