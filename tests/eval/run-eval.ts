/**
 * `npm run eval`: answers every labelled question in tests/eval/questions.json and the shared
 * corpus's questions.json over seed + shared corpus, runs the lookups, and prints the numbers
 * with their counts. `--failures` also lists what went wrong; `--big-index-path` runs them the
 * way an index of thousands of releases does (tiny ranking lists over the small corpus).
 */
import { formatReport, runEvaluation } from './evaluate.ts';

const big = process.argv.includes('--big-index-path');
const report = await runEvaluation(big ? { lists: { length: 3, writeDf: 2, minReleases: 1, sentencesFrom: 1 } } : {});
process.stdout.write(`${formatReport(report)}\n`);
if (process.argv.includes('--failures') || process.argv.includes('-v')) {
  process.stdout.write(`\n${report.failures.length} failures:\n${report.failures.join('\n')}\n`);
}
