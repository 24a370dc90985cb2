import type { QuestionTerm } from './question.ts';
import { relatedWords } from './wordnet.ts';
import { SETTINGS } from './model/settings.ts';

/** A word related to a question's term that the release may use instead. */
export interface Expansion {
  /** Lower case; may be a phrase ("press conference"). */
  text: string;
  kind: 'synonym' | 'derived' | 'title';
}

/**
 * Titles and their short forms as people type them in chat, and the few words of the releases'
 * register WordNet lacks: it has no "SG", no "presser", no "headquartered", and the taxonomy
 * lists places and bodies, not offices.
 */
const TITLES: Record<string, string[]> = {
  sg: ['secretary-general'],
  dsg: ['deputy secretary-general'],
  fm: ['foreign minister', 'minister of foreign affairs'],
  pm: ['prime minister'],
  chief: ['secretary-general', 'head'],
  boss: ['head', 'secretary-general', 'director'],
  presser: ['press conference', 'news conference', 'briefing'],
  hq: ['headquarters', 'headquartered'],
  // WordNet has no "headquartered": where a body is based, the releases say where it is headquartered.
  based: ['headquartered', 'headquarters', 'located'],
  located: ['headquartered', 'headquarters', 'based'],
  un: ['united nations'],
  mfa: ['ministry of foreign affairs', 'foreign ministry'],
  mou: ['memorandum of understanding', 'memoranda of understanding', 'memorandum', 'memoranda'],
  ambassador: ['envoy'],
  envoy: ['ambassador'],
  // Chat shorthand.
  ppl: ['people', 'participants'],
  intl: ['international'],
  conf: ['conference'],
  govt: ['government'],
};
/** Particles that make a phrasal verb of the word before them ("set up", "kicked off"). */
const PARTICLES = ['up', 'off', 'down', 'out', 'over', 'on', 'in', 'with'];
const MAX = SETTINGS.maxExpansions;

/**
 * WordNet synonyms and derived forms of a question's term, with chat titles; the term's own
 * forms (aliases, irregular forms) are looked up too, so "met" finds what "meet" relates to.
 * A proper name ("Tashkent", "Norov", "RATS") or a name the taxonomy knows is not expanded:
 * WordNet's senses of it are not ours.
 */
export function expansionsOf(term: QuestionTerm, forms: string[], questionLower: string, named = false): Expansion[] {
  const out = new Map<string, Expansion['kind']>();
  const add = (text: string, kind: Expansion['kind']) => {
    if (text !== term.lower && !forms.includes(text) && !out.has(text) && out.size < MAX) out.set(text, kind);
  };
  for (const t of TITLES[term.lower] ?? []) add(t, 'title');
  if (named || (/^\p{Lu}/u.test(term.text) && !term.verb)) return [...out].map(([text, kind]) => ({ text, kind }));
  if (!/^[a-z][a-z'-]+$/.test(term.lower) || term.lower.length < 3) return [...out].map(([text, kind]) => ({ text, kind }));
  // "set up": the phrase, when WordNet knows it, says more than "set".
  const after = particleOf(term.lower, questionLower);
  const phrase = after ? relatedWords(`${term.lower} ${after}`) : null;
  const asVerb = term.verb === true;
  const related = phrase && phrase.synonyms.length + phrase.derived.length > 0 ? [phrase] : [relatedWords(term.lower, asVerb), ...forms.filter((f) => /^[a-z]+$/.test(f)).slice(0, 3).map((f) => relatedWords(f, asVerb))];
  for (const r of related) for (const w of r.synonyms) add(w, 'synonym');
  for (const r of related) for (const w of r.derived) add(w, 'derived');
  return [...out].map(([text, kind]) => ({ text, kind }));
}

/** The particle that makes a phrasal verb of a question's word ("up" of "set up"), or null. */
export function particleOf(word: string, questionLower: string): string | null {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`\\b${escaped}\\s+(\\w+)`).exec(questionLower)?.[1];
  return after && PARTICLES.includes(after) ? after : null;
}

/** Whether a sentence's word (lower case) is the expansion or an inflection of it. */
export function expansionMatchesWord(e: Expansion, word: string): boolean {
  if (e.text.includes(' ')) return false;
  if (word === e.text) return true;
  if (e.text.length < 4 || !word.startsWith(e.text.replace(/e$/, ''))) return false;
  return word.length - e.text.length <= 3;
}
