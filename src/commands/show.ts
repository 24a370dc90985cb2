import { replyOf, type Block } from '../bot/reply.ts';
import { BotError } from '../errors.ts';
import type { CommandSpec } from './registry.ts';

export const showCommand: CommandSpec = {
  id: 'show',
  summary: 'One release in full: title, date, link, topics and summary',
  usage: 'show <release id>',
  examples: ['/sco show 000_9851d8e3c5c57f74'],
  options: [{ name: 'id', description: 'The release id shown in results', type: 'string', required: true }],
  async run({ services, args }) {
    const id = args.trim();
    if (!id) throw new BotError('bad_input', 'Which release? For example `/sco show 000_9851d8e3c5c57f74` (ids are shown in results).');
    const r = services.library.get(id);
    if (!r) throw new BotError('not_found', 'I know no release with that id. Look it up with `/sco <words>` to see ids.');
    const blocks: Block[] = [
      // Title and date in the heading, as results list them (and as the fallback text reads).
      { type: 'heading', text: `${r.title} (${r.date ?? 'date unknown'})` },
      { type: 'context', text: [...(r.url ? [{ text: r.url, href: r.url }, ' · '] : []), `id ${r.id}`] },
    ];
    if (r.topics.length) blocks.push({ type: 'context', text: [`Topics: ${r.topics.join(', ')}`] });
    if (r.summary.length) blocks.push({ type: 'text', text: [{ text: 'Summary: ', strong: true }, r.summary.join(' ')] });
    blocks.push({ type: 'divider' }, { type: 'text', text: [r.body] });
    return replyOf(blocks, 'private');
  },
};
