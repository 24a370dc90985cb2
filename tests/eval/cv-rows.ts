/**
 * A quick look at the cross-validation from the candidates alone (no full ask): per held-out
 * question, whether the ranker's best is right and the confidence it gets. For diagnosis:
 * `node bin/run.js tests/eval/cv-rows.ts`.
 */
import { createHash } from 'node:crypto';
import { representativeOf } from '../../src/answers/find-answer.ts';
import { confidenceInput, logit, sigmoid } from '../../src/answers/scorer.ts';
import { makeEvalApp } from './evaluate.ts';
import { FOLDS } from './evaluate.ts';
import { isHeadline, loadLabelledSet, releaseOrder } from './labelled-set.ts';
import { collectRows, foldOf, train } from './train-model.ts';

const set = loadLabelledSet();
const test = await makeEvalApp();
try {
  const rows = collectRows(test.app, set);
  // ALT_FOLDS=1 deals the releases into folds in another order: a second estimate of the same
  // thing. FOLD_SEED=a (b, c, ...) deals them, and the unanswerable questions, in an order drawn
  // from the seed: averaged over a few seeds, the figures move less with which questions fell together.
  const seed = process.env.FOLD_SEED;
  const hash = (text: string) => createHash('md5').update(`${seed}${text}`).digest('hex');
  const key = (id: string) => (seed ? hash(id) : process.env.ALT_FOLDS ? [...id].reverse().join('') : id);
  const releases = releaseOrder(set, key);
  const typeOf = new Map(set.qa.map((q) => [q.ask, q.type]));
  const unanswerableIndex = (ask: string) => (seed ? parseInt(hash(ask).slice(0, 8), 16) : set.unanswerable.findIndex((u) => u.ask === ask));
  const fold = rows.map((r, i) => foldOf(r.release, r.release === null ? unanswerableIndex(r.ask) : i, releases, FOLDS));
  const out: { ask: string; type: string; p: number; t: number; right: boolean; answerable: boolean; reachable: boolean; answer: string }[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const model = train(rows.filter((_, i) => fold[i] !== f), releases);
    rows.forEach((q, i) => {
      if (fold[i] !== f) return;
      const type = typeOf.get(q.ask) ?? 'unanswerable';
      if (q.x.length === 0) {
        out.push({ ask: q.ask, type, p: -1, t: model.threshold, right: false, answerable: q.release !== null, reachable: false, answer: '' });
        return;
      }
      const scores = q.x.map((x) => logit(model.ranker, x));
      const order = scores.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
      const at = order[representativeOf(order.map((k) => ({ answer: q.answers[k]!, release: q.releases[k]!, x: q.x[k]! })))]!;
      const p = sigmoid(logit(model.confidence, confidenceInput(model.pointwise, q.x[at]!, scores, q.answers, at)));
      out.push({ ask: q.ask, type, p, t: model.threshold, right: q.y[at] === 1, answerable: q.release !== null, reachable: q.y.includes(1), answer: q.answers[at]! });
    });
  }
  // The figures below are over the headline questions, as `npm run eval`'s; extra ones only train.
  const extra = new Set([...set.qa, ...set.unanswerable].filter((q) => !isHeadline(q.source)).map((q) => q.ask));
  out.splice(0, out.length, ...out.filter((o) => !extra.has(o.ask)));
  const answered = out.filter((o) => o.p >= o.t);
  const right = answered.filter((o) => o.right).length;
  const ans = out.filter((o) => o.answerable);
  process.stdout.write(`rows-CV: right ${right}/${ans.length} (${((100 * right) / ans.length).toFixed(1)}%), wrong ${answered.length - right}/${answered.length}, top right ${out.filter((o) => o.right).length}, reachable ${out.filter((o) => o.reachable).length}\n`);
  // How well p separates: right answers reachable at each wrong budget if one threshold served all.
  const sorted = out.filter((o) => o.p >= 0).sort((a, b) => b.p - a.p);
  let r = 0;
  let w = 0;
  const at: Record<string, number> = {};
  for (const o of sorted) {
    if (o.right) r++;
    else w++;
    for (const budget of [0, 1, 2, 4, 8]) if (w <= budget) at[budget] = Math.max(at[budget] ?? 0, r);
  }
  process.stdout.write(`right at most N wrong (one global threshold): ${JSON.stringify(at)}\n`);
  const types = [...new Set(out.map((o) => o.type))];
  for (const t of types) {
    const of = out.filter((o) => o.type === t);
    process.stdout.write(`  ${t.padEnd(12)} right ${of.filter((o) => o.right && o.p >= o.t).length}/${of.length} top-right ${of.filter((o) => o.right).length} reachable ${of.filter((o) => o.reachable).length} wrong ${of.filter((o) => !o.right && o.p >= o.t).length}\n`);
  }
  if (process.argv.includes('-v')) for (const o of out) process.stdout.write(`${o.right ? 'R' : o.reachable ? 'r' : '-'} ${o.p.toFixed(3)}/${o.t.toFixed(3)} [${o.type}] ${o.ask} => ${o.answer}\n`);
} finally {
  await test.cleanup();
}
