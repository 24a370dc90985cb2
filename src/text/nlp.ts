import type { WinkMethods } from 'wink-nlp';
import { lazyRequire } from '../util/lazy-require.ts';

const winkNLP = lazyRequire<typeof import('wink-nlp').default>('wink-nlp');
const model = lazyRequire<typeof import('wink-eng-lite-web-model').default>('wink-eng-lite-web-model');

/**
 * wink-nlp instances, loaded once and only when first needed: loading the model takes ~150 ms,
 * which `sco` commands that never split or analyse text should not pay.
 */
let splitter: WinkMethods | null = null;
let analyser: WinkMethods | null = null;

/** Sentence boundaries only: ~4x faster than the full pipeline, used at indexing. */
export function sentenceNlp(): WinkMethods {
  splitter ??= winkNLP()(model(), ['sbd']);
  return splitter;
}

/** Sentences, parts of speech and entities, used on questions and candidate answers. */
export function fullNlp(): WinkMethods {
  analyser ??= winkNLP()(model(), ['sbd', 'pos', 'ner']);
  return analyser;
}
