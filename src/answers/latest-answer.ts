import type { Library, SearchHit } from '../library/types.ts';
import { held, releaseText } from './release-text.ts';
import { termsOf, type Question } from './question.ts';
import type { TermWeigher } from './terms.ts';
import type { AnswerResult } from './types.ts';
import { SETTINGS } from './model/settings.ts';

const { latestCount: LATEST_COUNT, latestPool: POOL, latestNearly: NEARLY } = SETTINGS;

function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The releases on a topic, newest first. A topic of one name is the library's own (aliases,
 * the taxonomy); a phrase ("SCO meeting with UN Secretary-General Guterres", "Jenca or the
 * UNRCCA") counts a release on it when it holds nearly as much of the phrase's weight as the
 * release holding most: a common word ("statement", "SCO") does not make a release on topic.
 */
function onTopic(library: Library, weigher: TermWeigher, topic: string): SearchHit[] {
  const outcome = library.latest({ topic: topic || undefined, limit: topic ? POOL : LATEST_COUNT });
  const terms = weigher.weigh(termsOf(topic));
  if (terms.length <= 1) return outcome.hits.slice(0, LATEST_COUNT);
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  // "Jenca or the UNRCCA": either part names the topic.
  const alternatives = / or /i.test(topic) ? topic.split(/ or /i).map((part) => new Set(termsOf(part).map((t) => t.lower))) : [new Set(terms.map((t) => t.lower))];
  const coverage = outcome.hits.map((h) => {
    const has = held(terms, releaseText(library, h.release.id).all);
    return alternatives.reduce((m, alt) => {
      const of = terms.filter((t) => alt.has(t.lower));
      const weight = of.reduce((sum, t) => sum + t.weight, 0) || total;
      return Math.max(m, of.filter((t) => has.get(t.lower) === 'word').reduce((sum, t) => sum + t.weight, 0) / weight);
    }, 0);
  });
  const best = coverage.reduce((m, c) => Math.max(m, c), 0);
  return outcome.hits.filter((_, i) => coverage[i]! >= NEARLY * best).slice(0, LATEST_COUNT);
}

/** "What is the latest on X?": the newest releases on X, with their dates and summaries. */
export function latestAnswer(library: Library, weigher: TermWeigher, q: Question): AnswerResult {
  const topic = q.topic ?? '';
  const hits = onTopic(library, weigher, topic);
  const base = { question: q.text, kind: q.kind, suggestions: [] };
  if (hits.length === 0) {
    return { ...base, answer: null, quote: null, quoteMarked: [], citations: [] };
  }
  const newest = hits[0]!.release;
  const summaries: Record<string, string> = {};
  for (const { release } of hits) summaries[release.id] = release.summary.join(' ');
  const about = topic ? ` on “${topic}”` : '';
  const summary = newest.summary.join(' ');
  return {
    ...base,
    answer: `The latest release${about} is “${newest.title}” (${formatDate(newest.date)}).`,
    quote: summary || null,
    quoteMarked: summary ? [summary] : [],
    citations: hits.map(({ release: r }, i) => ({ n: i + 1, id: r.id, title: r.title, date: r.date, url: r.url })),
    summaries,
  };
}
