import { CliError, printJson, type CliCommand } from './cli-command.ts';
import { printReply } from './print-reply.ts';

/** `sco ask <question...> [--json]`: the answer, its quote and citations; answer null = declined. */
export const askCli: CliCommand = {
  name: 'ask',
  usage: 'sco ask <question...> [--json]',
  summary: 'Answer a question from the releases, with the quote and citations',
  async run(app, args, io) {
    const question = args.positional.join(' ').trim();
    if (!question) throw new CliError('usage', `sco ask needs a question, e.g. sco ask when were India and Pakistan admitted?\nusage: ${askCli.usage}`);
    // The answer engine (and its language model) loads only for this command.
    const [{ answerQuestion }, { answerReply }] = await Promise.all([
      import('../../src/answers/answer.ts'),
      import('../../src/answers/answer-reply.ts'),
    ]);
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
