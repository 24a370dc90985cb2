import { withCiteButtons } from '../citations/citation.ts';
import { BotError } from '../errors.ts';
import { recordAnswer } from './feedback-actions.ts';
import type { CommandSpec } from './registry.ts';

export const askCommand: CommandSpec = {
  id: 'ask',
  summary: 'Ask a question; the answer quotes and cites the release it comes from',
  usage: 'ask <question>',
  examples: ['/sco ask where is RATS based?', '@sco when did the SCO attend the Munich Security Conference?', '@sco what is the latest on Afghanistan?'],
  options: [{ name: 'question', description: 'A question about the SCO releases', type: 'string', required: true }],
  // Every mention that runs no command comes here, so its own word is not needed (but allowed).
  mentionable: false,
  answersQuestions: true,
  replyVisibility: 'channel',
  async run({ services, request, args }) {
    const question = args.trim();
    if (!question) throw new BotError('bad_input', 'Ask me a question, for example `@sco where is RATS based?`.');
    // The answer engine loads on the first question: a lookup or `sco search` never pays for it.
    const [{ answerQuestion }, { answerReply }] = await Promise.all([import('../answers/answer.ts'), import('../answers/answer-reply.ts')]);
    const thread = request.thread ?? request.channel;
    const result = await answerQuestion(services, question, { thread });
    const feedbackId = await recordAnswer(services, result, request.channel);
    return withCiteButtons(answerReply(result, feedbackId), result.citations);
  },
};
