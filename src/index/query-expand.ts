import { nameKey, type Taxonomy } from '../taxonomy/taxonomy.ts';
import type { QueryTerm } from './query-parse.ts';
import { spellingVariants } from './query-spelling.ts';
import { ftsPhrase } from './words.ts';

/** One part of a query: any of its alternatives may match (the term, its spellings, its aliases). */
export interface TermGroup {
  /** Alternatives as word lists; each becomes a quoted FTS phrase. */
  alternatives: string[][];
  negated: boolean;
  prefix: boolean;
  /** The words as typed (after correction), for notes. */
  words: string[];
}

const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'from', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'what', 'when', 'where', 'who', 'whom', 'which', 'why',
  'how', 'did', 'do', 'does', 'has', 'have', 'had', 'about', 'into', 'any', 'all', 's', 'me', 'tell', 'there', 'their', 'i', 'we', 'you']);

/**
 * Turns terms into groups: runs of free words that name a topic become one phrase group with the
 * topic's synonyms (MSC <-> Munich Security Conference), single words get their other
 * spellings, and filler words are dropped when other words remain.
 */
export function expandTerms(terms: QueryTerm[], taxonomy: Taxonomy): TermGroup[] {
  const groups: TermGroup[] = [];
  let i = 0;
  while (i < terms.length) {
    const t = terms[i]!;
    if (t.quoted || t.negated || t.prefix || t.words.length > 1) {
      groups.push(group(t.words, synonymsOf(t.words, taxonomy), t.negated, t.prefix));
      i++;
      continue;
    }
    // Longest run of free single words starting here that is a topic name.
    let matched = 0;
    let synonyms: string[][] = [];
    const maxRun = Math.min(taxonomy.maxAliasWords, terms.length - i);
    for (let n = maxRun; n >= 1 && matched === 0; n--) {
      const run = terms.slice(i, i + n);
      if (run.some((r) => r.quoted || r.negated || r.prefix || r.words.length > 1)) continue;
      const words = run.map((r) => r.words[0]!);
      const syn = synonymsOf(words, taxonomy);
      if (syn.length) {
        matched = n;
        synonyms = syn;
      }
    }
    const n = Math.max(matched, 1);
    groups.push(group(terms.slice(i, i + n).flatMap((r) => r.words), synonyms, false, false));
    i += n;
  }
  const meaningful = groups.filter((g) => g.negated || g.words.length > 1 || !STOPWORDS.has(g.words[0]!));
  return meaningful.some((g) => !g.negated) ? meaningful : groups;
}

function synonymsOf(words: string[], taxonomy: Taxonomy): string[][] {
  const key = words.join(' ');
  const out: string[][] = [];
  for (const topic of taxonomy.lookup(key)) {
    const names = topic.synonyms.map(nameKey);
    if (!names.includes(key)) continue;
    for (const n of names) if (n && n !== key) out.push(n.split(' '));
  }
  return out;
}

function group(words: string[], synonyms: string[][], negated: boolean, prefix: boolean): TermGroup {
  const alternatives = [words, ...synonyms];
  for (const alt of [...alternatives]) {
    const swapped = alt.map((w) => spellingVariants(w)[0] ?? w);
    if (swapped.some((w, k) => w !== alt[k])) alternatives.push(swapped);
  }
  const seen = new Set<string>();
  return {
    alternatives: alternatives.filter((a) => !seen.has(a.join(' ')) && seen.add(a.join(' '))),
    negated,
    prefix,
    words,
  };
}

/** An FTS5 MATCH expression; every token is quoted, so it is valid whatever was typed. */
export function buildMatch(groups: TermGroup[], mode: 'all' | 'any'): string | null {
  const positive = groups.filter((g) => !g.negated);
  if (!positive.length) return null;
  const part = (g: TermGroup) => `(${alternativePhrases(g).join(' OR ')})`;
  let expr = positive.map(part).join(mode === 'all' ? ' AND ' : ' OR ');
  const negative = groups.filter((g) => g.negated);
  if (negative.length) expr = `(${expr}) NOT (${negative.map(part).join(' OR ')})`;
  return expr;
}

/** The group's alternatives as FTS5 phrases, as they appear in the MATCH expression. */
export function alternativePhrases(g: TermGroup): string[] {
  return g.alternatives.map((a) => ftsPhrase(a) + (g.prefix ? ' *' : ''));
}
