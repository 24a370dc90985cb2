import type { AnalysedSentence } from './sentence-analysis.ts';
import { nounKey } from './question.ts';
import { wordsOf } from './terms.ts';

/** What a candidate answer's own text and place in its sentence say of it, apart from the question's words. */

const capital = (t: { text: string } | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
/**
 * A name cut out of a longer one: "Palais" of "Palais des Nations", "Republic of China" of
 * "People's Republic of China". The name goes on after it, or a name's possessive stands before it.
 */
export function isFragment(s: AnalysedSentence, first: number, last: number): boolean {
  const next = s.tokens[last + 1];
  const after = capital(next) || (['des', 'de', 'of', 'du', 'la'].includes(next?.lower ?? '') && capital(s.tokens[last + 2]));
  const possessive = ["'s", '’s'].includes(s.tokens[first - 1]?.lower ?? '') && capital(s.tokens[first - 2]);
  return after || possessive;
}

/** Whether a text names the kind of thing asked for: "Habib Bank Limited" a bank, "organizations" an organisation. */
export function names(text: string, noun: string): boolean {
  return wordsOf(text.toLowerCase()).some((w) => nounKey(w) === noun);
}
