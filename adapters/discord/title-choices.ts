import { suggestTitles, type TitleSuggestion } from '../../src/commands/title-suggestions.ts';
import type { Library } from '../../src/library/types.ts';
import { LIMITS } from './limits.ts';
import { topicChoices } from './topic-choices.ts';

type Choice = { name: string; value: string };

/** `text` cut at a word boundary to `max` characters, with an ellipsis when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const at = room.lastIndexOf(' ');
  return `${(at > max / 2 ? room.slice(0, at) : room).trimEnd()}…`;
}

/**
 * Release titles as autocomplete choices: the name shows the title and date, the value is the
 * title as a quoted phrase (what the search then looks up), both within Discord's 100 characters.
 */
export function titleChoices(titles: TitleSuggestion[]): Choice[] {
  return titles.map((t) => ({
    name: cut(`${t.title}${t.date ? ` (${t.date})` : ''}`, LIMITS.choiceName),
    // Quoted, so the lookup runs the title as a phrase and finds that release first.
    value: `"${cut(t.title.replace(/"/g, ''), LIMITS.choiceValue - 2).replace(/…$/, '')}"`,
  }));
}

/** Topics first (a few), then titles, no two with the same value, at most Discord's 25. */
export function mergeChoices(topics: Choice[], titles: Choice[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const c of [...topics.slice(0, 5), ...titles]) {
    const key = c.value.toLowerCase();
    if (seen.has(key) || !c.value.trim()) continue;
    seen.add(key);
    out.push(c);
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return out;
}

/**
 * Completions for a lookup's query: matching topics as `topic:` filters (in a lookup a topic is a
 * filter), then release titles that hold the words typed.
 */
export function queryChoices(library: Library, typed: string): Choice[] {
  const topics = topicChoices(library.topics(), typed).map((t) => ({ ...t, value: `topic:${t.value}`.slice(0, LIMITS.choiceValue) }));
  return mergeChoices(topics, titleChoices(suggestTitles(library, typed, LIMITS.autocompleteChoices)));
}
