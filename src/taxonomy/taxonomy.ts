import type { Topic } from '../library/types.ts';
import { foldCase, wordsOf } from '../index/words.ts';

/** A topic with what the library needs to tag text and expand queries. */
export interface TaxonomyTopic extends Topic {
  /** Names that mean the same thing: a query for one also finds the others. */
  synonyms: string[];
}

/**
 * The topic list with fast lookups. Tagging matches whole words; all-capital acronyms match
 * only in capitals so "RATS" tags a release and "rats" does not.
 */
export class Taxonomy {
  private readonly byName = new Map<string, TaxonomyTopic[]>();
  private readonly byId = new Map<string, TaxonomyTopic>();
  /** Longest alias length in words, to bound n-gram lookups in queries. */
  readonly maxAliasWords: number;

  constructor(readonly topics: TaxonomyTopic[]) {
    let max = 1;
    for (const t of topics) {
      this.byId.set(t.id, t);
      for (const name of [t.id, t.label, ...t.aliases]) {
        const key = nameKey(name);
        if (!key) continue;
        max = Math.max(max, key.split(' ').length);
        const list = this.byName.get(key) ?? [];
        if (!list.includes(t)) list.push(t);
        this.byName.set(key, list);
      }
    }
    this.maxAliasWords = max;
  }

  get(id: string): TaxonomyTopic | undefined {
    return this.byId.get(id);
  }

  /** Topics named by `name` (an id, label or alias, any case). */
  lookup(name: string): TaxonomyTopic[] {
    return this.byName.get(nameKey(name)) ?? [];
  }

  /** Ids of the topics whose label or aliases occur in `text`. */
  tag(text: string): string[] {
    const folded = ` ${wordsOf(text).join(' ')} `;
    const found: string[] = [];
    for (const t of this.topics) {
      if ([t.label, ...t.aliases].some((name) => occurs(name, text, folded))) found.push(t.id);
    }
    return found;
  }
}

export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

const ACRONYM = /^[A-Z0-9]{2,6}$/;

function occurs(name: string, text: string, folded: string): boolean {
  if (ACRONYM.test(name)) return new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'u').test(text);
  const key = nameKey(name);
  return key.length > 0 && folded.includes(` ${key} `);
}

export const emptyTaxonomy = (): Taxonomy => new Taxonomy([]);

/** Case-folded form used to compare names typed by people. */
export const fold = foldCase;
