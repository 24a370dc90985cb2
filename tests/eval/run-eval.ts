/**
 * `npm run eval`: answers every labelled question (tests/eval/questions.json, the shared
 * corpus's and the dev set's) over seed + shared corpus + dev releases, and prints the figures.
 * `--failures` also lists the misses: wrong answers apart from declines.
 */
import { crossValidate, FOLDS, formatReport, runEvaluation, type EvalReport } from './evaluate.ts';

const big = process.argv.includes('--big-index-path');
const lists = big ? { lists: { length: 3, writeDf: 2, minReleases: 1, sentencesFrom: 1 } } : {};
const verbose = process.argv.includes('--failures') || process.argv.includes('-v');
const print = (title: string, report: EvalReport) => {
  process.stdout.write(`== ${title}\n${formatReport(report)}\n`);
  if (verbose) {
    process.stdout.write(`\n${report.wrong.length} wrong answers:\n${report.wrong.join('\n')}\n`);
    process.stdout.write(`\n${report.failures.length} declines and other misses:\n${report.failures.join('\n')}\n`);
  }
  process.stdout.write('\n');
};
if (!process.argv.includes('--cv-only')) print('in-sample (the committed model, trained on these very questions)', await runEvaluation(lists));
print(`cross-validated (${FOLDS} folds by release; quote these)`, await crossValidate(lists));
