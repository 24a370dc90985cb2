import type { Topic } from '../library/types.ts';
import { editDistance } from '../text/edit-distance.ts';
import { wordsOf } from '../index/words.ts';
import { unusableName } from './name-check.ts';

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
        // A cached or hand-built topic list may still hold a name every release has.
        if (!key || unusableName(name)) continue;
        const list = this.tagNames.get(key) ?? [];
        // Mentions (a capital, "economic") are in aliases but not synonyms: weak evidence.
        const weak = !t.synonyms.includes(name);
        list.push({ topic: t, weak, ...(ACRONYM.test(name) ? { acronym: name } : {}) });
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
   * Ids of the topics `text` (a title, a line break, the body) is about, in taxonomy order.
   * A label or alias anywhere is enough. A mention is weak evidence: a capital named in passing
   * ("RATS, headquartered in Tashkent") or one theme word ("social and cultural environment")
   * does not make the topic; it counts in the title or the opening sentence (where a release
   * says where and what), or when two different mentions of the topic occur.
   * Looks every run of up to maxAliasWords words up in a map, so the cost grows with the text,
   * not the list.
   */
  tag(text: string): string[] {
    const plain = text.normalize('NFD').replace(/\p{M}+/gu, '');
    const leadEnd = leadEndOf(plain);
    const matches = [...plain.matchAll(/[\p{L}\p{N}]+/gu)];
    const tokens = matches.map((m) => m[0]);
    const folded = tokens.map((t) => t.toLowerCase());
    const found = new Set<TaxonomyTopic>();
    const weakNames = new Map<TaxonomyTopic, Set<string>>();
    for (let i = 0; i < folded.length; i++) {
      let key = '';
      const inLead = matches[i]!.index < leadEnd;
      for (let n = 1; n <= this.maxAliasWords && i + n <= folded.length; n++) {
        key = n === 1 ? folded[i]! : `${key} ${folded[i + n - 1]}`;
        if (!this.tagPrefixes.has(key)) break;
        for (const hit of this.tagNames.get(key) ?? []) {
          if (hit.acronym && !(n === 1 && tokens[i] === hit.acronym)) continue;
          if (!hit.weak || inLead) {
            found.add(hit.topic);
            continue;
          }
          const names = weakNames.get(hit.topic) ?? new Set<string>();
          names.add(key);
          weakNames.set(hit.topic, names);
        }
      }
    }
    for (const [topic, names] of weakNames) if (names.size >= WEAK_NAMES_NEEDED) found.add(topic);
    return this.topics.filter((t) => found.has(t)).map((t) => t.id);
  }
}

/** Different mentions of a topic that make it without its name or the opening sentence. */
const WEAK_NAMES_NEEDED = 2;
/** The opening sentence is looked for this far into the body at most. */
const LEAD_MAX = 400;

/** Where the title and the opening sentence (or paragraph, if it ends sooner) end. */
function leadEndOf(text: string): number {
  const bodyStart = text.indexOf('\n') + 1;
  if (bodyStart === 0) return text.length;
  const window = text.slice(bodyStart, bodyStart + LEAD_MAX);
  const stop = /[.!?](?=\s|$)|\n/.exec(window.trimStart());
  const offset = window.length - window.trimStart().length;
  return bodyStart + (stop ? offset + stop.index + 1 : window.length);
}

interface TagName {
  topic: TaxonomyTopic;
  /** A mention, not a name of the topic: tags only with support (see tag). */
  weak: boolean;
  /** Set for all-capital acronyms, which tag only when written in capitals. */
  acronym?: string;
}

export function nameKey(name: string): string {
  return wordsOf(name).join(' ');
}

const ACRONYM = /^[A-Z0-9]{2,6}$/;

export const emptyTaxonomy = (): Taxonomy => new Taxonomy([]);
