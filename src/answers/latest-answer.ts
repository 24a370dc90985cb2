import type { Library } from '../library/types.ts';
import type { Question } from './question.ts';
import type { AnswerResult } from './types.ts';

const LATEST_COUNT = 3;

function formatDate(date: string | null): string {
  if (!date) return 'date unknown';
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "What is the latest on X?": the newest releases on X, with their dates and summaries. */
export function latestAnswer(library: Library, q: Question): AnswerResult {
  const topic = q.topic ?? '';
  const outcome = library.latest({ topic: topic || undefined, limit: LATEST_COUNT });
  const base = { question: q.text, kind: q.kind, suggestions: [] };
  if (outcome.hits.length === 0) {
    return { ...base, answer: null, quote: null, quoteMarked: [], citations: [] };
  }
  const newest = outcome.hits[0]!.release;
  const summaries: Record<string, string> = {};
  for (const { release } of outcome.hits) summaries[release.id] = release.summary.join(' ');
  const about = topic ? ` on “${topic}”` : '';
  const summary = newest.summary.join(' ');
  return {
    ...base,
    answer: `The latest release${about} is “${newest.title}” (${formatDate(newest.date)}).`,
    quote: summary || null,
    quoteMarked: summary ? [summary] : [],
    citations: outcome.hits.map(({ release: r }, i) => ({ n: i + 1, id: r.id, title: r.title, date: r.date, url: r.url })),
    summaries,
  };
}
