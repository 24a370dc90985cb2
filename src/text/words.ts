/**
 * Cheap word handling for code that runs on every release (summaries) and for question terms:
 * no wink, just a stop list and a split.
 */

export const STOP_WORDS = new Set(
  (
    'a an the and or but if of in on at to for from by with without about as into onto over under than then ' +
    'is are was were be been being am do does did done has have had having will would shall should can could may might must ' +
    'it its this that these those there here their they them he him his she her we us our you your i me my ' +
    'not no nor so too very also just only such own same other another any all each every both few more most some ' +
    'which who whom whose what when where why how whether while during before after between through up down out off ' +
    'again further once said says say noted added ' +
    'mr ms mrs dr'
  ).split(/\s+/),
);

const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Content words of a text for ranking a release's sentences at indexing time: lower case, stop
 * words dropped, a plural "s" folded and nothing else, so it stays fast on 100k releases.
 */
export function quickWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SPLIT)) {
    if (raw.length < 3 || STOP_WORDS.has(raw)) continue;
    out.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}
