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
}
