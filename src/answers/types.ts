import type { Citation, RichText } from '../bot/reply.ts';

/** What a question asks for. `latest` asks for the newest releases on a topic. */
export type AnswerKind = 'date' | 'person' | 'place' | 'number' | 'org' | 'yesno' | 'statement' | 'latest';

/** A release offered when the bot declines: the nearest it knows. */
export interface Suggestion {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  /** The passage that matched, words marked. */
  snippet?: RichText;
}

export interface AnswerResult {
  question: string;
  /** The short answer; null when the bot declines. */
  answer: string | null;
  /** The sentence the answer rests on, as written in the release. */
  quote: string | null;
  /** The quote with the question's words marked `strong`. */
  quoteMarked: RichText;
  /** Numbered releases that support the answer; the first holds the quote. */
  citations: Citation[];
  /** When declining: the nearest releases. */
  suggestions: Suggestion[];
  kind: AnswerKind;
  /** For latest questions: summaries of the cited releases, by release id. */
  summaries?: Record<string, string>;
  /** When asked for (`sco ask --explain`, `--json`): the candidates the scorer weighed. */
  evidence?: Evidence;
}

/** The terms a question was read as and the best candidates, with their features and probability. */
export interface Evidence {
  terms: { term: string; weight: number; expansions: string[] }[];
  /** The least probability an answer needs. */
  threshold: number;
  candidates: {
    answer: string;
    release: string;
    position: number;
    /** The sentence that matched the question. */
    sentence: string;
    /** When the answer comes from the release's lead: the lead. */
    lead?: string;
    /** The ranker's score. */
    score: number;
    /** For the best: the probability that it is right. */
    p?: number;
    features: Record<string, number>;
  }[];
}
