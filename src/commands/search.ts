import { BotError } from '../errors.ts';
import type { CommandSpec } from './registry.ts';
import { PAGE_SIZE, resultsReply, savePage } from './result-reply.ts';

export const searchCommand: CommandSpec = {
  id: 'search',
  aliases: ['find', 's'],
  summary: 'Look releases up by words, phrases, topics and dates',
  usage: 'search <words or "a phrase"> [topic:T] [since:2020] [until:2021-06]',
  examples: ['/sco afghanistan', '/sco "contact group" since:2021', '/sco RATS topic:uzbekistan'],
  options: [{ name: 'query', description: 'Words, "a phrase", topic:T, since:YYYY, until:YYYY-MM', type: 'string', required: true, autocomplete: 'titles' }],
  // `@sco search treaties` reads as a question about treaties; `/sco treaties` is the lookup.
  mentionable: 'alone',
  takesUnknownWords: true,
  async run({ services, args }) {
    if (!args.trim()) throw new BotError('bad_input', 'Tell me what to look for, for example `/sco afghanistan` or `/sco "contact group" since:2021`.');
    const outcome = services.library.search(args, { limit: PAGE_SIZE, offset: 0 });
    const key = await savePage(services, { kind: 'search', query: args });
    return resultsReply({ kind: 'search', query: args }, outcome, 0, key);
  },
};
