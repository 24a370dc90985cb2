/**
 * The answer engine's hand-set numbers, in one place. Everything that weighs one candidate
 * against another is learned (weights.json, `npm run train`); these only say how much evidence
 * is gathered and how a question's words are weighed before the scorer sees them. Changing one
 * changes the features: retrain, and compare the cross-validated figures of `npm run eval`.
 */
export const SETTINGS = {
  /** Sentences the search brings for a question. */
  sentences: 60,
  /** Candidates kept for a question, best first: enough for any answer the search ranks high. */
  maxCandidates: 400,
  /** Sentences sampled to count a term's frequency; a full sample means the word is common. */
  dfSample: 120,
  /** Weight of words on nearly every release ("SCO", "cooperation"). */
  genericWeight: 0.25,
  /** The least a term weighs. */
  minWeight: 0.2,
  /** A verb says less than a name or a noun: its weight is scaled by this. */
  verbFactor: 0.5,
  /** Words of the question WordNet relates to a term, at most. */
  maxExpansions: 24,
  /** Senses of a word WordNet is read for: it lists the commonest first, and the rare ones mislead. */
  wordNetSenses: 4,
  /** A word's vote for an answer fades to nothing over this many tokens. */
  voteFade: 20,
  /** "Latest on X": releases shown, releases looked at for a topic of several words, and the
   * share of the best release's coverage of the topic a release needs to count as on it. */
  latestCount: 3,
  latestPool: 20,
  latestNearly: 0.8,
} as const;
