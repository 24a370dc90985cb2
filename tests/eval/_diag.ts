import { makeEvalApp } from './evaluate.ts';
import { loadLabelledSet } from './labelled-set.ts';
import { collectRows } from './train-model.ts';
const set = loadLabelledSet();
const t = await makeEvalApp();
const rows = collectRows(t.app, set);
for (const r of rows) if (r.release && !r.y.includes(1)) {
  const item = set.qa.find((q) => q.ask === r.ask)!;
  console.log(`[${item.source} ${item.type}] ${r.ask} => ${JSON.stringify(item.expect.slice(0, 2))} (${r.x.length} cands) e.g. ${JSON.stringify([...new Set(r.answers)].slice(0, 6))}`);
}
await t.cleanup();
