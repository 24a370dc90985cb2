import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answers/answer.ts';
import type { AnswerResult } from '../../src/answers/types.ts';
import type { Services } from '../../src/services.ts';
import type { ListSettings } from '../../src/index/top-lists.ts';
import { makeTestApp, type TestApp } from '../helpers/test-app.ts';
import { collectRows, foldOf, train } from './train-model.ts';
import { DEV_RELEASES, isHeadline, judge, loadLabelledSet, releaseOrder, states, type LabelledSet, type Outcome, type Source } from './labelled-set.ts';

export interface Ratio {
  hit: number;
  of: number;
}

export interface EvalReport {
  /** Short answers holding an expected form. */
  answerAccuracy: Ratio;
  /** Answers holding an expected form only in a text too long to count as short. */
  longAnswers: Ratio;
  /** Answerable questions answered with something other than an expected answer, of all answered. */
  wrongAnswers: Ratio;
  /** Answerable questions declined. */
  declinedAnswerable: Ratio;
  citationPrecision: Ratio;
  declineAccuracy: Ratio;
  latestAccuracy: Ratio;
  bySource: Record<Source, { right: number; long: number; wrong: number; declined: number; of: number; unanswerableDeclined: number; unanswerable: number; latest: number; latestOf: number }>;
  hitAt1: Ratio;
  hitAt3: Ratio;
  mrr: { sum: number; of: number };
  /** Answered but wrong (or wrongly cited), and answered when nothing answers: the costly misses. */
  wrong: string[];
  /** Answerable questions declined, latest misses and lookups: the cheap misses. */
  failures: string[];
  millisPerQuestion: number;
}

/** Answers one question: the engine with its committed model, or a model trained in a fold. */
export type Asker = (app: Services, question: string) => Promise<AnswerResult>;

/** An app over every release the labelled set refers to: seed, shared corpus and dev set. */
export async function makeEvalApp(options: { lists?: ListSettings } = {}): Promise<TestApp> {
  const test = await makeTestApp({ corpus: 'both', ...(options.lists ? { lists: options.lists } : {}) });
  for (const f of readdirSync(DEV_RELEASES)) cpSync(join(DEV_RELEASES, f), join(test.contentDir, 'releases', f));
  await test.app.library.refresh();
  return test;
}

export function emptyReport(): EvalReport {
  const source = () => ({ right: 0, long: 0, wrong: 0, declined: 0, of: 0, unanswerableDeclined: 0, unanswerable: 0, latest: 0, latestOf: 0 });
  return {
    answerAccuracy: { hit: 0, of: 0 },
    longAnswers: { hit: 0, of: 0 },
    wrongAnswers: { hit: 0, of: 0 },
    declinedAnswerable: { hit: 0, of: 0 },
    citationPrecision: { hit: 0, of: 0 },
    declineAccuracy: { hit: 0, of: 0 },
    latestAccuracy: { hit: 0, of: 0 },
    bySource: { team: source(), corpus: source(), dev: source(), extra: source() },
    hitAt1: { hit: 0, of: 0 },
    hitAt3: { hit: 0, of: 0 },
    mrr: { sum: 0, of: 0 },
    wrong: [],
    failures: [],
    millisPerQuestion: 0,
  };
}

/**
 * Asks the questions of `set` (all of it, or the parts `include` keeps) and adds what happened
 * to `report`. Answered-wrong counts over answered questions (answerable or not).
 */
export async function askAll(app: Services, set: LabelledSet, ask: Asker, report: EvalReport, include: (ask: string) => boolean = () => true): Promise<void> {
  const started = Date.now();
  let asked = 0;
  // Extra questions count on their own line only (see Source); their totals go to a sink.
  const sink = emptyReport();
  const totalsOf = (source: Source) => (isHeadline(source) ? report : sink);
  for (const item of set.qa) {
    if (!include(item.ask)) continue;
    asked++;
    const t = totalsOf(item.source);
    const r = await ask(app, item.ask);
    const outcome: Outcome = judge(item, r.answer);
    const cited = r.citations.map((c) => c.id);
    const citedRight = cited.length > 0 && cited.every((id) => states(item, id));
    const src = report.bySource[item.source];
    src.of++;
    t.answerAccuracy.of++;
    t.longAnswers.of++;
    t.declinedAnswerable.of++;
    const line = `[${item.source} ${item.type}] ${item.ask}\n    expected ${JSON.stringify(item.expect)} from ${item.release}\n    got ${JSON.stringify(r.answer)} from ${cited.join(',') || '-'}`;
    if (outcome === 'declined') {
      t.declinedAnswerable.hit++;
      src.declined++;
      report.failures.push(line);
      continue;
    }
    t.wrongAnswers.of++;
    for (const id of cited) {
      t.citationPrecision.of++;
      if (states(item, id)) t.citationPrecision.hit++;
    }
    // A right answer from a release that does not say it is still a wrong citation.
    if (outcome === 'wrong' || !citedRight) {
      t.wrongAnswers.hit++;
      src.wrong++;
      report.wrong.push(line);
    } else if (outcome === 'long') {
      t.longAnswers.hit++;
      src.long++;
      report.failures.push(`${line} (too long)`);
    } else {
      t.answerAccuracy.hit++;
      src.right++;
    }
  }
  for (const item of set.unanswerable) {
    if (!include(item.ask)) continue;
    asked++;
    const t = totalsOf(item.source);
    const r = await ask(app, item.ask);
    const src = report.bySource[item.source];
    src.unanswerable++;
    t.declineAccuracy.of++;
    if (r.answer === null) {
      t.declineAccuracy.hit++;
      src.unanswerableDeclined++;
    } else {
      t.wrongAnswers.of++;
      t.wrongAnswers.hit++;
      report.wrong.push(`[${item.source} unanswerable] ${item.ask}\n    got ${JSON.stringify(r.answer)} from ${r.citations.map((c) => c.id).join(',')}`);
    }
  }
  for (const item of set.latest) {
    if (!include(item.ask)) continue;
    asked++;
    const t = totalsOf(item.source);
    const r = await ask(app, item.ask);
    const src = report.bySource[item.source];
    src.latestOf++;
    t.latestAccuracy.of++;
    if (r.citations[0]?.id === item.release) {
      t.latestAccuracy.hit++;
      src.latest++;
    } else report.failures.push(`[${item.source} latest] ${item.ask}\n    expected ${item.release}, got ${r.citations.map((c) => c.id).join(',') || '-'}`);
  }
  report.millisPerQuestion = Math.round((Date.now() - started) / Math.max(1, asked));
}

/** The lookups of the team's set: rank of the expected release among `/sco` results. */
export function runLookups(app: Services, set: LabelledSet, report: EvalReport): void {
  for (const item of set.lookups) {
    const ids = app.library.search(item.query, { limit: 10 }).hits.map((h) => h.release.id);
    const rank = ids.indexOf(item.release) + 1;
    report.hitAt1.of++;
    report.hitAt3.of++;
    report.mrr.of++;
    if (rank === 1) report.hitAt1.hit++;
    if (rank >= 1 && rank <= 3) report.hitAt3.hit++;
    if (rank >= 1) report.mrr.sum += 1 / rank;
    if (rank !== 1) report.failures.push(`[lookup] ${item.query}\n    expected ${item.release} first, got ${ids.slice(0, 3).join(', ') || '-'}`);
  }
}

/**
 * In-sample figures: every labelled question answered by the engine with its committed model
 * over seed + shared corpus + dev releases. These questions trained that model, so the figures
 * say little about new questions; `crossValidate` gives the honest ones.
 */
export async function runEvaluation(options: { lists?: ListSettings; ask?: Asker } = {}): Promise<EvalReport> {
  const set = loadLabelledSet();
  const test = await makeEvalApp(options);
  const report = emptyReport();
  try {
    await askAll(test.app, set, options.ask ?? ((app, q) => answerQuestion(app, q)), report);
    runLookups(test.app, set, report);
  } finally {
    await test.cleanup();
  }
  return report;
}

const pct = (r: Ratio) => (r.of === 0 ? 'n/a' : `${((100 * r.hit) / r.of).toFixed(1)}%`);
export function formatRatio(name: string, r: Ratio): string {
  return `${name} ${r.hit}/${r.of} = ${pct(r)}`;
}

export function formatReport(r: EvalReport): string {
  const rows = (Object.keys(r.bySource) as Source[]).map((k) => {
    const s = r.bySource[k];
    return `  ${k.padEnd(6)} short right ${s.right}/${s.of}, only long ${s.long}, wrong ${s.wrong}, declined ${s.declined}; unanswerable declined ${s.unanswerableDeclined}/${s.unanswerable}; latest ${s.latest}/${s.latestOf}`;
  });
  return [
    formatRatio('short right answers', r.answerAccuracy),
    formatRatio('right only as a long text', r.longAnswers),
    formatRatio('answerable declined', r.declinedAnswerable),
    formatRatio('wrong answers (of answered, incl. unanswerable answered)', r.wrongAnswers),
    formatRatio('citation precision', r.citationPrecision),
    formatRatio('unanswerable declined', r.declineAccuracy),
    formatRatio('latest-on-topic accuracy', r.latestAccuracy),
    ...rows,
    ...(r.hitAt1.of ? [formatRatio('lookup Hit@1', r.hitAt1), formatRatio('lookup Hit@3', r.hitAt3), `lookup MRR ${r.mrr.sum.toFixed(2)}/${r.mrr.of} = ${(r.mrr.of ? r.mrr.sum / r.mrr.of : 0).toFixed(3)}`] : []),
    `time per question ${r.millisPerQuestion} ms`,
  ].join('\n');
}

/** Folds of the cross-validation: the labelled set's releases dealt round, five ways. */
export const FOLDS = 5;

/**
 * Cross-validated figures: the releases split into FOLDS folds; for each, a model trained on
 * the questions about the other folds' releases (and the other unanswerable questions) answers
 * the questions about this fold's. Every question is answered by a model that never saw it or
 * any question on its release. These are the figures to quote.
 */
export async function crossValidate(options: { lists?: ListSettings } = {}): Promise<EvalReport> {
  const set = loadLabelledSet();
  const test = await makeEvalApp(options);
  const report = emptyReport();
  try {
    const rows = collectRows(test.app, set);
    const releases = releaseOrder(set);
    const foldByAsk = new Map<string, number>();
    set.qa.forEach((q) => foldByAsk.set(q.ask, foldOf(q.release, 0, releases, FOLDS)));
    set.unanswerable.forEach((q, i) => foldByAsk.set(q.ask, foldOf(null, i, releases, FOLDS)));
    set.latest.forEach((q, i) => foldByAsk.set(q.ask, i % FOLDS));
    let millis = 0;
    for (let f = 0; f < FOLDS; f++) {
      const model = train(rows.filter((r) => foldByAsk.get(r.ask) !== f), releases);
      const before = Date.now();
      await askAll(test.app, set, (app, q) => answerQuestion(app, q, { model }), report, (ask) => foldByAsk.get(ask) === f);
      millis += Date.now() - before;
    }
    report.millisPerQuestion = Math.round(millis / Math.max(1, set.qa.length + set.unanswerable.length + set.latest.length));
  } finally {
    await test.cleanup();
  }
  return report;
}
