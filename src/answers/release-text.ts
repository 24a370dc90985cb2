import type { Library } from '../library/types.ts';
import { expansionMatchesWord } from './expansion.ts';
import { textMatches, wordsOf, type WeightedTerm } from './terms.ts';

/**
 * What a passage reads of its release, and which of a question's terms a text holds: the
 * candidates (find-answer.ts) and latest answers (latest-answer.ts) read releases this way.
 */

export interface Text {
  lower: string;
  words: string[];
}
export const textOf = (raw: string): Text => {
  const lower = raw.toLowerCase();
  return { lower, words: wordsOf(lower) };
};

/** The terms a text holds: as words (or typos of them), else through an expansion. */
export function held(terms: WeightedTerm[], t: Text): Map<string, 'word' | 'expansion'> {
  const out = new Map<string, 'word' | 'expansion'>();
  for (const term of terms) {
    if (textMatches(term, t.lower, t.words)) out.set(term.lower, 'word');
    else if (term.expansions.some((e) => (e.text.includes(' ') ? t.lower.includes(e.text) : t.words.some((w) => expansionMatchesWord(e, w))))) out.set(term.lower, 'expansion');
  }
  return out;
}

const RELEASE_TEXTS = 1000;
const releaseTexts = new Map<string, ReleaseText>();

/** What a passage reads of its release: sentences, text, title, lead and date (YYYY-MM-DD or null). */
export interface ReleaseText {
  /** The release's sentences, in order: a passage reads the one before its sentence here. */
  sentences: string[];
  all: Text;
  title: Text;
  lead: string | null;
  date: string | null;
}

/** A release's sentences, text, title, lead and date, kept for recently used releases (keyed by content hash). */
export function releaseText(library: Library, id: string): ReleaseText {
  const release = library.get(id);
  const key = `${id}\u0000${release?.hash ?? ''}`;
  const known = releaseTexts.get(key);
  if (known) return known;
  const sentences = library.sentencesOf(id);
  const text = { sentences, all: textOf(`${release?.title ?? ''}\n${sentences.join('\n')}`), title: textOf(release?.title ?? ''), lead: sentences[0] ?? null, date: release?.date ?? null };
  if (releaseTexts.size >= RELEASE_TEXTS) releaseTexts.delete(releaseTexts.keys().next().value!);
  releaseTexts.set(key, text);
  return text;
}
