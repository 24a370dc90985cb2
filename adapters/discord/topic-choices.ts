import type { Topic } from '../../src/library/types.ts';
import { safeCut } from '../../src/util/safe-cut.ts';
import { LIMITS } from './limits.ts';

/**
 * Autocomplete choices for a topic option: names starting with what was typed first, then
 * names or aliases containing it; at most Discord's 25. The value is the topic id, which the
 * core accepts wherever it takes a topic.
 */
export function topicChoices(topics: Topic[], typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase();
  const scored: { t: Topic; rank: number }[] = [];
  for (const t of topics) {
    const label = t.label.toLowerCase();
    const words = [t.id.toLowerCase(), ...t.aliases.map((a) => a.toLowerCase())];
    let rank = -1;
    if (!q || label.startsWith(q)) rank = 0;
    else if (words.some((w) => w.startsWith(q))) rank = 1;
    else if (label.includes(q) || words.some((w) => w.includes(q))) rank = 2;
    if (rank >= 0) scored.push({ t, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.t.label.localeCompare(b.t.label));
  return scored.slice(0, LIMITS.autocompleteChoices).map(({ t }) => ({
    name: t.label.slice(0, safeCut(t.label, LIMITS.choiceName)),
    value: t.id.slice(0, LIMITS.choiceValue),
  }));
}
