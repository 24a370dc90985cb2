import type { RichText } from '../bot/reply.ts';
import type { Library, SentenceHit } from '../library/types.ts';
import { minOf } from '../util/arrays.ts';
import { markMatches } from './marking.ts';
import { statementOf } from './clause.ts';
import { acceptedKinds, pickEntity, termHits } from './pick-entity.ts';
import type { Question } from './question.ts';
import { analyseSentence, gazetteerOf, type AnalysedSentence } from './sentence-analysis.ts';
import { textMatches, wordsOf, type TermWeigher, type WeightedTerm } from './terms.ts';

/** The evidence found for a question: the sentence, its release and the short answer. */
export interface Finding {
  answer: string;
  sentence: AnalysedSentence;
  hit: SentenceHit;
  marked: RichText;
  score: number;
  /** Other releases whose best sentence gives the same answer. */
  alsoIn: string[];
}

export interface Thresholds {
  /** Share of the question's weighted terms the quoted sentence (with its antecedent) must hold. */
  sentence: number;
  /** Share the sentence and its release must hold together. */
  total: number;
}

/** Tuned on tests/eval/questions.json: a wrong confident answer costs more than a decline. */
export const THRESHOLDS: Thresholds = { sentence: 0.34, total: 0.62 };

const CANDIDATES = 60;
/** How much an answer the question's words point at straight away counts over mere coverage. */
const PICK_WEIGHT = 0.6;
/** A person named by the very title asked about ("Afghan Foreign Minister ..."). */
const TITLE_WEIGHT = 0.5;
/** Sentences that lean on the one before: a pronoun or "the event" stands for what it named. */
const PRONOUN_START = /^(he|she|it|they|this|these|his|her|its|their|the two|both|the (event|meeting|conference|forum|mission|talks|session|summit|exhibition|ceremony|visit|delegation))\b/i;

/** "What is the MSC?": prefer "The Munich Security Conference (MSC) is one of ..." to a passing mention. */
function defines(q: Question, s: AnalysedSentence, hits: number[]): boolean {
  if (!/^what (is|are|was|were)\b/i.test(q.text) || hits.length === 0) return false;
  const first = minOf(hits);
  return s.tokens.slice(first, first + 10).some((t) => ['is', 'are', 'was', 'were'].includes(t.lower)) && first <= 3;
}

/**
 * Enough evidence: the release holds most of what was asked, and the sentence either holds a
 * good share itself or the question's words point straight at its answer ("More than 600 guests").
 */
function clears(c: Scored, t: Thresholds, q: Question): boolean {
  const direct = c.coverSentence + 0.5 * Math.min(1, c.pickScore);
  if (c.coverTotal < t.total || direct < t.sentence) return false;
  // The sentence must name some of what is asked about, not only its action: "headquartered in
  // Tashkent" says where RATS is, not where the Secretariat is located.
  const content = c.terms.filter((x) => !x.verb && x.weight > 0.3);
  const contentWeight = content.reduce((sum, x) => sum + x.weight, 0);
  const heldWeight = content.filter((x) => c.held.has(x.lower)).reduce((sum, x) => sum + x.weight, 0);
  if (contentWeight > 0 && heldWeight < CONTENT_SHARE * contentWeight) return false;
  // A quoted clause is the whole answer: it must hold the question itself, not a neighbour of it.
  if (q.kind === 'statement' || q.kind === 'yesno') {
    // And most of its words by count: "the capital of Uzbekistan" is not "Kazakhstan's capital".
    if (c.coverSentence < STATEMENT_SENTENCE) return false;
    // "What did X say about Y": Y must be in the clause; X may be named otherwise ("Vladimir Norov").
    const about = c.terms.filter((x) => q.about.includes(x.lower) && x.weight > 0.3);
    if (about.length > 0) return about.every((x) => c.held.has(x.lower));
    const content = c.terms.filter((x) => !x.verb && x.weight > 0.3);
    const held = content.filter((x) => c.held.has(x.lower)).length;
    return held >= (content.length <= 2 ? content.length : Math.ceil(content.length / 2));
  }
  // "When did the SCO open its Secretariat": a sentence without the asked action must hold
  // much of the rest ("Beijing" alone dates the Beijing marathon, not the Secretariat).
  if (q.focusVerb !== null && !c.verbStated) {
    // "When did Alimov become Secretary-General?" is not answered by the date he met Modi, nor
    // "where is the bank based" by a list naming it: dates and places belong to their action.
    if (q.kind === 'date' || q.kind === 'place') return false;
    if (!(q.kind === 'number' && q.counted.length > 0)) return c.coverSentence >= UNSTATED_ACTION_SENTENCE;
  }
  // "Who is the current UN Secretary-General?": a name must carry the title asked about, or the
  // sentence must hold nearly all of the question; "SCO Secretary-General Vladimir Norov" does not.
  if (q.kind === 'person' && !c.verbStated) return c.titled >= PERSON_TITLED || c.coverSentence >= PERSON_SENTENCE;
  return true;
}

const STATEMENT_SENTENCE = 0.45;
const CONTENT_SHARE = 0.15;
const UNSTATED_ACTION_SENTENCE = 0.6;
const PERSON_TITLED = 0.25;
const PERSON_SENTENCE = 0.8;

interface Scored {
  hit: SentenceHit;
  s: AnalysedSentence;
  coverSentence: number;
  coverTotal: number;
  answer: string | null;
  pickScore: number;
  score: number;
  hitTokens: number[];
  /** The question's verb (or a synonym) occurs in the sentence. */
  verbStated: boolean;
  terms: WeightedTerm[];
  titled: number;
  /** Terms the sentence or its antecedent holds. */
  held: Set<string>;
}

const RELEASE_TEXTS = 1000;
const releaseTexts = new Map<string, { lower: string; words: Set<string> }>();

/**
 * A release's title and sentences lower-cased, with its distinct words: kept for recently
 * used releases (keyed by content hash, so a changed release is read again), as the same
 * releases come up for question after question.
 */
function releaseText(library: Library, id: string): { lower: string; words: Set<string> } {
  const release = library.get(id);
  const key = `${id}\u0000${release?.hash ?? ''}`;
  const known = releaseTexts.get(key);
  if (known) return known;
  const lower = `${release?.title ?? ''}\n${library.sentencesOf(id).join('\n')}`.toLowerCase();
  const text = { lower, words: new Set(wordsOf(lower)) };
  if (releaseTexts.size >= RELEASE_TEXTS) releaseTexts.delete(releaseTexts.keys().next().value!);
  releaseTexts.set(key, text);
  return text;
}

/**
 * Ranks candidate sentences by how much of the question they (and their release) cover,
 * weighted by rarity, and whether they hold an answer of the wanted kind; returns the best when
 * the evidence clears the thresholds, else null.
 */
export function findAnswer(
  library: Library,
  weigher: TermWeigher,
  q: Question,
  options: { releaseIds?: string[]; thresholds?: Thresholds; trace?: (line: string) => void } = {},
): Finding | null {
  const thresholds = options.thresholds ?? THRESHOLDS;
  const terms = weigher.weigh(q.terms);
  // "Who led it?" with nothing to go on: a verb alone, or only "SCO", names no fact.
  if (!terms.some((t) => !t.verb && t.weight > 0.3)) return null;
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const gazetteer = gazetteerOf(library);
  const query = [...new Set(terms.flatMap((t) => [t.text, ...t.forms.filter((f) => !/\s/.test(f)).slice(0, 3)]))].join(' ');
  const hits = library.searchSentences(query, { limit: CANDIDATES, releaseIds: options.releaseIds });
  const questionLower = q.text.toLowerCase();
  const needsEntity = acceptedKinds(q).length > 0;

  const releaseCover = new Map<string, Set<string>>();
  const coveredByRelease = (id: string): Set<string> => {
    let set = releaseCover.get(id);
    if (!set) {
      const { lower, words } = releaseText(library, id);
      set = new Set(terms.filter((t) => textMatches(t, lower, words)).map((t) => t.lower));
      releaseCover.set(id, set);
    }
    return set;
  };

  const scored: Scored[] = [];
  for (const hit of hits) {
    const s = analyseSentence(hit.text, gazetteer);
    const matched = termHits(s, terms);
    const inSentence = new Set(matched.map((m) => m.term.lower));
    // "It is headed by ...": the sentence before says what "it" is.
    let antecedent = new Set<string>();
    if (PRONOUN_START.test(hit.text) && hit.position > 0) {
      const prev = library.sentencesOf(hit.releaseId)[hit.position - 1];
      if (prev) {
        const lower = prev.toLowerCase();
        const words = wordsOf(lower);
        antecedent = new Set(terms.filter((t) => textMatches(t, lower, words)).map((t) => t.lower));
      }
    }
    const inRelease = coveredByRelease(hit.releaseId);
    const weightOf = (pred: (t: WeightedTerm) => boolean) => terms.filter(pred).reduce((sum, t) => sum + t.weight, 0) / total;
    const coverSentence = weightOf((t) => inSentence.has(t.lower)) + 0.8 * weightOf((t) => !inSentence.has(t.lower) && antecedent.has(t.lower));
    const coverTotal = weightOf((t) => inSentence.has(t.lower) || antecedent.has(t.lower) || inRelease.has(t.lower));
    let answer: string | null = null;
    let pickScore = 0;
    let titled = 0;
    if (needsEntity) {
      const pick = pickEntity(s, q, terms, questionLower);
      if (pick) {
        answer = pick.text;
        pickScore = pick.score / total;
        titled = pick.titled;
      }
    } else {
      answer = statementOf(s, matched.map((m) => m.i));
    }
    const context = coverTotal - coverSentence;
    // For a name, date or number, how straight the question's words point at it counts as much
    // as how many of them the sentence holds.
    const score = needsEntity
      ? answer
        ? 0.6 * coverSentence + 0.3 * context + PICK_WEIGHT * (1 - Math.exp(-pickScore)) + 0.1 + (q.since && answer.startsWith('since ') ? 0.3 : 0) + TITLE_WEIGHT * titled
        : -1
      : coverSentence + 0.5 * context + (defines(q, s, matched.map((m) => m.i)) ? 0.2 : 0);
    const verbStated = q.focusVerb !== null && matched.some((m) => s.tokens[m.i]!.stem === q.focusVerb || m.term.stem === q.focusVerb);
    scored.push({ hit, s, coverSentence, coverTotal, answer, pickScore, score, hitTokens: matched.map((m) => m.i), verbStated, terms, titled, held: new Set([...inSentence, ...antecedent]) });
  }
  scored.sort((a, b) => b.score - a.score || a.hit.releaseId.localeCompare(b.hit.releaseId) || a.hit.position - b.hit.position);
  if (options.trace) {
    options.trace(`terms ${terms.map((t) => `${t.lower}=${t.weight.toFixed(2)}`).join(' ')}`);
    for (const c of scored.slice(0, 6)) {
      options.trace(`${c.score.toFixed(3)} p=${c.pickScore.toFixed(2)} s=${c.coverSentence.toFixed(2)} t=${c.coverTotal.toFixed(2)} [${c.answer}] ${c.hit.releaseId}#${c.hit.position} ${c.hit.text.slice(0, 90)}`);
    }
  }
  const best = scored[0];
  if (!best || !best.answer) return null;
  if (!clears(best, thresholds, q)) return null;

  const same = best.answer.toLowerCase();
  const alsoIn: string[] = [];
  for (const other of scored.slice(1)) {
    if (other.hit.releaseId === best.hit.releaseId || alsoIn.includes(other.hit.releaseId)) continue;
    // Corroboration: the same answer from evidence nearly as strong, not just the same name.
    if (other.answer?.toLowerCase() !== same || other.score < best.score * 0.85 || (best.verbStated && !other.verbStated)) continue;
    if (!clears(other, thresholds, q)) continue;
    alsoIn.push(other.hit.releaseId);
    if (alsoIn.length >= 2) break;
  }
  return { answer: best.answer, sentence: best.s, hit: best.hit, marked: markMatches(best.s, best.hitTokens), score: best.score, alsoIn };
}
