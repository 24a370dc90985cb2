import type { RichText } from '../bot/reply.ts';
import type { Library, SentenceHit } from '../library/types.ts';
import { statementOf } from './clause.ts';
import { FEATURES, vectorOf, type FeatureValues } from './features.ts';
import { particleOf } from './expansion.ts';
import { markMatches } from './marking.ts';
import { isCommonWord } from './wordnet.ts';
import { acceptedKinds, distance, entityVotes, termHits, type TermHit } from './pick-entity.ts';
import type { Question } from './question.ts';
import { isFragment, names } from './answer-shape.ts';
import { grainAsked, grainMatch, isFullDate, monthsAsked, MONTHS, YEAR } from './dates-asked.ts';
import { held, releaseText, textOf, type ReleaseText } from './release-text.ts';
import { committedModel, confidenceInput, logit, sigmoid, type Model } from './scorer.ts';
import { analyserOf, type AnalysedSentence } from './sentence-analysis.ts';
import { wordsOf, type TermWeigher, type WeightedTerm } from './terms.ts';
import { SETTINGS } from './model/settings.ts';
import { STOP_WORDS } from '../text/words.ts';

/** Words on nearly every release: searching by them finds everything. */
const GENERIC_WORDS = new Set(['sco', 'shanghai', 'cooperation', 'organisation', 'organization']);

/** A possible answer: its text, the passage it rests on, and what the scorer sees of it. */
export interface Candidate {
  answer: string;
  hit: SentenceHit;
  /** The sentence holding the answer: the matched sentence, or the release's lead. */
  s: AnalysedSentence;
  /** Tokens of `s` to mark. */
  marked: number[];
  fromLead: boolean;
  features: FeatureValues;
  /** The ranker's score (set by `rank`). */
  score: number;
  /** For the best candidate of its answer and release: the probability it is right (set by `findAnswer`). */
  p: number;
}

/** The evidence found for a question: the best candidate when it clears the threshold. */
export interface Finding {
  answer: string;
  sentence: AnalysedSentence;
  hit: SentenceHit;
  marked: RichText;
  p: number;
  /** Other releases whose best candidate gives the same answer, as confidently. */
  alsoIn: string[];
}

const { sentences: SENTENCES, maxCandidates: MAX_CANDIDATES } = SETTINGS;
/** Sentences that lean on the one before: a pronoun or "the event" stands for what it named. */
const PRONOUN_START = /^(he|she|it|they|this|these|his|her|its|their|the two|both|the (event|meeting|conference|forum|mission|talks|session|summit|exhibition|ceremony|visit|delegation))\b/i;
/** Entity kinds that are names (not dates or numbers). */
const NAME_KINDS = new Set<string>(['person', 'place', 'country', 'org']);
/** "What is the MSC?": "The Munich Security Conference (MSC) is one of ..." defines it. */
function defines(q: Question, s: AnalysedSentence, hits: TermHit[]): boolean {
  if (!/^what (is|are|was|were)\b/i.test(q.text) || hits.length === 0) return false;
  const first = hits[0]!.i;
  return first <= 3 && s.tokens.slice(first, first + 10).some((t) => ['is', 'are', 'was', 'were'].includes(t.lower));
}

/**
 * Every candidate answer to the question among the sentences the search finds, with its
 * features; `score` then weighs them. For names, dates, numbers and places each entity of the
 * wanted kind is a candidate, those of the release's lead too (the event's date and place stand
 * there); for other questions the sentence's stating clause is.
 */
export function collectCandidates(library: Library, weigher: TermWeigher, q: Question, options: { releaseIds?: string[] } = {}): { terms: WeightedTerm[]; candidates: Candidate[] } {
  const questionLower = q.text.toLowerCase();
  const terms = weigher.weigh(q.terms, questionLower);
  // "Who led it?" with nothing to go on: a verb alone, or only "SCO", names no fact.
  if (!terms.some((t) => !t.verb && t.weight > 0.3)) return { terms, candidates: [] };
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const content = terms.filter((t) => !t.verb);
  const contentTotal = content.reduce((sum, t) => sum + t.weight, 0) || 1;
  const analyser = analyserOf(library);
  const words = new Set<string>();
  // A name's long form and a phrasal synonym are searched by their words too: "Set up in 2005,
  // the Consortium ..." holds neither "IBC" nor "established", only "consortium" and "set".
  const addWords = (text: string) => {
    for (const w of text.split(/[\s-]+/)) if (w.length > 2 && !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w)) words.add(w);
  };
  for (const t of terms) {
    words.add(t.text);
    for (const f of t.forms.slice(0, 3)) addWords(f);
    for (const p of t.phrases.slice(0, 2)) addWords(p);
    for (const e of t.expansions.slice(0, 4)) addWords(e.text);
  }
  const hits = library.searchSentences([...words].join(' '), { limit: SENTENCES, releaseIds: options.releaseIds });
  const entity = acceptedKinds(q).length > 0;
  const statement = !entity;
  const askedYears = q.text.match(YEAR) ?? [];
  const askedMonths = monthsAsked(questionLower);
  const askedGrain = grainAsked(questionLower);
  const share = (set: Iterable<string>, pool: WeightedTerm[] = terms, of = total) => {
    const keys = new Set(set);
    return pool.filter((t) => keys.has(t.lower)).reduce((sum, t) => sum + t.weight, 0) / of;
  };
  const questionWords = new Set(wordsOf(questionLower));
  const shareInQuestion = (answer: string) => {
    const ws = wordsOf(answer.toLowerCase());
    return ws.length === 0 ? 0 : ws.filter((w) => questionWords.has(w)).length / ws.length;
  };
  const unseen = terms.filter((t) => t.unseen).length / terms.length;
  const verbTerm = q.focusVerb === null ? null : terms.find((t) => t.stem === q.focusVerb) ?? null;
  const particle = verbTerm === null ? null : particleOf(verbTerm.lower, questionLower);

  // What a release's title, lead and whole text hold of the question: the same for every hit in
  // it (a question finds up to SENTENCES hits, often several in one release), so read once.
  const releaseHeld = new Map<string, { title: Map<string, string>; all: Map<string, string>; lead: Map<string, string> }>();
  const heldBy = (id: string, release: ReleaseText) => {
    let known = releaseHeld.get(id);
    if (!known) {
      known = { title: held(terms, release.title), all: held(terms, release.all), lead: release.lead ? held(terms, textOf(release.lead)) : new Map() };
      releaseHeld.set(id, known);
    }
    return known;
  };

  const candidates: Candidate[] = [];
  hits.forEach((hit, rank) => {
    const release = releaseText(library, hit.releaseId);
    const releaseHolds = heldBy(hit.releaseId, release);
    const s = analyser.analyse(hit.text);
    const sHits = termHits(s, terms);
    const byKind = (kind: TermHit['kind']) => new Set(sHits.filter((h) => h.kind === kind).map((h) => h.term.lower));
    const inWord = byKind('word');
    const inTypo = [...byKind('typo')].filter((x) => !inWord.has(x));
    const inExp = [...byKind('expansion')].filter((x) => !inWord.has(x) && !inTypo.includes(x));
    const inSentence = new Set([...inWord, ...inTypo, ...inExp]);
    const prevRaw = hit.position > 0 ? release.sentences[hit.position - 1] : undefined;
    const prev = prevRaw ? held(terms, textOf(prevRaw)) : new Map<string, string>();
    const leadHeld = hit.position > 0 ? releaseHolds.lead : new Map<string, string>();
    const titleHeld = releaseHolds.title;
    const passage = new Set([...inSentence, ...prev.keys(), ...leadHeld.keys(), ...titleHeld.keys()]);
    const releaseYear = release.date?.slice(0, 4) ?? null;
    const passageText = `${hit.text} ${prevRaw ?? ''} ${release.lead ?? ''} ${release.title.lower}`;
    const releaseMonth = Number(release.date?.slice(5, 7) ?? 0);
    const passageLower = passageText.toLowerCase();
    // The year and the month asked ("in nov 2017"): each in the passage or the release's date.
    const yearSeen =
      (askedYears.length === 0 || askedYears.some((y) => y === releaseYear || passageText.includes(y))) &&
      (askedMonths.length === 0 || askedMonths.some((m) => m === releaseMonth || passageLower.includes(MONTHS[m - 1]!)));
    const whenAsked = askedYears.length + askedMonths.length > 0;
    // "set up" is not stated by "setting out": a phrasal verb's word needs its particle (a synonym, "established", does not).
    const verbStated =
      verbTerm !== null &&
      inSentence.has(verbTerm.lower) &&
      (particle === null || sHits.some((h) => h.term === verbTerm && (h.kind === 'expansion' || s.tokens[h.i + 1]?.lower === particle)));
    const base: FeatureValues = {
      cov: share(inWord),
      covTypo: share(inTypo),
      covExp: share(inExp),
      covPrev: share([...prev.keys()].filter((x) => !inSentence.has(x))),
      covLead: share([...leadHeld.keys(), ...titleHeld.keys()].filter((x) => !inSentence.has(x) && !prev.has(x))),
      covTitle: share(titleHeld.keys()),
      covRelease: share(new Set([...releaseHolds.all.keys(), ...inSentence])),
      content: share(passage, content, contentTotal),
      contentSent: share(inSentence, content, contentTotal),
      verbAsked: verbTerm ? 1 : 0,
      verbStated: verbStated ? 1 : 0,
      verbInPassage: verbTerm !== null && !verbStated && (prev.has(verbTerm.lower) || leadHeld.has(verbTerm.lower)) ? 1 : 0,
      entity: entity ? 1 : 0,
      votes: 0,
      topVote: 0,
      actor: 0,
      titled: 0,
      counts: 0,
      kindRank: 0,
      fromLead: 0,
      near: 0,
      sameClause: 0,
      ambiguity: 0,
      since: 0,
      fullDate: 0,
      grain: 0,
      qYear: whenAsked ? 1 : 0,
      yearSeen: whenAsked && yearSeen ? 1 : 0,
      yearConflict: whenAsked && !yearSeen && releaseYear !== null ? 1 : 0,
      lead: hit.position === 0 ? 1 : 0,
      early: 1 / (1 + hit.position),
      rank: 1 / (1 + rank),
      relCov: 0,
      relVotes: 0,
      stmtLen: 0,
      defines: defines(q, s, sHits) ? 1 : 0,
      pronounStart: PRONOUN_START.test(hit.text) ? 1 : 0,
      nTerms: Math.min(1, content.length / 5),
      unseen,
      stmtCov: 0,
      stmtContent: 0,
      agree: 0,
      answerRepeats: 0,
      answerLen: 0,
      answerCapital: 0,
      answerCommon: 0,
      answerInQuestion: 0,
      fragment: 0,
      typeNamed: 0,
    };
    if (statement) {
      const answer = statementOf(s, sHits.map((h) => h.i));
      const features = { ...base, stmtLen: answer.split(/\s+/).length / 40, stmtCov: base.cov + base.covTypo + base.covExp, stmtContent: base.contentSent };
      candidates.push({ answer, hit, s, marked: sHits.map((h) => h.i), fromLead: false, features, score: 0, p: 0 });
      return;
    }
    const add = (from: AnalysedSentence, fromHits: TermHit[], fromLead: boolean) => {
      const votes = entityVotes(from, q, terms, questionLower, fromHits);
      const top = votes.reduce((m, v) => Math.max(m, v.votes), 0);
      for (const v of votes) {
        const d = fromHits.reduce((m, h) => Math.min(m, distance(v.entity, h.i)), Infinity);
        const seg = new Set([from.segments[v.entity.first], from.segments[v.entity.last]]);
        const features: FeatureValues = {
          ...base,
          votes: 1 - Math.exp(-v.votes / total),
          topVote: v.votes > 0 && v.votes >= top ? 1 : 0,
          actor: v.actor ? 1 : 0,
          titled: Math.min(1, v.titled / total),
          counts: v.counts ? 1 : 0,
          kindRank: v.kindRank,
          fromLead: fromLead ? 1 : 0,
          near: Number.isFinite(d) ? Math.exp(-d / 4) : 0,
          sameClause: fromHits.some((h) => seg.has(from.segments[h.i]!)) ? 1 : 0,
          ambiguity: 1 / votes.filter((x) => x.kindRank === v.kindRank).length,
          since: q.since && v.text.startsWith('since ') ? 1 : 0,
          answerRepeats: fromHits.filter((h) => h.i >= v.entity.first && h.i <= v.entity.last).length / (v.entity.last - v.entity.first + 1),
          answerLen: Math.min(1, v.text.split(/\s+/).length / 6),
          answerCapital: /^\p{Lu}/u.test(v.text) ? 1 : 0,
          answerCommon: NAME_KINDS.has(v.entity.kind) && v.entity.first === v.entity.last && isCommonWord(v.text) ? 1 : 0,
          answerInQuestion: shareInQuestion(v.text),
          fragment: NAME_KINDS.has(v.entity.kind) && isFragment(from, v.entity.first, v.entity.last) ? 1 : 0,
          fullDate: isFullDate(v.entity.kind, v.text) ? 1 : 0,
          grain: v.entity.kind === 'date' ? grainMatch(askedGrain, v.text) : 0,
          typeNamed: q.typeNoun === null ? 0 : names(v.text, q.typeNoun) || names(from.tokens[v.entity.last + 1]?.lower ?? '', q.typeNoun) ? 1 : -1,
        };
        candidates.push({ answer: v.text, hit, s: from, marked: fromHits.map((h) => h.i), fromLead, features, score: 0, p: 0 });
      }
    };
    add(s, sHits, false);
    // The event's date and place: "On 28 September 2019, in New York, ..." opens the release.
    if (release.lead && hit.position > 0 && (q.kind === 'date' || q.kind === 'place')) {
      const lead = analyser.analyse(release.lead);
      add(lead, termHits(lead, terms), true);
    }
  });
  // How each compares with the best the question found.
  const bestCov = candidates.reduce((m, c) => Math.max(m, c.features.cov + c.features.covTypo + c.features.covExp), 0);
  const bestVotes = candidates.reduce((m, c) => Math.max(m, c.features.votes), 0);
  for (const c of candidates) {
    c.features.relCov = c.features.cov + c.features.covTypo + c.features.covExp - bestCov;
    c.features.relVotes = c.features.votes - bestVotes;
  }
  // Corroboration: the same answer from another release.
  const releasesOf = new Map<string, Set<string>>();
  for (const c of candidates) {
    const key = c.answer.toLowerCase();
    if (!releasesOf.has(key)) releasesOf.set(key, new Set());
    releasesOf.get(key)!.add(c.hit.releaseId);
  }
  for (const c of candidates) c.features.agree = releasesOf.get(c.answer.toLowerCase())!.size > 1 ? 1 : 0;
  return { terms, candidates: candidates.slice(0, MAX_CANDIDATES) };
}

/** Sets each candidate's ranker score and sorts them best first (ties: release id, position). */
export function rank(model: Model, candidates: Candidate[]): Candidate[] {
  for (const c of candidates) c.score = logit(model.ranker, vectorOf(c.features));
  return candidates.sort((a, b) => b.score - a.score || a.hit.releaseId.localeCompare(b.hit.releaseId) || a.hit.position - b.hit.position);
}

/** The probability that `ranked[at]` is right: from its features and its lead over the best other answer. */
export function confidenceOf(model: Model, ranked: Candidate[], at = 0): number {
  const answers = ranked.map((c) => c.answer.toLowerCase());
  const input = confidenceInput(model.pointwise, vectorOf(ranked[at]!.features), ranked.map((c) => c.score), answers, at);
  return sigmoid(logit(model.confidence, input));
}

/**
 * The passage that speaks for the ranker's best answer: of the candidates giving that answer
 * from that release, the one whose sentence holds most of the question (the lead rather than a
 * sentence that only leans on it). Its features are what the confidence model judges, and it
 * is the quote.
 */
export function representative(ranked: Candidate[]): number {
  return representativeOf(ranked.map((c) => ({ answer: c.answer.toLowerCase(), release: c.hit.releaseId, x: vectorOf(c.features) })));
}

const COVERS = (['cov', 'covTypo', 'covExp'] as const).map((name) => FEATURES.indexOf(name));

/** As `representative`, over plain rows best first (training uses it too). */
export function representativeOf(rows: { answer: string; release: string; x: number[] }[]): number {
  const top = rows[0]!;
  let best = 0;
  let most = -1;
  rows.forEach((r, i) => {
    if (r.answer !== top.answer || r.release !== top.release) return;
    const cover = COVERS.reduce((sum, j) => sum + r.x[j]!, 0);
    if (cover > most + 1e-9) {
      most = cover;
      best = i;
    }
  });
  return best;
}

export interface FindOptions {
  releaseIds?: string[];
  model?: Model;
  /** Receives the ranked candidates, best first (for `--explain`). */
  explain?: (terms: WeightedTerm[], candidates: Candidate[]) => void;
}

/**
 * The best candidate answer when the model is confident enough; null (decline) otherwise. A
 * wrong confident answer costs more than a decline: the threshold was chosen for precision.
 */
export function findAnswer(library: Library, weigher: TermWeigher, q: Question, options: FindOptions = {}): Finding | null {
  const model = options.model ?? committedModel();
  const { terms, candidates } = collectCandidates(library, weigher, q, { releaseIds: options.releaseIds });
  const ranked = rank(model, candidates);
  const at = ranked.length > 0 ? representative(ranked) : -1;
  if (at >= 0) ranked[at]!.p = confidenceOf(model, ranked, at);
  options.explain?.(terms, ranked);
  const best = ranked[at];
  if (!best || best.p < model.threshold) return null;
  // Other releases that say the same, as confidently: cited after it.
  const same = best.answer.toLowerCase();
  const alsoIn: string[] = [];
  ranked.forEach((other, i) => {
    if (other === best || alsoIn.length >= 2 || other.answer.toLowerCase() !== same) return;
    if (other.hit.releaseId === best.hit.releaseId || alsoIn.includes(other.hit.releaseId)) return;
    const rest = ranked.filter((o) => o.hit.releaseId !== best.hit.releaseId);
    other.p = confidenceOf(model, rest, rest.indexOf(other));
    if (other.p >= model.threshold) alsoIn.push(other.hit.releaseId);
  });
  return { answer: best.answer, sentence: best.s, hit: best.hit, marked: markMatches(best.s, best.marked), p: best.p, alsoIn };
}
