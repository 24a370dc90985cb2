import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { capQuestion } from '../text/limits.ts';
import type { Corrector } from './query-correct.ts';
import { expandTerms, type TermGroup } from './query-expand.ts';
import { parseQuery, type QueryTerm } from './query-parse.ts';
import type { SearchNote } from './search-note.ts';

/** What a query means once parsed, corrected and expanded: ready to run against the index. */
export interface QueryPlan {
  groups: TermGroup[];
  since?: string;
  until?: string;
  /** Topic ids every result must carry. */
  topicIds: string[];
  notes: SearchNote[];
  /** The query with typos corrected, when any were. */
  showingFor?: string;
}

export function planQuery(typed: string, taxonomy: Taxonomy, corrector: Corrector): QueryPlan {
  // Every lookup and every question's sentence search comes through here: cap it once.
  const input = capQuestion(typed);
  const parsed = parseQuery(input);
  const notes = [...parsed.notes];
  const topicIds: string[] = [];
  const terms: QueryTerm[] = [...parsed.terms];
  const corrections = new Map<string, string>();
  for (const value of parsed.topics) {
    const topic = taxonomy.lookup(value)[0];
    const near = topic ? null : taxonomy.closest(value);
    if (topic) {
      topicIds.push(topic.id);
    } else if (near) {
      topicIds.push(near.topic.id);
      corrections.set(value, near.name);
    } else {
      notes.push({ code: 'unknown_topic', topic: value });
      for (const term of parseQuery(value.replace(/"/g, ' ')).terms) terms.push(term);
    }
  }
  for (const term of terms) {
    if (term.negated || term.prefix) continue;
    term.words = term.words.map((w) => {
      if (taxonomy.lookup(w).length) return w;
      const fixed = corrector.correct(w);
      if (!fixed) return w;
      corrections.set(w, fixed);
      return fixed;
    });
  }
  const plan: QueryPlan = { groups: expandTerms(terms, taxonomy), topicIds, notes };
  if (parsed.since) plan.since = parsed.since;
  if (parsed.until) plan.until = parsed.until;
  if (corrections.size) plan.showingFor = rewrite(input, corrections);
  return plan;
}

function rewrite(input: string, corrections: Map<string, string>): string {
  let out = input.trim();
  for (const [from, to] of corrections) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), to);
  }
  return out;
}
