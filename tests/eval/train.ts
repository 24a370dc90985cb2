/**
 * `npm run train`: collects the candidates of every labelled question over seed + shared corpus
 * + dev releases, fits the answer scorer (tests/eval/train-model.ts) and writes its weights to
 * src/answers/model/weights.json. Deterministic: the same data give the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIDENCE_NAMES, type Linear } from '../../src/answers/scorer.ts';
import { ROOT } from '../helpers/test-app.ts';
import { makeEvalApp } from './evaluate.ts';
import { loadLabelledSet, releaseOrder } from './labelled-set.ts';
import { collectRows, rankingSummary, train } from './train-model.ts';

const set = loadLabelledSet();
const test = await makeEvalApp();
try {
  const rows = collectRows(test.app, set);
  const releases = releaseOrder(set);
  const model = train(rows, releases);
  const round = (v: number) => Number(v.toFixed(6));
  const linear = (m: Linear) => ({ mean: m.mean.map(round), std: m.std.map(round), weights: m.weights.map(round), bias: round(m.bias) });
  const out = {
    features: model.features,
    ranker: linear(model.ranker),
    pointwise: linear(model.pointwise),
    confidence: linear(model.confidence),
    threshold: round(model.threshold),
    trainedOn: { questions: rows.length, answerable: rows.filter((r) => r.release !== null).length, candidates: rows.reduce((n, r) => n + r.x.length, 0) },
  };
  writeFileSync(join(ROOT, 'src/answers/model/weights.json'), `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`trained on ${out.trainedOn.questions} questions, ${out.trainedOn.candidates} candidates; threshold ${out.threshold}\n`);
  const r = rankingSummary(model, rows);
  process.stdout.write(`answerable questions: ${r.reachable}/${r.answerable} have a right candidate; the model ranks one first for ${r.top}\n`);
  process.stdout.write('feature          ranker\tpointwise\n');
  model.features.forEach((f, j) => process.stdout.write(`  ${f.padEnd(16)} ${out.ranker.weights[j]}\t${out.pointwise.weights[j]}\n`));
  process.stdout.write('confidence input weight\n');
  [...CONFIDENCE_NAMES, 'logit', 'margin', 'share', 'pointwise'].forEach((f, j) => process.stdout.write(`  ${f.padEnd(16)} ${out.confidence.weights[j]}\n`));
} finally {
  await test.cleanup();
}
