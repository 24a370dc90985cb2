import type { Entity, EntityKind } from '../text/entities.ts';
import type { Question } from './question.ts';
import type { AnalysedSentence } from './sentence-analysis.ts';
import { wordMatches, type WeightedTerm } from './terms.ts';

export interface Pick {
  entity: Entity;
  /** Share of the question's weight that names this entity's title or apposition ("Foreign Minister"). */
  titled: number;
  /** How strongly the question's words point at this entity. */
  score: number;
  /** The short answer text. */
  text: string;
}

/** Entity kinds that answer a question, best first. */
export function acceptedKinds(q: Question): EntityKind[] {
  switch (q.kind) {
    case 'date':
      return ['date'];
    case 'person':
      return ['person'];
    case 'place':
      return q.city ? ['place', 'country'] : ['place', 'country'];
    case 'number':
      if (q.share) return ['percent', 'number'];
      return q.ordinal ? ['ordinal', 'number'] : ['number', 'percent'];
    case 'org':
      return ['org'];
    default:
      return [];
  }
}

/** Token positions of the question's terms in the sentence, with each term's weight. */
export function termHits(s: AnalysedSentence, terms: WeightedTerm[]): { i: number; term: WeightedTerm }[] {
  const hits: { i: number; term: WeightedTerm }[] = [];
  s.tokens.forEach((t, i) => {
    if (t.pos === 'PUNCT') return;
    const word = t.lower.replace(/['’]s$/, '');
    for (const term of terms) {
      if (wordMatches(term, word, t.stem)) {
        hits.push({ i, term });
        break;
      }
    }
  });
  // Multi-word names ("regional anti-terrorist structure" for RATS): every word of them.
  const lower = s.text.toLowerCase();
  for (const term of terms) {
    for (const phrase of term.phrases) {
      const at = lower.indexOf(phrase);
      if (at < 0) continue;
      s.tokens.forEach((t, i) => {
        if (t.start >= at && t.end <= at + phrase.length && !hits.some((h) => h.i === i)) hits.push({ i, term });
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
 * Picks the entity of the wanted kind the question's words point at: each matched word votes
 * for the nearest candidate in its own clause (names are described after them, "Andrei
 * Kirillov, ... President of the SCO Press Club", so a clause without one votes for the last
 * one before it), and the verb of a who-question votes heavily for its subject or agent
 * ("Mr Tursunov handed", "led by Vladimir Norov").
 */
export function pickEntity(s: AnalysedSentence, q: Question, terms: WeightedTerm[], questionLower: string): Pick | null {
  const kinds = acceptedKinds(q);
  if (kinds.length === 0) return null;
  for (const kind of kinds) {
    const candidates = s.entities.filter((e) => e.kind === kind && !namedInQuestion({ ...e, text: answerText(e, s, q) }, questionLower));
    if (q.kind === 'place' && q.city && kind === 'country' && s.entities.some((e) => e.kind === 'place' && !namedInQuestion(e, questionLower))) continue;
    const score = new Map<Entity, number>(candidates.map((e) => [e, 0]));
    const titles = new Map<Entity, number>();
    const hits = termHits(s, terms);
    // "Mr Tursunov handed ...", "led by ... Vladimir Norov": a bare who-question's verb names its
    // answer by syntax, whatever else the sentence mentions.
    if ((q.kind === 'person' || q.kind === 'org') && !q.role && q.focusVerb !== null) {
      const verbs = hits.filter((h) => s.tokens[h.i]!.pos === 'VERB' && (s.tokens[h.i]!.stem === q.focusVerb || h.term.stem === q.focusVerb));
      // "Who chaired ...?" may be answered by a body: "VEB.RF ... chaired a videoconference".
      const actors = q.kind === 'person' ? s.entities.filter((e) => (e.kind === 'person' || e.kind === 'org' || e.kind === 'country') && !namedInQuestion(e, questionLower)) : candidates;
      const direct = actorOf(s, actors, verbs.map((h) => h.i));
      if (direct) return { entity: direct, score: terms.reduce((sum, t) => sum + t.weight, 0), titled: 0, text: answerText(direct, s, q) };
    }
    if (candidates.length === 0) continue;
    for (const { i, term } of hits) {
      const inside = candidates.find((e) => i >= e.first && i <= e.last);
      if (inside) {
        // "18 countries" for "how many countries": the number counts what was asked about.
        const counts = q.counted.includes(term.stem) && inside.kind === 'number';
        score.set(inside, score.get(inside)! + term.weight * (counts ? 4 : 1.5));
        continue;
      }
      const isFocus = q.focusVerb !== null && (s.tokens[i]!.stem === q.focusVerb || wordMatches({ lower: q.focusVerb, stem: q.focusVerb, forms: term.forms }, s.tokens[i]!.lower));
      if (isFocus) {
        const nearest = nearestBy(candidates, i, (e) => (e.last < i ? i - e.last : (e.first - i) * 1.1));
        const d = nearest ? distance(nearest, i) : Infinity;
        if (nearest && d <= 12) {
          score.set(nearest, score.get(nearest)! + term.weight * 3 * (1 - d / 16));
          continue;
        }
      }
      const seg = s.segments[i]!;
      const same = candidates.filter((e) => s.segments[e.first] === seg || s.segments[e.last] === seg);
      if (same.length > 0) {
        const nearest = nearestBy(same, i, (e) => (e.last < i ? i - e.last : (e.first - i) * 1.5))!;
        // A title right before a name ("expert Gulmira Kenebayeva", "Foreign Minister ... Atmar") names that person.
        // Not across a possessive: "the UN Secretary-General's Special Representative" is not the Secretary-General.
        const possessive = s.tokens.slice(i + 1, nearest.first).some((t) => t.lower === "'s" || t.lower === '’s');
        const adjacent = nearest.first > i && nearest.first - i <= 3 && (kind === 'person' || kind === 'org') && !possessive;
        score.set(nearest, score.get(nearest)! + term.weight * (adjacent ? ADJACENT : 1));
        if (adjacent) titles.set(nearest, (titles.get(nearest) ?? 0) + term.weight);
        continue;
      }
      // Outside the clause: a weaker vote, fading with distance.
      const before = candidates.filter((e) => e.last < i);
      if (before.length > 0) {
        const last = before[before.length - 1]!;
        // "Liu Yuejin, China's Deputy Minister of Public Security, said": the clause after a name
        // and its comma describes that name.
        const possessive = s.tokens.some((t, k) => k > i && s.segments[k] === seg && (t.lower === "'s" || t.lower === '’s'));
        if ((kind === 'person' || kind === 'org') && !possessive && s.tokens[last.last + 1]?.text === ',' && s.segments[last.last + 1] === seg) {
          score.set(last, score.get(last)! + term.weight * ADJACENT);
          titles.set(last, (titles.get(last) ?? 0) + term.weight);
          continue;
        }
        score.set(last, score.get(last)! + term.weight * 0.6 * fade(i - last.last));
        continue;
      }
      const after = candidates.find((e) => e.first > i);
      if (after) score.set(after, score.get(after)! + term.weight * 0.4 * fade(after.first - i));
    }
    // "since 1963" answers "since when"; the bare year elsewhere does not.
    if (q.since) {
      const total = terms.reduce((sum, t) => sum + t.weight, 0);
      for (const e of candidates) if (s.tokens[e.first - 1]?.lower === 'since') score.set(e, score.get(e)! + total * 0.5);
    }
    // The question's action must be stated: "who founded X" is not answered by whoever else X's
    // sentence names; "how many runners finished" not by "thousands of runners" attending.
    const verbStated = q.focusVerb !== null && hits.some((h) => s.tokens[h.i]!.stem === q.focusVerb || h.term.stem === q.focusVerb);
    if ((q.kind === 'person' || q.kind === 'org') && q.focusVerb !== null && !verbStated) return null;
    // "How many X": the number must count X itself, the last word of the number's phrase
    // ("eight member banks" counts banks, not members).
    if (kind === 'number' && q.counted.length > 0) {
      for (const e of candidates) {
        const counts = hits.some((h) => h.i === e.last && q.counted.includes(h.term.stem));
        if (!counts) score.delete(e);
      }
      if (score.size === 0) continue;
    }
    let best: Entity | null = null;
    let bestScore = -1;
    for (const e of candidates) {
      const sc = score.get(e);
      if (sc !== undefined && sc > bestScore) {
        best = e;
        bestScore = sc;
      }
    }
    if (!best) continue;
    const total = terms.reduce((sum, t) => sum + t.weight, 0);
    return { entity: best, score: bestScore, titled: (titles.get(best) ?? 0) / total, text: answerText(best, s, q) };
  }
  return null;
}

/** How much more a title word right before a name, or an apposition right after it, counts. */
const ADJACENT = 3;

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

function fade(d: number): number {
  return Math.max(0.15, 1 - d / 20);
}

function distance(e: Entity, i: number): number {
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
    // "Munich, Germany", "Panaji, Goa, India": a place with the wider places that locate it.
    let last = e.last;
    for (const next of s.entities) {
      if (next.first === last + 2 && s.tokens[last + 1]?.text === ',' && (next.kind === 'place' || next.kind === 'country')) last = next.last;
    }
    if (last !== e.last) return s.text.slice(s.tokens[e.first]!.start, s.tokens[last]!.end);
  }
  if (q.kind === 'date' && q.since && before === 'since') return `since ${e.text}`;
  return e.text;
}
