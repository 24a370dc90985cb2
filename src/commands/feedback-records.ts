/** What was answered, kept so a 👍/👎 can be read against it later. */
export interface AnsweredRecord {
  type: 'answer';
  question: string;
  answer: string | null;
  citations: string[];
  channel: string;
  at: string;
}

export interface VoteRecord {
  type: 'vote';
  answerId: string;
  vote: 'up' | 'down';
  user: string;
  at: string;
}

/** What the feedback namespace holds. */
export type FeedbackRecord = AnsweredRecord | VoteRecord;
