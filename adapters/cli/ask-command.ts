import { answerQuestion } from '../../src/answers/answer.ts';
import { answerReply } from '../../src/answers/answer-reply.ts';
import { printJson, type CliCommand } from './cli-command.ts';
import { printReply } from './print-reply.ts';

/** `sco ask <question...> [--json]`: the answer, its quote and citations; answer null = declined. */
export const askCli: CliCommand = {
  name: 'ask',
  usage: 'sco ask <question...> [--json]',
  summary: 'Answer a question from the releases, with the quote and citations',
  async run(app, args, io) {
    const question = args.positional.join(' ').trim();
    if (!question) {
      io.err('Usage: sco ask <question...> [--json]\n');
      return 2;
    }
    const result = await answerQuestion(app, question);
    const citations = result.citations.map((c) => ({ id: c.id, title: c.title, date: c.date, url: c.url }));
    if (args.json) {
      printJson(io, { question: result.question, answer: result.answer, quote: result.quote, citations });
      return 0;
    }
    printReply(io, answerReply(result, ''));
    return 0;
  },
};
