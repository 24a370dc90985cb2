import { STOP_WORDS } from '../text/words.ts';
import { wordsOf } from '../index/words.ts';

/** Shortest name that may tag a release ("UN" is two letters). */
const MIN_NAME_CHARS = 2;

/**
 * Why a label, alias or mention cannot be a topic's name, or null when it can. An empty name,
 * a single letter or a common word ("the", "a") occurs in every release and would give every
 * release the topic.
 */
export function unusableName(name: string): string | null {
  const words = wordsOf(name);
  if (words.length === 0) return 'has no letters or digits';
  if (words.join('').length < MIN_NAME_CHARS) return 'is too short to mean anything on its own';
  if (words.every((w) => STOP_WORDS.has(w))) return 'is a common word that nearly every release holds';
  return null;
}
