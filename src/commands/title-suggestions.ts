import type { Library } from '../library/types.ts';

export interface TitleSuggestion {
  id: string;
  title: string;
  date: string | null;
}

/** Letters and digits of a word, lower case, for comparing typed words with title words. */
const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Releases whose titles match what a person is typing, for completions: the last word counts as
 * the start of a word (`Interb` finds "Interbank"), the newest releases when nothing is typed yet.
 * Titles holding every typed word come first, in the search's order.
 */
export function suggestTitles(library: Library, typed: string, limit: number): TitleSuggestion[] {
  const text = typed.replace(/[*"]/g, ' ').trim();
  const toSuggestion = (r: { id: string; title: string; date: string | null }) => ({ id: r.id, title: r.title, date: r.date });
  if (!text) return library.latest({ limit }).hits.map((h) => toSuggestion(h.release));
  // A word still being typed is a prefix; one followed by a space is complete.
  const query = /[\p{L}\p{N}]{2,}$/u.test(typed) ? `${text}*` : text;
  const hits = library.search(query, { limit: limit * 2 }).hits.map((h) => h.release);
  const words = text.split(/\s+/).map(norm).filter(Boolean);
  const inTitle = (title: string) => {
    const titleWords = title.split(/\s+/).map(norm);
    return words.every((w) => titleWords.some((t) => t.startsWith(w)));
  };
  const first = hits.filter((r) => inTitle(r.title));
  const rest = hits.filter((r) => !inTitle(r.title));
  return [...first, ...rest].slice(0, limit).map(toSuggestion);
}
