/**
 * Cheap word handling for code that runs on every release (summaries): no wink, just a
 * regular expression, a stop list and a crude suffix strip that folds plurals and verb forms.
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

/** Folds common English inflections so "meetings", "meeting" and "meet" compare equal. */
export function crudeStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 4) return w;
  for (const suffix of ['ational', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 'ly', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, w.length - suffix.length);
      break;
    }
  }
  return w;
}

/** Content words of a text: lower-cased, stemmed, stop words and numbers-only tokens dropped. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(crudeStem(word));
  }
  return out;
}

const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * A faster, rougher contentWords for ranking a release's sentences at indexing time: plural
 * "s" folded, nothing else. About three times quicker on long releases.
 */
export function quickWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SPLIT)) {
    if (raw.length < 3 || STOP_WORDS.has(raw)) continue;
    out.push(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return out;
}
