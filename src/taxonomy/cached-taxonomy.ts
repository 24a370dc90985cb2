import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadTaxonomy, parseTaxonomy, type TaxonomyLoad } from './load-taxonomy.ts';
import { Taxonomy, type TaxonomyTopic } from './taxonomy.ts';
import type { LoadProblem } from '../releases/release.ts';

/** Where the parsed taxonomy is kept between runs (the index's meta table). */
export interface TaxonomyCache {
  get(): string | null;
  set(value: string): void;
}

/** Bump when parsing changes, so a cached parse made by the old rules is not reused. */
const PARSER_VERSION = 2;

interface Cached {
  digest: string;
  topics: TaxonomyTopic[];
  problems: LoadProblem[];
}

/**
 * loadTaxonomy with the parsed result cached under the file's content hash: parsing YAML and
 * checking it costs tens of milliseconds, reading and hashing the file well under one.
 */
export function loadTaxonomyCached(path: string, cache: TaxonomyCache): TaxonomyLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return loadTaxonomy(path);
  }
  const digest = createHash('sha256').update(`${PARSER_VERSION}\0`).update(path).update('\0').update(text).digest('hex');
  try {
    const hit = JSON.parse(cache.get() ?? 'null') as Cached | null;
    if (hit?.digest === digest) return { taxonomy: new Taxonomy(hit.topics), problems: hit.problems };
  } catch {
    // A damaged cache entry is simply replaced.
  }
  const load = parseTaxonomy(text, path);
  cache.set(JSON.stringify({ digest, topics: load.taxonomy.topics, problems: load.problems } satisfies Cached));
  return load;
}
