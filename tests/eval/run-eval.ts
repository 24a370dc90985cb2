/**
 * `npm run eval`: answers every labelled question in tests/eval/questions.json and the shared
 * corpus's questions.json over seed + shared corpus, runs the lookups, and prints the numbers
 * with their counts. `--failures` also lists what went wrong.
 */
import { formatReport, runEvaluation } from './evaluate.ts';

const report = await runEvaluation();
process.stdout.write(`${formatReport(report)}\n`);
if (process.argv.includes('--failures') || process.argv.includes('-v')) {
  process.stdout.write(`\n${report.failures.length} failures:\n${report.failures.join('\n')}\n`);
}
