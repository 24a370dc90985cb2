import type { Library, Topic } from '../library/types.ts';
import { builtInKind } from '../text/gazetteer.ts';
import type { QuestionTerm } from './question.ts';
import { editDistance } from '../text/edit-distance.ts';
import { expansionsOf, type Expansion } from './expansion.ts';
import { SETTINGS } from './model/settings.ts';
import { TermFrequencies } from './term-frequencies.ts';

/** A key term with what else counts as it and how much it says. */
export interface WeightedTerm extends QuestionTerm {
  /** Single words that count as the term (aliases, a few synonyms), lower case. */
  forms: string[];
  /** Multi-word names that count as the term ("regional anti-terrorist structure"). */
  phrases: string[];
  /** Inverse sentence frequency: rare words say more about what is asked. */
  weight: number;
  /** Words WordNet relates to the term ("establish" for "set up"): weaker evidence than the word. */
  expansions: Expansion[];
  /** No release's sentence holds it ("ppl", "crowd"): it tells no candidate from another. */
  unseen: boolean;
}

/** Words on nearly every release: they confirm little and cost much to count. */
const GENERIC = new Set(['sco', 'shanghai', 'cooperation', 'organisation', 'organization', 'sco’s']);
/** Irregular forms fold into one another; other related words come from WordNet (expansion.ts). */
const SYNONYMS: Record<string, string[]> = {};
/** Irregular forms the stems do not fold ("held" for "hold"). */
const IRREGULAR: string[][] = [
  ['hold', 'held', 'holds', 'holding'], ['lead', 'led', 'leads', 'leading'], ['meet', 'met', 'meets', 'meeting'],
  ['take', 'took', 'taken', 'takes'], ['give', 'gave', 'given'], ['speak', 'spoke', 'spoken'], ['win', 'won'],
  ['begin', 'began', 'begun'], ['come', 'came'], ['send', 'sent'], ['bring', 'brought'], ['say', 'said'],
  ['tell', 'told'], ['make', 'made'], ['go', 'went', 'gone'], ['see', 'saw', 'seen'], ['become', 'became'],
  ['choose', 'chose', 'chosen'], ['sign', 'signed'], ['run', 'ran'], ['write', 'wrote', 'written'],
];
/** Ordinals as people type them and as releases write them ("5th", "fifth"). */
const ORDINALS = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' ');
ORDINALS.forEach((word, i) => IRREGULAR.push([word, `${i + 1}${i === 0 ? 'st' : i === 1 ? 'nd' : i === 2 ? 'rd' : 'th'}`]));
for (const forms of IRREGULAR) for (const f of forms) SYNONYMS[f] = [...(SYNONYMS[f] ?? []), ...forms.filter((x) => x !== f)];
const { dfSample: DF_SAMPLE, verbFactor: VERB_FACTOR, minWeight: MIN_WEIGHT, genericWeight: GENERIC_WEIGHT } = SETTINGS;

/** How a sentence's word stands for a term: its own word or form, a typo of it, or not at all. */
export type MatchKind = 'word' | 'typo' | null;

/** Whether a lower-case word of a sentence stands for the term. */
export function wordMatches(term: { lower: string; stem: string; forms: string[] }, word: string, stem?: string): boolean {
  return matchKind(term, word, stem) !== null;
}

/** Like wordMatches, telling a typo-corrected match ("hedquartered") from the word itself. */
export function matchKind(term: { lower: string; stem: string; forms: string[] }, word: string, stem?: string): MatchKind {
  const kind = exactly(term, word, stem) ? 'word' : nearly(term, word) ? 'typo' : null;
  if (kind || !NON_ASCII.test(word)) return kind;
  // People type "Jenca" for "Jenča": the word without its accents.
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== word ? matchKind(term, plain) : null;
}
const NON_ASCII = /[^\x00-\x7f]/;

function exactly(term: { lower: string; stem: string; forms: string[] }, word: string, stem?: string): boolean {
  if (word === term.lower || (stem !== undefined && stem === term.stem)) return true;
  // Without a stem for the word, a close prefix stands in ("conferences" for "confer").
  if (stem === undefined && term.stem.length >= 4 && word.startsWith(term.stem) && word.length - term.stem.length <= 4) return true;
  for (const form of term.forms) {
    if (word === form || (form.length >= 5 && word.startsWith(form.slice(0, Math.max(4, form.length - 2))))) return true;
  }
  return false;
}

function nearly(term: { lower: string; stem: string; forms: string[] }, word: string): boolean {
  // Long words sharing a long stem ("congratulatory", "congratulating").
  if (term.lower.length >= 9 && word.length >= 9) {
    const shared = commonPrefix(word, term.lower);
    if (shared >= 9 && shared >= 0.75 * Math.min(word.length, term.lower.length)) return true;
  }
  // A typo in the question ("conferance"): one edit on long words, two on very long ones.
  if (term.lower.length >= 6 && Math.abs(word.length - term.lower.length) <= 2 && /^[a-z-]+$/.test(term.lower)) {
    return editDistance(word, term.lower, term.lower.length >= 9 ? 2 : 1) <= (term.lower.length >= 9 ? 2 : 1);
  }
  return false;
}

/**
 * wordMatches results by term (its word, stem and forms) and word: a release has hundreds of
 * words and the same words recur across releases and questions, while the fuzzy checks (edit
 * distance, prefixes) cost microseconds each. Bounded so a long-running bot keeps its memory.
 */
const MATCH_MEMO_TERMS = 2000;
const MATCH_MEMO_WORDS = 50_000;
const matchMemo = new Map<string, Map<string, boolean>>();

function memoOf(term: { lower: string; stem: string; forms: string[] }): Map<string, boolean> {
  const key = `${term.lower}\u0001${term.stem}\u0001${term.forms.join('\u0002')}`;
  let memo = matchMemo.get(key);
  if (!memo) {
    if (matchMemo.size >= MATCH_MEMO_TERMS) matchMemo.delete(matchMemo.keys().next().value!);
    memo = new Map();
    matchMemo.set(key, memo);
  }
  return memo;
}

/** Whether a sentence (lower-cased, with its words) mentions the term. */
export function textMatches(term: WeightedTerm | (QuestionTerm & { forms: string[]; phrases: string[] }), lowerText: string, words: Iterable<string>): boolean {
  for (const phrase of term.phrases) if (lowerText.includes(phrase)) return true;
  const memo = memoOf(term);
  for (const w of words) {
    let hit = memo.get(w);
    if (hit === undefined) {
      hit = wordMatches(term, w);
      if (memo.size >= MATCH_MEMO_WORDS) memo.clear();
      memo.set(w, hit);
    }
    if (hit) return true;
  }
  return false;
}

export function wordsOf(lowerText: string): string[] {
  return lowerText.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)?.map((w) => w.replace(/['’]s$/, '').replace(/[.]$/, '')) ?? [];
}

/** Topic names that count as the term: "Afghanistan" also finds "Afghan"; "RATS" its long name. */
function topicForms(term: QuestionTerm, topics: Topic[]): { forms: string[]; phrases: string[]; named: boolean } {
  const forms = new Set<string>(SYNONYMS[term.lower] ?? []);
  const phrases = new Set<string>();
  let named = false;
  for (const topic of topics) {
    // Themes group related words ("press", "media", "journalists"): near, not the same thing.
    if (topic.kind === 'theme') continue;
    const names = [topic.id, topic.label, ...topic.aliases].map((n) => n.toLowerCase());
    if (!names.includes(term.lower)) continue;
    named = true;
    const countryTopic = ['member', 'observer', 'partner', 'country'].includes(topic.kind);
    const termKind = countryTopic ? 'country' : topic.kind === 'place' ? 'place' : builtInKind(term.lower);
    for (const name of names) {
      if (name === term.lower) continue;
      // Topics list a country's capital with it; "Beijing" is not "China" when answering.
      const kind = builtInKind(name);
      if ((termKind === 'country' && kind === 'place') || (termKind === 'place' && kind === 'country')) continue;
      if (/\s/.test(name)) phrases.add(name);
      else forms.add(name.replace(/['’]s$/, ''));
    }
  }
  return { forms: [...forms], phrases: [...phrases], named };
}

/**
 * Weights the question's terms by how rare they are among the releases' sentences, counted with
 * the same matching the answer uses, so a word the library typo-corrects to something else
 * ("mars" to "marks") stays unseen.
 */
export class TermWeigher {
  constructor(
    private readonly library: Library,
    private readonly frequencies = new TermFrequencies(),
  ) {}

  /** `questionLower` lets a term be read with its particle ("set up", "kicked off"). */
  weigh(terms: QuestionTerm[], questionLower = ''): WeightedTerm[] {
    const count = this.library.count();
    const topics = this.library.topics();
    const own = new Set(terms.map((t) => t.lower));
    return terms.flatMap((term) => {
      const weighed = this.weighOne(term, topics, count, questionLower);
      // "Alimov-Jenca meeting", "the sco-un event": a compound no release writes stands for its parts.
      const parts = weighed.unseen ? term.lower.split('-').filter((p) => p.length >= 2 && !own.has(p)) : [];
      if (parts.length < 2) return [weighed];
      return parts.map((p) => this.weighOne({ ...term, text: p, lower: p, stem: p }, topics, count, questionLower));
    });
  }

  private weighOne(term: QuestionTerm, topics: Topic[], count: number, questionLower: string): WeightedTerm {
    // Roughly ten sentences a release; only ratios matter.
    const total = Math.max(50, count * 10);
    const { forms, phrases, named } = topicForms(term, topics);
    // A name the taxonomy knows ("RATS", "Kunming") is that name, not WordNet's senses of the word.
    const withForms = { ...term, forms, phrases, weight: 0, unseen: false, expansions: GENERIC.has(term.lower) ? [] : expansionsOf(term, forms, questionLower, named) };
    if (GENERIC.has(term.lower)) return { ...withForms, weight: GENERIC_WEIGHT };
    let df = this.frequencies.get(term.lower, count, () => {
      // Unranked: only whether the sample fills matters for common words, and scoring every
      // sentence holding "held" costs ~150 ms at 100k releases after each library change.
      const countOf = (query: string) => {
        let n = 0;
        for (const hit of this.library.searchSentences(query, { limit: DF_SAMPLE, ranked: false })) {
          const lower = hit.text.toLowerCase();
          if (textMatches(withForms, lower, wordsOf(lower))) n++;
        }
        return n;
      };
      // A word no sentence holds may be written in another of its forms ("5th" as "fifth"); those
      // are searched only then, as an OR of many forms costs several milliseconds at 10,000 releases.
      const own = countOf(term.text);
      const others = own > 0 ? [] : forms.filter((f) => /^[\p{L}\p{N}]+$/u.test(f));
      return others.length === 0 ? own : countOf(others.join(' '));
    });
    // A full sample means the word is common: its true count is higher still.
    if (df >= DF_SAMPLE * 0.9) df = Math.max(df, total / 5);
    const weight = Math.max(MIN_WEIGHT, Math.log((total + 1) / (df + 0.5))) * (term.verb ? VERB_FACTOR : 1);
    return { ...withForms, weight, unseen: df === 0 };
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
