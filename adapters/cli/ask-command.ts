import type { Evidence } from '../../src/answers/types.ts';
import { CliError, printJson, type CliCommand } from './cli-command.ts';
import { printReply } from './print-reply.ts';

/** The candidates the scorer weighed, one a line with its probability and features. */
function explainLines(evidence: Evidence): string {
  const lines = [`terms: ${evidence.terms.map((t) => `${t.term}=${t.weight}${t.expansions.length ? ` (~${t.expansions.join(', ')})` : ''}`).join('; ')}`, `threshold: ${evidence.threshold}`];
  for (const c of evidence.candidates) {
    lines.push(`${c.p !== undefined ? `p=${c.p} ` : ''}score=${c.score} “${c.answer}” ${c.release}#${c.position}: ${c.sentence}`);
    if (c.lead) lines.push(`  from the lead: ${c.lead}`);
    lines.push(`  ${Object.entries(c.features).filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `sco ask <question...> [--json] [--explain]`: the answer, its quote and citations; answer null = declined. */
export const askCli: CliCommand = {
  name: 'ask',
  usage: 'sco ask <question...> [--json] [--explain]',
  summary: 'Answer a question from the releases, with the quote and citations (--explain: the candidates weighed)',
  booleanFlags: ['explain'],
  async run(app, args, io) {
    const question = args.positional.join(' ').trim();
    if (!question) throw new CliError('usage', `sco ask needs a question, e.g. sco ask when were India and Pakistan admitted?\nusage: ${askCli.usage}`);
    // The answer engine (and its language model) loads only for this command.
    const [{ answerQuestion }, { answerReply }] = await Promise.all([
      import('../../src/answers/answer.ts'),
      import('../../src/answers/answer-reply.ts'),
    ]);
    const explain = args.flags.explain === true;
    const result = await answerQuestion(app, question, { evidence: explain || args.json });
    const citations = result.citations.map((c) => ({ id: c.id, title: c.title, date: c.date, url: c.url }));
    if (args.json) {
      printJson(io, { question: result.question, answer: result.answer, quote: result.quote, citations, evidence: result.evidence ?? null });
      return 0;
    }
    printReply(io, answerReply(result, ''));
    if (explain && result.evidence) io.out(`\n${explainLines(result.evidence)}`);
    return 0;
  },
};
