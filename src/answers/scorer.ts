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

/** The confidence model's input: the best candidate's features, its logit and its margin. */
export function confidenceInput(best: number[], bestLogit: number, runnerUpLogit: number | null): number[] {
  return [...best, bestLogit, runnerUpLogit === null ? 10 : Math.min(10, bestLogit - runnerUpLogit)];
}
