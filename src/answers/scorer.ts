import { readFileSync } from 'node:fs';
import { FEATURES } from './features.ts';

/** A logistic regression over standardised features. */
export interface Linear {
  /** Per feature: mean and spread of the training data, to standardise with. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

/**
 * The answer scorer, trained by `npm run train` (tests/eval/train.ts) on the labelled questions;
 * its weights are in model/weights.json. The ranker orders a question's candidates; the
 * confidence model says, from the best one's features and its lead over the runner-up, how
 * likely it is right; below `threshold` the bot declines.
 */
export interface Model {
  features: string[];
  ranker: Linear;
  /**
   * Right against wrong over every candidate of every question (each question weighing the
   * same): unlike the ranker, whose scores only order one question's candidates, its logit is
   * on one scale across questions, and it learns from thousands of wrong candidates.
   */
  pointwise: Linear;
  /** Over the features, then the ranker's logit and its margin over the next other answer. */
  confidence: Linear;
  threshold: number;
  /** What it was trained on, for the record. */
  trainedOn?: Record<string, number>;
}

let committed: Model | null = null;

/** The committed model, read on first use. */
export function committedModel(): Model {
  if (!committed) {
    const model = JSON.parse(readFileSync(new URL('./model/weights.json', import.meta.url), 'utf8')) as Model;
    if (model.features.join() !== FEATURES.join()) throw new Error('src/answers/model/weights.json does not match the features: run `npm run train`');
    committed = model;
  }
  return committed;
}

export function logit(m: Linear, x: number[]): number {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += m.weights[j]! * ((x[j]! - m.mean[j]!) / m.std[j]!);
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Features the confidence model sees besides the ranker's verdict: how much of the question the
 * passage and release hold, and the kinds of evidence missing. Fewer than the ranker's, as it
 * learns from one example a question.
 */
export const CONFIDENCE_NAMES = ['cov', 'covTypo', 'covExp', 'covPrev', 'covLead', 'covRelease', 'content', 'contentSent', 'verbAsked', 'verbStated', 'entity', 'votes', 'qYear', 'yearSeen', 'yearConflict', 'nTerms', 'unseen', 'stmtCov', 'agree', 'answerCommon', 'answerInQuestion', 'fragment'];
const CONFIDENCE_FEATURES = CONFIDENCE_NAMES.map((name) => (FEATURES as readonly string[]).indexOf(name));

/**
 * The confidence model's input for candidate `at` of a question: its features, its ranker
 * score, its lead over the best other answer, and the share of the ranker's softmax its answer
 * holds among all the question's candidates (several passages may give the same answer).
 */
export function confidenceInput(pointwise: Linear, features: number[], scores: number[], answers: string[], at: number): number[] {
  const mine = scores[at]!;
  let top = -Infinity;
  let rival: number | null = null;
  for (let i = 0; i < scores.length; i++) {
    top = Math.max(top, scores[i]!);
    if (answers[i] !== answers[at] && (rival === null || scores[i]! > rival)) rival = scores[i]!;
  }
  let same = 0;
  let all = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(scores[i]! - top);
    all += e;
    if (answers[i] === answers[at]) same += e;
  }
  const kept = CONFIDENCE_FEATURES.map((j) => features[j]!);
  return [...kept, mine, rival === null ? 10 : Math.min(10, mine - rival), same / all, logit(pointwise, features)];
}
