import type { Citation } from '../bot/reply.ts';
import type { Library } from '../library/types.ts';
import type { Release } from '../releases/release.ts';
import type { Services } from '../services.ts';
import { findAnswer, type Candidate } from './find-answer.ts';
import { latestAnswer } from './latest-answer.ts';
import { analyseQuestion, termsOf, type Question } from './question.ts';
import { committedModel, type Model } from './scorer.ts';
import { TermWeigher, type WeightedTerm } from './terms.ts';
import { loadThread, saveThread } from './thread-context.ts';
import type { AnswerResult, Evidence, Suggestion } from './types.ts';
import { capQuestion } from '../text/limits.ts';

export const DECLINE = 'I could not find this in the SCO releases I know.';

export function citationOf(n: number, release: Release): Citation {
  return { n, id: release.id, title: release.title, date: release.date, url: release.url };
}

/**
 * Answers a question from the releases: a short answer, the sentence it rests on and the
 * releases that say it; or, when the evidence is weak, null with the two nearest releases.
 * With `thread`, a follow-up ("and when was that?") leans on the thread's previous question.
 */
export async function answerQuestion(
  services: Pick<Services, 'library' | 'store' | 'clock' | 'termFrequencies'>,
  question: string,
  opts: { thread?: string; model?: Model; evidence?: boolean } = {},
): Promise<AnswerResult> {
  const { library } = services;
  const weigher = new TermWeigher(library, services.termFrequencies);
  const q = analyseQuestion(capQuestion(question));
  if (q.kind === 'latest') return latestAnswer(library, weigher, q);

  const previous = opts.thread ? await loadThread(services, opts.thread) : null;
  let asked: Question = q;
  let releaseIds: string[] | undefined;
  if (previous && q.followUp) {
    const seen = new Set(q.terms.map((t) => t.stem));
    asked = { ...q, terms: [...q.terms, ...termsOf(previous.question).filter((t) => !seen.has(t.stem))] };
    releaseIds = previous.releaseIds.length ? previous.releaseIds : undefined;
  }

  let evidence: Evidence | undefined;
  const explain = opts.evidence ? (terms: WeightedTerm[], candidates: Candidate[]) => (evidence = evidenceOf(terms, candidates, opts.model)) : undefined;
  let finding = findAnswer(library, weigher, asked, { releaseIds, model: opts.model, explain });
  if (!finding && releaseIds) finding = findAnswer(library, weigher, asked, { model: opts.model, explain });

  if (!finding) {
    return {
      question,
      answer: null,
      quote: null,
      quoteMarked: [],
      citations: [],
      suggestions: nearest(library, q),
      kind: q.kind,
      ...(evidence ? { evidence } : {}),
    };
  }

  const citations: Citation[] = [];
  for (const id of [finding.hit.releaseId, ...finding.alsoIn]) {
    const release = library.get(id);
    if (release) citations.push(citationOf(citations.length + 1, release));
  }
  if (opts.thread) {
    const remembered = previous && q.followUp ? `${previous.question} ${question}` : question;
    await saveThread(services, opts.thread, { question: remembered, releaseIds: citations.map((c) => c.id) });
  }
  return {
    question,
    answer: finding.answer,
    quote: finding.sentence.text,
    quoteMarked: finding.marked,
    citations,
    suggestions: [],
    kind: q.kind,
    ...(evidence ? { evidence } : {}),
  };
}

/** Candidates shown by `--explain`. */
const EXPLAINED = 5;

function evidenceOf(terms: WeightedTerm[], candidates: Candidate[], model: Model | undefined): Evidence {
  return {
    terms: terms.map((t) => ({ term: t.lower, weight: Number(t.weight.toFixed(3)), expansions: t.expansions.map((e) => e.text).slice(0, 8) })),
    threshold: (model ?? committedModel()).threshold,
    candidates: candidates.slice(0, EXPLAINED).map((c) => ({
      answer: c.answer,
      release: c.hit.releaseId,
      position: c.hit.position,
      sentence: c.hit.text,
      ...(c.fromLead ? { lead: c.s.text } : {}),
      score: Number(c.score.toFixed(3)),
      ...(c.p ? { p: Number(c.p.toFixed(4)) } : {}),
      features: Object.fromEntries(Object.entries(c.features).map(([k, v]) => [k, Number(v.toFixed(3))])),
    })),
  };
}

/** The two releases closest to the question, offered when declining. */
function nearest(library: Library, q: Question): Suggestion[] {
  const words = q.terms.map((t) => t.text).join(' ');
  if (!words) return [];
  const outcome = library.search(words, { limit: 2 });
  return outcome.hits.map(({ release: r, snippet }) => ({ id: r.id, title: r.title, date: r.date, url: r.url, snippet }));
}
