import type { Entity, EntityKind } from '../text/entities.ts';
import type { Question } from './question.ts';
import type { AnalysedSentence } from './sentence-analysis.ts';
import { expansionMatchesWord } from './expansion.ts';
import { matchKind, type WeightedTerm } from './terms.ts';
import { SETTINGS } from './model/settings.ts';

/** An entity of a wanted kind in a sentence, with how the question's words point at it. */
export interface EntityVote {
  entity: Entity;
  /** The short answer text. */
  text: string;
  /** Votes of the question's matched words, weighted by the terms' weights. */
  votes: number;
  /** Weight of the title or apposition that names this entity ("Foreign Minister ..."). */
  titled: number;
  /** The subject or agent of the question's verb ("Mr Tursunov handed", "led by ..."). */
  actor: boolean;
  /** For "how many X": the number counts X ("eight member banks" counts banks). */
  counts: boolean;
  /** 0 for the first kind the question accepts ("place" for where), 1 for the next. */
  kindRank: number;
}

const ASKS_COUNTRY = /\b(which|what) (country|countries|nation|state|member state)\b/i;

/** Entity kinds that answer a question, best first. */
export function acceptedKinds(q: Question): EntityKind[] {
  switch (q.kind) {
    case 'date':
      return ['date'];
    case 'person':
      return ['person'];
    case 'place':
      // "which country chaired ...": a country first, a city only after it.
      return ASKS_COUNTRY.test(q.text) ? ['country', 'place'] : ['place', 'country'];
    case 'number':
      if (q.share) return ['percent', 'number'];
      return q.ordinal ? ['ordinal', 'number'] : ['number', 'percent'];
    case 'org':
      return ['org'];
    default:
      return [];
  }
}

/** A token of a sentence that stands for a question's term, and how. */
export interface TermHit {
  i: number;
  term: WeightedTerm;
  kind: 'word' | 'typo' | 'expansion';
}

/** Token positions of the question's terms in the sentence: the word itself first, then a typo, then a related word. */
export function termHits(s: AnalysedSentence, terms: WeightedTerm[]): TermHit[] {
  const hits: TermHit[] = [];
  const taken = new Set<number>();
  const add = (i: number, term: WeightedTerm, kind: TermHit['kind']) => {
    if (taken.has(i)) return;
    taken.add(i);
    hits.push({ i, term, kind });
  };
  s.tokens.forEach((t, i) => {
    if (t.pos === 'PUNCT') return;
    const word = t.lower.replace(/['’]s$/, '');
    let typo: WeightedTerm | null = null;
    for (const term of terms) {
      const kind = matchKind(term, word, t.stem);
      if (kind === 'word') return add(i, term, 'word');
      if (kind === 'typo' && !typo) typo = term;
    }
    if (typo) add(i, typo, 'typo');
  });
  // Multi-word names ("regional anti-terrorist structure" for RATS): every word of them.
  const lower = s.text.toLowerCase();
  const phrase = (text: string, term: WeightedTerm, kind: TermHit['kind']) => {
    const at = lower.indexOf(text);
    if (at < 0) return;
    s.tokens.forEach((t, i) => {
      if (t.start >= at && t.end <= at + text.length) add(i, term, kind);
    });
  };
  for (const term of terms) for (const p of term.phrases) phrase(p, term, 'word');
  for (const term of terms) {
    for (const e of term.expansions) {
      if (e.text.includes(' ')) phrase(e.text, term, 'expansion');
      else s.tokens.forEach((t, i) => {
        if (!taken.has(i) && t.pos !== 'PUNCT' && expansionMatchesWord(e, t.lower)) add(i, term, 'expansion');
      });
    }
  }
  return hits.sort((a, b) => a.i - b.i);
}

/** The entity the question names itself ("Zhang Ming" in "who handed Zhang Ming ...") is not its answer. */
function namedInQuestion(e: Entity, questionLower: string): boolean {
  const words = e.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return true;
  if (questionLower.includes(e.text.toLowerCase())) return true;
  if (e.kind === 'person') return questionLower.includes(words[words.length - 1]!);
  if (e.kind === 'date' || e.kind === 'number' || e.kind === 'percent') return false;
  // "SCO Interbank Consortium" is named by "the Interbank Consortium".
  const telling = words.filter((w) => w !== 'sco' && w !== 'the' && w !== 'of');
  return telling.length > 0 && telling.every((w) => questionLower.includes(w));
}

/**
 * Every entity of a wanted kind in the sentence, with the votes of the question's words: each
 * matched word votes for the nearest candidate in its own clause (names are described after
 * them, "Andrei Kirillov, ... President of the SCO Press Club", so a clause without one votes
 * for the last one before it), a title right before a name or an apposition right after it
 * votes for that name, and the focus verb for the entity nearest it. How much each of these
 * counts is for the learned scorer to weigh, from the votes and the other features.
 */
export function entityVotes(s: AnalysedSentence, q: Question, terms: WeightedTerm[], questionLower: string, hits: { i: number; term: WeightedTerm }[]): EntityVote[] {
  const kinds = acceptedKinds(q);
  const out: EntityVote[] = [];
  kinds.forEach((kind, kindRank) => {
    const candidates = s.entities.filter((e) => e.kind === kind && !namedInQuestion({ ...e, text: answerText(e, s, q) }, questionLower));
    if (candidates.length === 0) return;
    const score = new Map<Entity, number>(candidates.map((e) => [e, 0]));
    const titles = new Map<Entity, number>();
    const verbs = q.focusVerb === null ? [] : hits.filter((h) => s.tokens[h.i]!.stem === q.focusVerb || h.term.stem === q.focusVerb).map((h) => h.i);
    const actor = q.kind === 'person' || q.kind === 'org' ? actorOf(s, candidates, verbs) : null;
    for (const { i, term } of hits) {
      const inside = candidates.find((e) => i >= e.first && i <= e.last);
      if (inside) {
        score.set(inside, score.get(inside)! + term.weight);
        continue;
      }
      if (verbs.includes(i)) {
        const nearest = nearestBy(candidates, i, (e) => distance(e, i));
        if (nearest) score.set(nearest, score.get(nearest)! + term.weight * fade(distance(nearest, i)));
        continue;
      }
      const seg = s.segments[i]!;
      const same = candidates.filter((e) => s.segments[e.first] === seg || s.segments[e.last] === seg);
      if (same.length > 0) {
        const nearest = nearestBy(same, i, (e) => distance(e, i))!;
        // A title right before a name ("expert Gulmira Kenebayeva") names that person; not
        // across a possessive ("the UN Secretary-General's Special Representative").
        const possessive = s.tokens.slice(i + 1, nearest.first).some((t) => t.lower === "'s" || t.lower === '’s');
        const adjacent = nearest.first > i && nearest.first - i <= 3 && (kind === 'person' || kind === 'org') && !possessive;
        score.set(nearest, score.get(nearest)! + term.weight);
        if (adjacent) titles.set(nearest, (titles.get(nearest) ?? 0) + term.weight);
        continue;
      }
      const before = candidates.filter((e) => e.last < i);
      if (before.length > 0) {
        const last = before[before.length - 1]!;
        // "Liu Yuejin, China's Deputy Minister of Public Security, said": an apposition.
        const possessive = s.tokens.some((t, k) => k > i && s.segments[k] === seg && (t.lower === "'s" || t.lower === '’s'));
        if ((kind === 'person' || kind === 'org') && !possessive && s.tokens[last.last + 1]?.text === ',' && s.segments[last.last + 1] === seg) {
          titles.set(last, (titles.get(last) ?? 0) + term.weight);
        }
        score.set(last, score.get(last)! + term.weight * fade(i - last.last));
        continue;
      }
      const after = candidates.find((e) => e.first > i);
      if (after) score.set(after, score.get(after)! + term.weight * fade(after.first - i));
    }
    for (const e of candidates) {
      const counts = kind === 'number' && hits.some((h) => h.i === e.last && q.counted.includes(h.term.stem));
      out.push({ entity: e, text: answerText(e, s, q), votes: score.get(e)!, titled: titles.get(e) ?? 0, actor: e === actor, counts, kindRank });
    }
  });
  return out;
}

/**
 * The subject or agent of the verb at one of `verbAt`: the name just before it, also across an
 * apposition or "who" ("VEB.RF, Russia's state development corporation, chaired"; "Bolat
 * Zhamishev, who heads"), or the name after "by" ("led by SCO Secretary-General Vladimir Norov").
 */
function actorOf(s: AnalysedSentence, candidates: Entity[], verbAt: number[]): Entity | null {
  for (const i of verbAt) {
    if (s.tokens[i + 1]?.lower === 'by') {
      const agent = candidates.find((e) => e.first >= i + 2 && e.first <= i + 5);
      if (agent) return agent;
    }
    let j = i - 1;
    while (j >= 0 && ['was', 'were', 'is', 'are', 'has', 'had', 'have', 'also', 'who', 'which', 'then', 'formally'].includes(s.tokens[j]!.lower)) j--;
    if (s.tokens[j]?.text === ',') {
      let k = j - 1;
      while (k >= 0 && k > j - 12 && s.tokens[k]!.text !== ',') k--;
      const beforeComma = candidates.find((e) => e.last === j - 1);
      if (beforeComma) return beforeComma;
      if (k >= 0 && s.tokens[k]!.text === ',') j = k - 1;
    }
    const subject = candidates.find((e) => e.last === j);
    if (subject) return subject;
  }
  return null;
}

/** A vote from further away counts less. */
function fade(d: number): number {
  return Math.max(0, 1 - d / SETTINGS.voteFade);
}

export function distance(e: Entity, i: number): number {
  return e.last < i ? i - e.last : Math.max(0, e.first - i);
}

function nearestBy(list: Entity[], i: number, cost: (e: Entity) => number): Entity | null {
  let best: Entity | null = null;
  let bestCost = Infinity;
  for (const e of list) {
    const c = cost(e);
    if (c < bestCost) {
      best = e;
      bestCost = c;
    }
  }
  return best;
}

function answerText(e: Entity, s: AnalysedSentence, q: Question): string {
  const before = s.tokens[e.first - 1]?.lower;
  if (e.kind === 'place' || e.kind === 'country') {
    // "Munich, Germany", "Panaji, Goa, India": a place with the wider places that locate it. A
    // country ends the chain: "India, Iran, Kazakhstan" is a list, not one place.
    let last = e.last;
    let kind = e.kind;
    for (const next of s.entities) {
      if (kind === 'country') break;
      if (next.first === last + 2 && s.tokens[last + 1]?.text === ',' && (next.kind === 'place' || next.kind === 'country')) {
        last = next.last;
        kind = next.kind;
      }
    }
    if (last !== e.last) return s.text.slice(s.tokens[e.first]!.start, s.tokens[last]!.end);
  }
  if (q.kind === 'date' && q.since && before === 'since') return `since ${e.text}`;
  return e.text;
}
