import { makeEvalApp, FOLDS } from './evaluate.ts';
import { loadLabelledSet } from './labelled-set.ts';
import { collectRows, foldOf, train, WRONG_COST } from './train-model.ts';
import { logit, sigmoid, confidenceInput } from '../../src/answers/scorer.ts';
const set = loadLabelledSet();
const t = await makeEvalApp();
const t0 = Date.now();
const rows = collectRows(t.app, set);
console.error('collect ms', Date.now() - t0);
await t.cleanup();
const releases = [...new Set(set.qa.map((q) => q.release))].sort();
const fold = new Map<string, number>();
set.qa.forEach((q) => fold.set(q.ask, foldOf(q.release, 0, releases, FOLDS)));
set.unanswerable.forEach((q, i) => fold.set(q.ask, foldOf(null, i, releases, FOLDS)));
let right = 0, wrong = 0, declined = 0, top = 0, reach = 0, unansAnswered = 0;
const lines: string[] = [];
for (let f = 0; f < FOLDS; f++) {
  const m = train(rows.filter((r) => fold.get(r.ask) !== f), releases);
  for (const r of rows.filter((r) => fold.get(r.ask) === f)) {
    if (r.x.length === 0) { if (r.release) { declined++; lines.push(`NOCAND ${r.ask}`); } continue; }
    const sc = r.x.map((x) => logit(m.ranker, x));
    let b = 0; sc.forEach((v, i) => { if (v > sc[b]!) b = i; });
    let rival: number | null = null; sc.forEach((v, i) => { if (r.answers[i] !== r.answers[b] && (rival === null || v > rival)) rival = v; });
    const p = sigmoid(logit(m.confidence, confidenceInput(r.x[b]!, sc, r.answers, b))); void rival;
    const ok = r.y[b] === 1;
    if (r.release) { if (r.y.includes(1)) reach++; if (ok) top++; }
    const rightRank = r.y.includes(1) ? sc.filter((v) => v > Math.max(...sc.filter((_, i) => r.y[i] === 1))).length : -1;
    const tag = p >= m.threshold ? (ok ? 'RIGHT' : 'WRONG') : 'DECL';
    if (tag === 'RIGHT') right++; else if (tag === 'WRONG') { wrong++; if (!r.release) unansAnswered++; } else if (r.release) declined++;
    if (tag !== 'RIGHT' && (r.release || tag === 'WRONG')) lines.push(`${tag} p=${p.toFixed(2)}/${m.threshold.toFixed(2)} top=${ok ? 'right' : 'wrong'} rightRank=${rightRank} [${r.release ? 'q' : 'unans'}] ${r.ask} => "${r.answers[b]!.slice(0, 60)}"`);
  }
}
console.log(lines.sort().join('\n'));
console.log({ right, wrong, declined, top, reach, unansAnswered, cost: WRONG_COST });
