import { replyOf, type Block } from '../bot/reply.ts';
import type { CommandSpec, Registry } from './registry.ts';

/** Built from the registry it is added to, so every command is described once, where it is defined. */
export const helpCommand = (registry: Pick<Registry, 'commands'>): CommandSpec => ({
  id: 'help',
  aliases: ['?'],
  summary: 'What I can do, with examples',
  usage: 'help',
  examples: ['/sco help'],
  options: [],
  runsWhenEmpty: true,
  async run() {
    const blocks: Block[] = [{ type: 'heading', text: 'SCO Bot: the SCO Secretariat’s press releases, at hand' }];
    for (const c of registry.commands) {
      if (c.runsWhenEmpty) continue;
      blocks.push({ type: 'text', text: [{ text: `/sco ${c.usage}`, strong: true }, ` ${c.summary}. Example: ${c.examples.join(', ')}`] });
    }
    blocks.push({ type: 'context', text: ['Mention me with a question, e.g. “@sco when were India and Pakistan admitted?”, and I answer from the releases with the sentence and the release it comes from.'] });
    return replyOf(blocks, 'private');
  },
});
