import type { Library } from '../library/types.ts';
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
const cache = new Map<string, AnalysedSentence>();
const gazetteers = new WeakMap<Library, { key: string; gazetteer: Gazetteer }>();

/**
 * The gazetteer of a library's taxonomy, rebuilt when the topics change (an edit of topics.yml
 * need not change the number of releases). Serialising ~100 topics costs microseconds.
 */
export function gazetteerOf(library: Library): Gazetteer {
  const topics = library.topics();
  const key = JSON.stringify(topics);
  const known = gazetteers.get(library);
  if (known && known.key === key) return known.gazetteer;
  const gazetteer = new Gazetteer(topics);
  gazetteers.set(library, { key, gazetteer });
  cache.clear();
  return gazetteer;
}

/** Tokens, entities and clauses of a sentence; recently analysed sentences are kept. */
export function analyseSentence(text: string, gazetteer: Gazetteer): AnalysedSentence {
  const hit = cache.get(text);
  if (hit) return hit;
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
  const analysed = { text, tokens, entities, segments };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, analysed);
  return analysed;
}
