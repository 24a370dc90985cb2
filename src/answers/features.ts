/**
 * What the scorer knows of a candidate answer: generic measures of how well its passage (the
 * sentence, the one before it, the release's title and lead) holds the question, and how the
 * question's words point at the answer. No feature names a question or a release: the weights
 * come from the labelled questions (`npm run train`), and the cross-validated figures of
 * `npm run eval` say how they hold on questions they were not trained on.
 */
export const FEATURES = [
  /** Weighted share of the question's terms the sentence holds as written (or as an alias). */
  'cov',
  /** ... only through a typo correction ("hedquartered"). */
  'covTypo',
  /** ... only through a WordNet or title expansion ("set up" for founded). */
  'covExp',
  /** ... only in the sentence before. */
  'covPrev',
  /** ... only in the release's title or lead (its opening sentence). */
  'covLead',
  /** Share the title holds. */
  'covTitle',
  /** Share the release holds anywhere. */
  'covRelease',
  /** Share of the content (non-verb) weight the passage holds. */
  'content',
  /** Share of the content weight the sentence itself holds. */
  'contentSent',
  /** The question turns on a verb ("who chaired", "when did X open"). */
  'verbAsked',
  /** The sentence states that verb or a word related to it. */
  'verbStated',
  /** The sentence before or the lead states it. */
  'verbInPassage',
  /** The question wants a name, date, number or place (not a statement). */
  'entity',
  /** Votes of the question's words for this answer, as a share of the question's weight. */
  'votes',
  /** No other answer of its sentence has more votes. */
  'topVote',
  /** The answer is the subject or agent of the question's verb. */
  'actor',
  /** A title or apposition the question names stands by the answer. */
  'titled',
  /** For "how many X": the number counts X. */
  'counts',
  /** The answer is of the second kind the question accepts (a country for "where"). */
  'kindRank',
  /** The answer comes from the lead while the rest matched a later sentence. */
  'fromLead',
  /** Closeness of the answer to the nearest matched word. */
  'near',
  /** A matched word stands in the answer's clause. */
  'sameClause',
  /** One over the number of answers of the wanted kind in the sentence. */
  'ambiguity',
  /** "since when" and the answer reads "since ...". */
  'since',
  /** A date answer with a day and month, not a bare year. */
  'fullDate',
  /** The date's grain against the one asked: 1 for a bare year to "what year" or a day to "what date", -1 for the other way round. */
  'grain',
  /** The question names a year or a month ("in nov 2017"). */
  'qYear',
  /** That year and month are in the passage or the release's date. */
  'yearSeen',
  /** The release is of another year or month and the passage does not name the asked one. */
  'yearConflict',
  /** The sentence is the release's lead. */
  'lead',
  /** 1 / (1 + the sentence's position in the release). */
  'early',
  /** 1 / (1 + the sentence's rank in the search). */
  'rank',
  /** cov less the best cov of any candidate for the question (0 for the best). */
  'relCov',
  /** votes less the best votes of any candidate for the question. */
  'relVotes',
  /** A statement answer's length in words, over 40. */
  'stmtLen',
  /** "What is X?" and the sentence defines X ("X is ..."). */
  'defines',
  /** The sentence opens with a pronoun or "the meeting": it leans on the one before. */
  'pronounStart',
  /** The question's content terms, over 5 (capped at 1). */
  'nTerms',
  /** Share of the question's terms (by count) no release holds: "ppl", or a thing the releases never name. */
  'unseen',
  /** cov for statement questions (0 otherwise): a quoted clause must hold the question itself. */
  'stmtCov',
  /** contentSent for statement questions. */
  'stmtContent',
  /** Another release's best candidate gives the same answer. */
  'agree',
  /** Share of the answer's tokens that are the question's own words ("the Consortium" for "IBC"). */
  'answerRepeats',
  /** The answer's length in words, over 6 (capped at 1). */
  'answerLen',
  /** The answer opens with a capital: a proper name rather than a word the tagger took for one. */
  'answerCapital',
  /** A name answer of one word that WordNet knows as a common word: a title word ("Extraordinary", "Council"), not a name. */
  'answerCommon',
  /** Share of the answer's words the question itself uses, stop words included ("SCO" for "which agency asked the SCO"). */
  'answerInQuestion',
  /** A name cut out of a longer one ("Palais" of "Palais des Nations"). */
  'fragment',
  /** For "which bank", "what fund": 1 when the answer names that kind of thing ("Silk Road Fund"), -1 when it does not, 0 when none was asked. */
  'typeNamed',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type FeatureValues = Record<FeatureName, number>;

export function vectorOf(f: FeatureValues): number[] {
  return FEATURES.map((name) => f[name]);
}
