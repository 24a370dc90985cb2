import { answerQuestion, DECLINE } from '../../src/answers/answer.ts';
import { printJson, type CliCommand } from './cli-command.ts';

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
    if (result.answer === null) {
      io.out(`${DECLINE}\n`);
      if (result.suggestions.length > 0) {
        io.out('The nearest releases I have:\n');
        for (const s of result.suggestions) io.out(`  - ${s.title} (${s.date ?? 'date unknown'}) [${s.id}]${s.url ? ` ${s.url}` : ''}\n`);
      }
      return 0;
    }
    io.out(`${result.answer}\n`);
    if (result.kind === 'latest') {
      for (const c of result.citations) {
        io.out(`\n[${c.n}] ${c.title} (${c.date ?? 'date unknown'}) [${c.id}]${c.url ? ` ${c.url}` : ''}\n`);
        const summary = result.summaries?.[c.id];
        if (summary) io.out(`    ${summary}\n`);
      }
      return 0;
    }
    if (result.quote) io.out(`\n  “${result.quote}”\n\n`);
    for (const c of result.citations) io.out(`[${c.n}] ${c.title} (${c.date ?? 'date unknown'}) [${c.id}]${c.url ? ` ${c.url}` : ''}\n`);
    return 0;
  },
};
