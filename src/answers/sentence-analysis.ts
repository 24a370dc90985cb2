import type { Library, Topic } from '../library/types.ts';
import { findEntities, type Entity } from '../text/entities.ts';
import { Gazetteer } from '../text/gazetteer.ts';
import { tokenise, type Token } from '../text/tokens.ts';

export interface AnalysedSentence {
  text: string;
  tokens: Token[];
  entities: Entity[];
  /** Clause number of each token: commas, brackets, semicolons and "and" start a new one. */
  segments: number[];
}

const CACHE_SIZE = 5000;
/** Taxonomies kept (each with its cached sentences): the current one and the one before an edit of topics.yml. */
const TAXONOMIES = 2;

/** Sentences read against one taxonomy: its gazetteer, and the sentences recently analysed with it. */
export class SentenceAnalyser {
  readonly gazetteer: Gazetteer;
  private readonly cache = new Map<string, AnalysedSentence>();

  constructor(topics: Topic[]) {
    this.gazetteer = new Gazetteer(topics);
  }

  analyse(text: string): AnalysedSentence {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const analysed = analyseSentence(text, this.gazetteer);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(text, analysed);
    return analysed;
  }
}

/**
 * Analysers by the taxonomy they read with (its serialisation, which costs microseconds for
 * ~100 topics): a memo of a pure function of the topics, so an edit of topics.yml gets a new
 * one and two libraries with the same topics share one.
 */
const analysers = new Map<string, SentenceAnalyser>();

/** The analyser for a library's current taxonomy. */
export function analyserOf(library: Library): SentenceAnalyser {
  const topics = library.topics();
  const key = JSON.stringify(topics);
  let known = analysers.get(key);
  if (!known) {
    if (analysers.size >= TAXONOMIES) analysers.delete(analysers.keys().next().value!);
    known = new SentenceAnalyser(topics);
    analysers.set(key, known);
  }
  return known;
}

/** The gazetteer of a library's taxonomy. */
export function gazetteerOf(library: Library): Gazetteer {
  return analyserOf(library).gazetteer;
}

/** Tokens, entities and clauses of a sentence (SentenceAnalyser keeps recent ones). */
export function analyseSentence(text: string, gazetteer: Gazetteer): AnalysedSentence {
  const { tokens, winkEntities } = tokenise(text);
  const entities = findEntities(text, tokens, winkEntities, gazetteer);
  const inside = new Array<boolean>(tokens.length).fill(false);
  for (const e of entities) for (let i = e.first; i <= e.last; i++) inside[i] = true;
  const segments: number[] = [];
  let segment = 0;
  tokens.forEach((t, i) => {
    // "scientific and practical conference" coordinates two words of one phrase: no new clause.
    const modifiers = t.lower === 'and' && /^(ADJ|NOUN)$/.test(tokens[i - 1]?.pos ?? '') && tokens[i + 1]?.pos === 'ADJ';
    const cut = !inside[i] && !modifiers && ([',', ';', ':', '(', ')', '–', '—'].includes(t.text) || ['and', 'but', 'while', 'whereas', 'which', 'who'].includes(t.lower));
    if (cut) segment++;
    segments.push(segment);
  });
  return { text, tokens, entities, segments };
}
