import type { Topic } from '../library/types.ts';
import { editDistance } from '../text/edit-distance.ts';
import { wordsOf } from '../index/words.ts';

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

  private readonly tagNames = new Map<string, TagName[]>();
  /** Every leading run of words of a name, so tagging stops extending a run early. */
  private readonly tagPrefixes = new Set<string>();

  constructor(readonly topics: TaxonomyTopic[]) {
    let max = 1;
    for (const t of topics) {
      this.byId.set(t.id, t);
      for (const name of [t.label, ...t.aliases]) {
        const key = nameKey(name);
        if (!key) continue;
        const list = this.tagNames.get(key) ?? [];
        list.push(ACRONYM.test(name) ? { topic: t, acronym: name } : { topic: t });
        this.tagNames.set(key, list);
        const words = key.split(' ');
        for (let n = 1; n <= words.length; n++) this.tagPrefixes.add(words.slice(0, n).join(' '));
      }
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

  /**
   * The topic whose id, label or alias is nearest to a mistyped `name` (one edit for short
   * names, two for long ones), with the name it matched; null when none is that close.
   */
  closest(name: string): { topic: TaxonomyTopic; name: string } | null {
    const key = nameKey(name);
    if (key.length < 4) return null;
    const max = key.length >= 8 ? 2 : 1;
    let best: { topic: TaxonomyTopic; name: string; d: number } | null = null;
    for (const [candidate, topics] of this.byName) {
      const d = editDistance(key, candidate, max);
      if (d <= max && (!best || d < best.d)) best = { topic: topics[0]!, name: candidate, d };
    }
    return best && { topic: best.topic, name: best.name };
  }

  /** Topics named by `name` (an id, label or alias, any case). */
  lookup(name: string): TaxonomyTopic[] {
    return this.byName.get(nameKey(name)) ?? [];
  }

  /**
   * Ids of the topics whose label or aliases occur in `text`, in taxonomy order. Looks every
   * run of up to maxAliasWords words up in a map, so the cost grows with the text, not the list.
   */
  tag(text: string): string[] {
    const tokens = [...text.normalize('NFD').replace(/\p{M}+/gu, '').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
    const folded = tokens.map((t) => t.toLowerCase());
    const found = new Set<TaxonomyTopic>();
    for (let i = 0; i < folded.length; i++) {
      let key = '';
      for (let n = 1; n <= this.maxAliasWords && i + n <= folded.length; n++) {
        key = n === 1 ? folded[i]! : `${key} ${folded[i + n - 1]}`;
        if (!this.tagPrefixes.has(key)) break;
        for (const hit of this.tagNames.get(key) ?? []) {
          if (!hit.acronym || (n === 1 && tokens[i] === hit.acronym)) found.add(hit.topic);
        }
      }
    }
    return this.topics.filter((t) => found.has(t)).map((t) => t.id);
  }
}

interface TagName {
  topic: TaxonomyTopic;
  /** Set for all-capital acronyms, which tag only when written in capitals. */
  acronym?: string;
}

export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

const ACRONYM = /^[A-Z0-9]{2,6}$/;

export const emptyTaxonomy = (): Taxonomy => new Taxonomy([]);
