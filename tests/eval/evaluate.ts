import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answers/answer.ts';
import type { AnswerResult } from '../../src/answers/types.ts';
import { makeTestApp, FIXTURES } from '../helpers/test-app.ts';
import type { ListSettings } from '../../src/index/top-lists.ts';

interface QaItem {
  ask: string;
  expect: string[];
  release: string;
  type: string;
}
interface EvalSet {
  qa: QaItem[];
  unanswerable: { ask: string }[];
  latest: { ask: string; release: string }[];
  lookups: { query: string; release: string }[];
}

export interface Ratio {
  hit: number;
  of: number;
}

export interface EvalReport {
  answerAccuracy: Ratio;
  citationPrecision: Ratio;
  declineAccuracy: Ratio;
  latestAccuracy: Ratio;
  /** Answerable questions answered with something other than an expected answer. */
  wrongAnswers: Ratio;
  hitAt1: Ratio;
  hitAt3: Ratio;
  mrr: { sum: number; of: number };
  failures: string[];
  millisPerQuestion: number;
}

/** The labelled set: ours plus the shared corpus's questions (their `file` names become ids). */
export function loadEvalSet(): EvalSet {
  const ours = JSON.parse(readFileSync(join(import.meta.dirname, 'questions.json'), 'utf8')) as EvalSet;
  const shared = JSON.parse(readFileSync(join(FIXTURES, 'corpus/questions.json'), 'utf8')) as {
    qa: { ask: string; expect: string[]; file: string; type: string }[];
  };
  const sharedQa = shared.qa.map((q) => ({ ask: q.ask, expect: q.expect, release: q.file.replace(/\.(txt|md)$/, ''), type: q.type }));
  return { ...ours, qa: [...ours.qa, ...sharedQa] };
}

const pct = (r: Ratio) => (r.of === 0 ? 'n/a' : `${((100 * r.hit) / r.of).toFixed(1)}%`);
export function formatRatio(name: string, r: Ratio): string {
  return `${name} ${r.hit}/${r.of} = ${pct(r)}`;
}

/**
 * Runs every labelled question and lookup over seed + shared corpus in a temporary app.
 * `lists` makes the small corpus take the big-index path (ranking lists, answers from the best
 * releases' sentences), to check its quality.
 */
export async function runEvaluation(options: { lists?: ListSettings } = {}): Promise<EvalReport> {
  const set = loadEvalSet();
  const test = await makeTestApp({ corpus: 'both', ...(options.lists ? { lists: options.lists } : {}) });
  const report: EvalReport = {
    answerAccuracy: { hit: 0, of: 0 },
    citationPrecision: { hit: 0, of: 0 },
    declineAccuracy: { hit: 0, of: 0 },
    latestAccuracy: { hit: 0, of: 0 },
    wrongAnswers: { hit: 0, of: 0 },
    hitAt1: { hit: 0, of: 0 },
    hitAt3: { hit: 0, of: 0 },
    mrr: { sum: 0, of: 0 },
    failures: [],
    millisPerQuestion: 0,
  };
  const started = Date.now();
  let asked = 0;
  const ask = async (q: string): Promise<AnswerResult> => {
    asked++;
    return answerQuestion(test.app, q);
  };
  try {
    for (const item of set.qa) {
      const r = await ask(item.ask);
      report.answerAccuracy.of++;
      report.wrongAnswers.of++;
      const answer = r.answer?.toLowerCase() ?? null;
      const right = answer !== null && item.expect.some((e) => answer.includes(e.toLowerCase()));
      if (right) report.answerAccuracy.hit++;
      if (answer !== null && !right) report.wrongAnswers.hit++;
      if (answer !== null) {
        for (const c of r.citations) {
          report.citationPrecision.of++;
          if (c.id === item.release) report.citationPrecision.hit++;
        }
      }
      const cited = r.citations.map((c) => c.id).join(',');
      if (!right || r.citations.some((c) => c.id !== item.release)) {
        report.failures.push(`[${item.type}] ${item.ask}\n    expected ${JSON.stringify(item.expect)} from ${item.release}\n    got ${JSON.stringify(r.answer)} from ${cited || '-'}`);
      }
    }
    for (const item of set.unanswerable) {
      const r = await ask(item.ask);
      report.declineAccuracy.of++;
      if (r.answer === null) report.declineAccuracy.hit++;
      else report.failures.push(`[unanswerable] ${item.ask}\n    got ${JSON.stringify(r.answer)} from ${r.citations.map((c) => c.id).join(',')}`);
    }
    for (const item of set.latest) {
      const r = await ask(item.ask);
      report.latestAccuracy.of++;
      if (r.answer !== null) {
        for (const c of r.citations.slice(0, 1)) {
          report.citationPrecision.of++;
          if (c.id === item.release) report.citationPrecision.hit++;
        }
      }
      if (r.citations[0]?.id === item.release) report.latestAccuracy.hit++;
      else report.failures.push(`[latest] ${item.ask}\n    expected ${item.release}, got ${r.citations.map((c) => c.id).join(',') || '-'}`);
    }
    report.millisPerQuestion = Math.round((Date.now() - started) / Math.max(1, asked));
    for (const item of set.lookups) {
      const ids = test.app.library.search(item.query, { limit: 10 }).hits.map((h) => h.release.id);
      const rank = ids.indexOf(item.release) + 1;
      report.hitAt1.of++;
      report.hitAt3.of++;
      report.mrr.of++;
      if (rank === 1) report.hitAt1.hit++;
      if (rank >= 1 && rank <= 3) report.hitAt3.hit++;
      if (rank >= 1) report.mrr.sum += 1 / rank;
      if (rank !== 1) report.failures.push(`[lookup] ${item.query}\n    expected ${item.release} first, got ${ids.slice(0, 3).join(', ') || '-'}`);
    }
  } finally {
    await test.cleanup();
  }
  return report;
}

export function formatReport(r: EvalReport): string {
  return [
    formatRatio('answer accuracy', r.answerAccuracy),
    formatRatio('citation precision', r.citationPrecision),
    formatRatio('decline accuracy', r.declineAccuracy),
    formatRatio('latest-on-topic accuracy', r.latestAccuracy),
    formatRatio('wrong answers (answered, not expected)', r.wrongAnswers),
    formatRatio('lookup Hit@1', r.hitAt1),
    formatRatio('lookup Hit@3', r.hitAt3),
    `lookup MRR ${r.mrr.sum.toFixed(2)}/${r.mrr.of} = ${(r.mrr.of ? r.mrr.sum / r.mrr.of : 0).toFixed(3)}`,
    `time per question ${r.millisPerQuestion} ms`,
  ].join('\n');
}
